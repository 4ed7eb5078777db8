package io.liaison.search.link;

import static io.liaison.search.link.Records.FENGZHEN;
import static io.liaison.search.link.Records.HUAIAN;
import static io.liaison.search.link.Records.TIANZHEN;
import static io.liaison.search.link.Records.XINGHE;
import static io.liaison.search.link.Records.doc;
import static io.liaison.search.link.Records.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.network.Network;
import io.liaison.search.SearchDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stop-list: a value many records share (a courier's phone, a market, 王伟) stops counting as its
 * document frequency grows, links that rested on it go, and come back when it is rare again. Bands
 * are tiny here (specific up to 2 records, common up to 3) so that four records show it.
 */
class OverCommonTest {
  static final LinkOptions SMALL =
      LinkOptions.defaults()
          .withBands(
              new LinkOptions.Bands(2, 3),
              new LinkOptions.Bands(2, 3),
              new LinkOptions.Bands(2, 3));

  @TempDir Path dir;

  /**
   * Record {@code i}: a different person each time, parcels handed in by the same go-between (a
   * party's phone: an outlet's own phone is no evidence at all, see CaseFileRolesTest).
   */
  static SearchDocument viaDepot(String id, io.liaison.api.BureauId bureau, String name) {
    return doc(id, bureau, "寄件人" + name + "的包裹由代发人（联系电话13900001111）交寄顺丰快递。", person(name));
  }

  @Test
  void aHubPhoneLinksWhileRareAndStopsWhenCommonThenComesBackOnWithdrawal() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir, SMALL)) {
      engine.upsert(viaDepot("a", XINGHE, "乔满仓"));
      LinkUpdate second = engine.upsert(viaDepot("b", TIANZHEN, "温存良"));
      assertThat(second.links()).hasSize(1);
      String network = second.networks().get(0);

      LinkUpdate third = engine.upsert(viaDepot("c", FENGZHEN, "樊根柱"));
      assertThat(third.links()).isEmpty();
      assertThat(third.dissolvedNetworks()).containsExactly(network);
      assertThat(third.withdrawnProposals()).hasSize(1);
      assertThat(engine.networks()).isEmpty();
      Evidence hub = engine.explain("a", "b").orElseThrow().evidence().get(0);
      assertThat(hub.value()).isEqualTo("13900001111");
      assertThat(hub.records()).isEqualTo(3);
      assertThat(hub.frequency()).isEqualTo(Frequency.COMMON);

      engine.upsert(viaDepot("d", HUAIAN, "霍占林"));
      Evidence over = engine.explain("c", "d").orElseThrow().evidence().get(0);
      assertThat(over.frequency()).isEqualTo(Frequency.OVER_COMMON);
      assertThat(over.counted()).isFalse();
      assertThat(engine.networks()).isEmpty();

      engine.withdraw("c", 1);
      engine.withdraw("d", 1);
      assertThat(engine.links("a")).extracting(Link::b).containsExactly("b");
      assertThat(engine.networks()).hasSize(1);
    }
  }

  @Test
  void aTypoOfACommonValueIsCommonToo() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir, SMALL)) {
      engine.upsert(doc("t1", FENGZHEN, "经快递员手机13900001112揽收。"));
      // the same typo in two records is specific while the phone it mistypes is rare
      assertThat(engine.upsert(doc("t2", HUAIAN, "经快递员手机13900001112揽收。")).links()).hasSize(1);
      engine.upsert(viaDepot("a", XINGHE, "乔满仓"));
      engine.upsert(viaDepot("b", TIANZHEN, "温存良"));
      // the depot phone is now held by three records (common): its typo counts them too, so both
      // the depot's network and the typo's fall apart
      LinkUpdate u = engine.upsert(viaDepot("c", FENGZHEN, "樊根柱"));
      assertThat(u.dissolvedNetworks()).hasSize(2);
      Evidence e = engine.explain("t1", "t2").orElseThrow().evidence().get(0);
      assertThat(e.value()).isEqualTo("13900001112");
      assertThat(e.records()).isEqualTo(5);
      assertThat(e.frequency()).isEqualTo(Frequency.OVER_COMMON);
      assertThat(engine.networks()).isEmpty();
    }
  }

  @Test
  void aCommonValueCountsWithSpecificCorroboration() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir, SMALL)) {
      engine.upsert(viaDepot("a", XINGHE, "乔满仓"));
      engine.upsert(viaDepot("b", TIANZHEN, "温存良"));
      // the third record makes the hub common; the same specific person on top of it is enough
      LinkUpdate u = engine.upsert(viaDepot("e", HUAIAN, "乔满仓"));
      assertThat(u.links()).extracting(Link::a).containsExactly("a");
      assertThat(u.links().get(0).evidence())
          .extracting(Evidence::kind)
          .containsSubsequence(EvidenceKind.SAME_NAME, EvidenceKind.IDENTICAL);
    }
  }

  @Test
  void aCommonNameNeverRetrievesAndAddsLittle() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir, SMALL)) {
      for (String id : List.of("w1", "w2", "w3", "w4")) {
        engine.upsert(doc(id, XINGHE, "当事人王伟无证经营卷烟。", person("王伟")));
      }
      assertThat(engine.networks()).isEmpty();
      assertThat(engine.candidates("w1")).isEmpty();
      Evidence name = engine.explain("w1", "w2").orElseThrow().evidence().get(0);
      assertThat(name.kind()).isEqualTo(EvidenceKind.SAME_NAME);
      assertThat(name.frequency()).isEqualTo(Frequency.OVER_COMMON);
    }
  }

  @Test
  void linksDoNotDependOnArrivalOrder() throws IOException {
    List<SearchDocument> docs =
        List.of(
            viaDepot("a", XINGHE, "乔满仓"),
            viaDepot("b", TIANZHEN, "温存良"),
            viaDepot("e", HUAIAN, "乔满仓"),
            doc("f", XINGHE, "驾驶员温存良，手机13711112222。"),
            doc("g", TIANZHEN, "上家电话13711112222。"));
    Set<Set<String>> forward = networks(dir.resolve("forward"), docs);
    List<SearchDocument> reversed = new java.util.ArrayList<>(docs);
    java.util.Collections.reverse(reversed);
    Set<Set<String>> backward = networks(dir.resolve("backward"), reversed);
    assertThat(forward).isEqualTo(backward).contains(Set.of("a", "e"), Set.of("f", "g"));
    try (LinkEngine engine = LinkEngine.open(dir.resolve("relink"), SMALL)) {
      engine.relink(docs.stream().map(LinkRecord::open).toList(), n -> {});
      assertThat(members(engine)).isEqualTo(forward);
    }
  }

  private static Set<Set<String>> networks(Path path, List<SearchDocument> docs)
      throws IOException {
    try (LinkEngine engine = LinkEngine.open(path, SMALL)) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      return members(engine);
    }
  }

  static Set<Set<String>> members(LinkEngine engine) {
    return engine.networks().stream()
        .map(n -> n.members().stream().map(Network.Member::id).collect(Collectors.toSet()))
        .collect(Collectors.toSet());
  }
}
