package io.liaison.search.link;

import static io.liaison.search.link.Records.FENGZHEN;
import static io.liaison.search.link.Records.HUAIAN;
import static io.liaison.search.link.Records.TIANZHEN;
import static io.liaison.search.link.Records.XINGHE;
import static io.liaison.search.link.Records.doc;
import static io.liaison.search.link.Records.person;
import static io.liaison.search.link.Records.phone;
import static io.liaison.search.link.Records.plate;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
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
 * Values that unrelated case files share for innocent reasons, written the way real case files
 * write them (issue 33): a courier outlet's landline, the officers who sign every case of a team, a
 * hired van's plate. None of them links cases, at the default options and in a pool as small as a
 * bureau's first months; and one weak value never joins two networks.
 */
class CaseFileRolesTest {
  @TempDir Path dir;

  private static final BureauId[] BUREAUS = {XINGHE, FENGZHEN, TIANZHEN, HUAIAN};

  /** Unrelated parties: a different name and mobile in each case. */
  private static String name(int i) {
    return "" + "乔温樊霍郝贾薛武".charAt(i % 8) + "满仓存良根柱".charAt((i / 8) % 6) + "占林金锁福有虎".charAt(i % 7);
  }

  /** What differs between unrelated cases written on one template: date, quantities, amount. */
  private static String figures(int i) {
    String place =
        "" + "东西南北前后上下".charAt(i % 8) + "沟岭屯营峪坪湾".charAt((i / 8) % 7) + "村" + (i * 7 + 1) + "号";
    String[] shops = {"一家烟酒门市", "一家小卖部", "一处民房", "一家便利店", "一个仓库"};
    return "经营地址为"
        + place
        + "，"
        + shops[i % 5]
        + "。2026年"
        + (1 + i % 12)
        + "月"
        + (1 + i % 28)
        + "日查获中华（软）"
        + (10 + i * 13)
        + "条，案值"
        + (4000 + i * 733)
        + "元。";
  }

  private static String mobile(int i) {
    return String.format("139%08d", 10_000_000 + i * 7_919);
  }

  @Test
  void anOutletLandlineSharedByTenUnrelatedCasesLinksNone() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      for (int i = 0; i < 10; i++) {
        engine.upsert(
            doc(
                "parcel-" + i,
                BUREAUS[i % 4],
                figures(i)
                    + "当事人"
                    + name(i)
                    + "（手机号"
                    + mobile(i)
                    + "）通过网络销售卷烟，经中通快递（运单号7851022659"
                    + (2000 + i)
                    + "）寄递中华（软）20条。中通快递怀安网点（电话0313 3633158）配合调查。",
                person(name(i)),
                phone(mobile(i))));
      }
      assertThat(engine.networks()).isEmpty();
      // shown, so an officer asking "why not?" sees it, but never counted
      assertThat(engine.explain("parcel-0", "parcel-1").orElseThrow().evidence())
          .filteredOn(e -> "03133633158".equals(e.value()))
          .singleElement()
          .satisfies(e -> assertThat(e.counted()).isFalse());
    }
  }

  @Test
  void anOfficersCertificateNumberInThirtyOfFortyCasesLinksNone() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      for (int i = 0; i < 40; i++) {
        String officers =
            i < 30 ? "执法人员马海喜（执法证号15098100961）、郝霞胜（执法证号15098102111）参与办理。" : "执法人员制作了现场笔录。";
        engine.upsert(
            doc(
                "shop-" + i,
                FENGZHEN,
                figures(i)
                    + "经查，当事人"
                    + name(i)
                    + "（联系电话"
                    + mobile(i)
                    + "）未取得烟草专卖零售许可证擅自经营卷烟。"
                    + officers,
                person(name(i)),
                phone(mobile(i))));
      }
      assertThat(engine.networks()).isEmpty();
      assertThat(engine.explain("shop-0", "shop-1").orElseThrow().evidence())
          .noneMatch(e -> "马海喜".equals(e.value()))
          .filteredOn(e -> "15098100961".equals(e.value()))
          .singleElement()
          .satisfies(e -> assertThat(e.counted()).isFalse());
    }
  }

  @Test
  void aListedEntityInAnOfficersRoleIsNoEvidence() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      for (int i = 0; i < 3; i++) {
        engine.upsert(
            doc(
                "listed-" + i,
                XINGHE,
                "当事人" + name(i) + "未取得烟草专卖零售许可证擅自经营卷烟。",
                person(name(i)),
                new Entity(EntityType.PHONE, "15098100961", "执法人员"),
                new Entity(EntityType.PERSON, "马海喜", "执法人员")));
      }
      assertThat(engine.networks()).isEmpty();
    }
  }

  @Test
  void aValueSeenOnceAsAnOutletsIsNoEvidenceWhereWrittenBare() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      engine.upsert(doc("bare-1", XINGHE, "当事人乔满仓案发前多次与0313 3633158通话。", person("乔满仓")));
      LinkUpdate second =
          engine.upsert(doc("bare-2", HUAIAN, "当事人温存良案发前多次与03133633158通话。", person("温存良")));
      assertThat(second.links()).hasSize(1);
      LinkUpdate outlet =
          engine.upsert(doc("outlet", HUAIAN, "中通快递怀安网点（电话0313 3633158）配合调查。", person("樊根柱")));
      assertThat(outlet.dissolvedNetworks()).hasSize(1);
      assertThat(engine.networks()).isEmpty();
      engine.withdraw("outlet", 2);
      assertThat(engine.networks()).hasSize(1);
    }
  }

  @Test
  void aHiredVansPlateAloneLinksNothing() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      for (int i = 0; i < 5; i++) {
        engine.upsert(
            doc(
                "van-" + i,
                BUREAUS[i % 4],
                figures(i)
                    + "拦停一辆货拉拉面包车。经查，驾驶员"
                    + name(i)
                    + "（手机号"
                    + mobile(i)
                    + "）驾驶冀G·F93178号货拉拉面包车，车内载有云烟（细支）20条，无法提供烟草专卖品准运证。",
                person(name(i)),
                phone(mobile(i)),
                plate("冀GF93178")));
      }
      assertThat(engine.networks()).isEmpty();
      Evidence van =
          engine.explain("van-0", "van-1").orElseThrow().evidence().stream()
              .filter(e -> e.type() == EntityType.PLATE)
              .findFirst()
              .orElseThrow();
      assertThat(van.weight()).isLessThan(2.0);
    }
  }

  @Test
  void aPlateNotHiredStillLinks() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      engine.upsert(doc("suv-1", XINGHE, "驾驶员乔满仓驾驶蒙J·8H89J号SUV，车内载有云烟20条。", person("乔满仓")));
      LinkUpdate u =
          engine.upsert(doc("suv-2", FENGZHEN, "驾驶员温存良驾驶蒙J8H89J号SUV，车内载有中华30条。", person("温存良")));
      assertThat(u.links()).hasSize(1);
    }
  }

  /** Network A (a1, a2: one supplier's mobile), network B (b1, b2: another's). */
  private static List<SearchDocument> twoNetworks(String a2Extra, String b1Extra) {
    return List.of(
        doc("a1", XINGHE, "当事人乔满仓供述货源来自18502210001。", person("乔满仓")),
        doc("a2", FENGZHEN, "当事人温存良案发前多次与185-0221-0001通话。" + a2Extra, person("温存良")),
        doc("b1", TIANZHEN, "当事人樊根柱供述货源来自17711120002。" + b1Extra, person("樊根柱")),
        doc("b2", HUAIAN, "当事人霍占林案发前多次与177 1112 0002通话。", person("霍占林")));
  }

  private static Set<Set<String>> partition(LinkEngine engine) {
    Set<Set<String>> out = new HashSet<>();
    for (Network n : engine.networks()) {
      out.add(n.members().stream().map(Network.Member::id).collect(Collectors.toSet()));
    }
    return out;
  }

  @Test
  void twoNetworksSharingOneWeakValueStayTwo() throws IOException {
    List<SearchDocument> docs = twoNetworks("该批卷烟存放于兴和县北台镇红岭村155号。", "当事人曾到红岭村一百五十五号提货。");
    try (LinkEngine engine = LinkEngine.open(dir.resolve("inc"))) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      assertThat(partition(engine))
          .containsExactlyInAnyOrder(Set.of("a1", "a2"), Set.of("b1", "b2"));
      Link bridge = engine.explain("a2", "b1").orElseThrow();
      assertThat(bridge.evidence())
          .anyMatch(e -> e.kind() == EvidenceKind.SAME_ADDRESS && e.value().equals("红岭村155号"));
      assertThat(bridge.score()).isLessThan(engine.options().linkScore());
      try (LinkEngine full = LinkEngine.open(dir.resolve("full"))) {
        full.relink(docs.stream().map(LinkRecord::open).toList(), n -> {});
        assertThat(partition(full)).isEqualTo(partition(engine));
      }
    }
  }

  @Test
  void aWeakValueWithCorroborationJoins() throws IOException {
    List<SearchDocument> docs = twoNetworks("该批卷烟存放于红岭村155号，由贾胜峰送达。", "当事人曾到红岭村一百五十五号提货，据贾胜峰供述。");
    try (LinkEngine engine = LinkEngine.open(dir)) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      assertThat(partition(engine)).containsExactly(Set.of("a1", "a2", "b1", "b2"));
    }
  }

  @Test
  void twoSpellingsOfOnePersonAreOneName() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      engine.upsert(doc("x", XINGHE, "收件人王明伟，即王明炜。", person("王明伟"), person("王明炜")));
      engine.upsert(doc("y", TIANZHEN, "上家王明伟（又名王明炜）。", person("王明伟"), person("王明炜")));
      assertThat(engine.networks()).isEmpty();
    }
  }

  @Test
  void incrementalEqualsRelinkOnAMixedPool() throws IOException {
    List<SearchDocument> docs = new ArrayList<>(twoNetworks("", ""));
    for (int i = 0; i < 12; i++) {
      docs.add(
          doc(
              "mixed-" + i,
              BUREAUS[i % 4],
              figures(i)
                  + "当事人"
                  + name(i)
                  + "（手机号"
                  + mobile(i % 5)
                  + "）。中通快递怀安网点（电话0313 3633158）配合调查。执法人员马海喜（执法证号15098100961）参与办理。",
              person(name(i))));
    }
    try (LinkEngine engine = LinkEngine.open(dir.resolve("inc"));
        LinkEngine full = LinkEngine.open(dir.resolve("full"))) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      full.relink(docs.stream().map(LinkRecord::open).toList(), n -> {});
      // mobile(0) and mobile(1) are each written with three persons of different surnames: no one
      // party's phone (Linker.parties), so only the pairs of mobile(2..4) and the two networks link
      assertThat(partition(full)).isEqualTo(partition(engine)).hasSize(2 + 3);
    }
  }
}
