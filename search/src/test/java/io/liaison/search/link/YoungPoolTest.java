package io.liaison.search.link;

import static io.liaison.search.link.Records.FENGZHEN;
import static io.liaison.search.link.Records.XINGHE;
import static io.liaison.search.link.Records.doc;
import static io.liaison.search.link.Records.person;
import static io.liaison.search.link.Records.phone;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.network.Network;
import io.liaison.search.SearchDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relative frequency with a prior for small pools (issue 33): a value that most of a bureau's first
 * cases write is no one party's even where no word around it says whose it is, while a network of a
 * few cases among a young pool's first still links; as the pool grows the same value becomes
 * specific, and incremental linking stays equal to a relink across every step.
 */
class YoungPoolTest {
  @TempDir Path dir;

  private static final String SHARED_CARD = "6217000012345678";

  private static String name(int i) {
    return "" + "乔温樊霍郝贾薛武".charAt(i % 8) + "满仓存良根柱".charAt((i / 8) % 6) + "占林金锁福有虎".charAt(i % 7);
  }

  private static String mobile(int i) {
    return String.format("139%08d", 10_000_000 + i * 7_919);
  }

  /** An unrelated case: its own party, mobile, village house, date and quantities. */
  private static SearchDocument unrelated(String id, int i, String extra) {
    String place =
        "" + "东西南北前后上下".charAt(i % 8) + "沟岭屯营峪坪湾".charAt((i / 8) % 7) + "村" + (i * 7 + 1) + "号";
    return doc(
        id,
        i % 2 == 0 ? FENGZHEN : XINGHE,
        "经营地址为"
            + place
            + "。2026年"
            + (1 + i % 12)
            + "月"
            + (1 + i % 28)
            + "日查获中华（软）"
            + (10 + i * 13)
            + "条。经查，当事人"
            + name(i)
            + "（联系电话"
            + mobile(i)
            + "）未取得烟草专卖零售许可证擅自经营卷烟。"
            + extra,
        person(name(i)),
        phone(mobile(i)));
  }

  /** The same card, written bare (no word says whose), in cases 0..k-1 of n. */
  private static List<SearchDocument> pool(String prefix, int n, int k) {
    List<SearchDocument> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      docs.add(
          unrelated(prefix + i, i, i < k ? "货款汇入农村信用社卡号" + SHARED_CARD + "。" : "当事人对上述事实无异议。"));
    }
    return docs;
  }

  @Test
  void aValueInFifteenOfABureausFirstTwentyCasesLinksNone() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      for (SearchDocument d : pool("young-", 20, 15)) {
        engine.upsert(d);
      }
      assertThat(engine.networks()).isEmpty();
      assertThat(engine.explain("young-0", "young-1").orElseThrow().evidence())
          .filteredOn(e -> SHARED_CARD.equals(e.value()))
          .singleElement()
          .satisfies(e -> assertThat(e.frequency()).isEqualTo(Frequency.COMMON));
    }
  }

  @Test
  void aNetworkOfFiveAmongTheFirstTenLinks() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      for (SearchDocument d : pool("young-", 10, 5)) {
        engine.upsert(d);
      }
      assertThat(partition(engine))
          .containsExactly(Set.of("young-0", "young-1", "young-2", "young-3", "young-4"));
    }
  }

  @Test
  void theSameValueBecomesSpecificAsThePoolGrowsAndIncrementalEqualsRelink() throws IOException {
    List<SearchDocument> docs = new ArrayList<>(pool("young-", 20, 15));
    try (LinkEngine engine = LinkEngine.open(dir.resolve("inc"))) {
      docs.forEach(d -> upsert(engine, d));
      assertThat(engine.networks()).isEmpty();
      // 95 more unrelated cases: 15 of 115 is no longer more than a tenth of the pool and its prior
      for (int i = 20; i < 115; i++) {
        SearchDocument d = unrelated("later-" + i, i, "当事人对上述事实无异议。");
        docs.add(d);
        LinkUpdate u = engine.upsert(d);
        if (i == 109) {
          // the step that makes the card specific reports the network it made
          assertThat(u.networks()).hasSize(1);
        }
      }
      Set<String> fifteen = new HashSet<>();
      for (int i = 0; i < 15; i++) {
        fifteen.add("young-" + i);
      }
      assertThat(partition(engine)).containsExactly(fifteen);
      assertThat(partition(engine)).isEqualTo(relinked(docs, "full-1"));
      // and back: withdrawn cases shrink the pool, the card is common again
      for (int i = 20; i < 40; i++) {
        engine.withdraw("later-" + i, 2);
      }
      List<SearchDocument> left = docs.stream().filter(d -> !isWithdrawn(d)).toList();
      assertThat(partition(engine)).isEmpty();
      assertThat(relinked(left, "full-2")).isEmpty();
    }
  }

  @Test
  void anEngineReopenedOnAYoungPoolCountsItsRecords() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      for (SearchDocument d : pool("young-", 20, 15)) {
        engine.upsert(d);
      }
      engine.commit("20");
    }
    try (LinkEngine engine = LinkEngine.open(dir)) {
      // one more case of the card: 16 of 21 records, as common as 15 of 20
      engine.upsert(unrelated("young-20", 20, "货款汇入农村信用社卡号" + SHARED_CARD + "。"));
      assertThat(engine.networks()).isEmpty();
    }
  }

  private static boolean isWithdrawn(SearchDocument d) {
    if (!d.id().startsWith("later-")) {
      return false;
    }
    int i = Integer.parseInt(d.id().substring("later-".length()));
    return i >= 20 && i < 40;
  }

  private Set<Set<String>> relinked(List<SearchDocument> docs, String sub) throws IOException {
    try (LinkEngine full = LinkEngine.open(dir.resolve(sub))) {
      full.relink(docs.stream().map(LinkRecord::open).toList(), n -> {});
      return partition(full);
    }
  }

  private static void upsert(LinkEngine engine, SearchDocument d) {
    try {
      engine.upsert(d);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<Set<String>> partition(LinkEngine engine) {
    return engine.networks().stream()
        .map(n -> n.members().stream().map(Network.Member::id).collect(Collectors.toSet()))
        .collect(Collectors.toSet());
  }
}
