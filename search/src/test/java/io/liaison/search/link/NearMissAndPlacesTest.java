package io.liaison.search.link;

import static io.liaison.search.link.Records.FENGZHEN;
import static io.liaison.search.link.Records.HUAIAN;
import static io.liaison.search.link.Records.TIANZHEN;
import static io.liaison.search.link.Records.XINGHE;
import static io.liaison.search.link.Records.doc;
import static io.liaison.search.link.Records.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.api.network.Network;
import io.liaison.search.SearchDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence that case files hold beside exactly written identifiers (issue 33): the house where
 * goods were kept or picked up, and a phone one digit off written with a person of the same
 * surname. Each counts only where it is principled: a shop inspected twice, a village of the same
 * name in another town, a near miss alone or with a stranger of another surname link nothing.
 */
class NearMissAndPlacesTest {
  @TempDir Path dir;

  private static Set<Set<String>> partition(LinkEngine engine) {
    Set<Set<String>> out = new HashSet<>();
    for (Network n : engine.networks()) {
      out.add(n.members().stream().map(Network.Member::id).collect(Collectors.toSet()));
    }
    return out;
  }

  /** Links {@code docs} one by one and checks a full relink gives the same networks. */
  private Set<Set<String>> link(List<SearchDocument> docs) throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir.resolve("inc"));
        LinkEngine full = LinkEngine.open(dir.resolve("full"))) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      full.relink(docs.stream().map(LinkRecord::open).toList(), n -> {});
      assertThat(partition(full)).isEqualTo(partition(engine));
      return partition(engine);
    }
  }

  private static Entity entity(EntityType type, String value, String role) {
    return new Entity(type, value, role);
  }

  @Test
  void theHouseOneCasesGoodsCameFromLinksTheCaseThatKeptThemThere() throws IOException {
    Set<Set<String>> nets =
        link(
            List.of(
                doc(
                    "sent",
                    HUAIAN,
                    "经查，当事人郭某（女，电话13253415523）通过微信发布卷烟销售信息。据交代，货物由兴和县北台镇红岭村155号发出。",
                    person("郭某")),
                doc(
                    "kept",
                    XINGHE,
                    "兴和县烟草专卖局对北台镇红岭村一百五十五号院的仓库进行检查，发现大量疑似假冒卷烟。经查，当事人王飞华（电话15846466202）在该处存放苏烟25条。",
                    person("王飞华"))));
    assertThat(nets).containsExactly(Set.of("sent", "kept"));
  }

  @Test
  void aHouseWithoutItsTownOnOneSideNeedsASecondPiece() throws IOException {
    // 前进村, 东沟村 are in many towns: 前进村3号 alone may be another town's house
    List<SearchDocument> docs =
        List.of(
            doc("town", XINGHE, "经查，当事人罗强（电话13721883117）曾到城关镇前进村3号提货。", person("罗强")),
            doc(
                "bare",
                TIANZHEN,
                "会同公安机关在前进村3号一处仓库查获涉嫌假冒卷烟。经查，当事人霍占林（电话17639822741）在该处存放。",
                person("霍占林")));
    assertThat(link(docs)).isEmpty();
  }

  @Test
  void aShopInspectedTwiceLinksNothing() throws IOException {
    Set<Set<String>> nets =
        link(
            List.of(
                doc(
                    "first",
                    FENGZHEN,
                    "执法人员在检查时发现丰镇市马口镇二岭村125号一家门市涉嫌无证经营卷烟。经查，当事人薛华二（联系方式：15577680428）未取得许可证。",
                    person("薛华二")),
                doc(
                    "second",
                    FENGZHEN,
                    "执法人员对位于马口镇二岭村125号的一家小卖部进行市场检查。经查，当事人郝满仓（联系电话19987216213）店内七匹狼5条属非渠道进货。",
                    person("郝满仓"))));
    assertThat(nets).isEmpty();
  }

  @Test
  void aVillageOfTheSameNameInAnotherTownIsAnotherHouse() throws IOException {
    // with a shared name besides, the same house would link (5.0 + 2.5): here it is another village
    List<SearchDocument> docs =
        List.of(
            doc(
                "picked",
                XINGHE,
                "经查，当事人罗强（电话13721883117）曾到天镇县黑梁镇平山村71号提货。据交代，送货人为樊根柱。",
                person("罗强"),
                person("樊根柱")),
            doc(
                "stored",
                TIANZHEN,
                "根据线索，会同公安机关在阳高县白堡镇平山村七十一号院一处民房查获涉嫌假冒卷烟。经查，当事人樊根柱（电话17639822741）在该处存放。",
                person("樊根柱")));
    assertThat(link(docs)).isEmpty();
    try (LinkEngine engine = LinkEngine.open(dir.resolve("explain"))) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      assertThat(engine.explain("picked", "stored").orElseThrow().evidence())
          .filteredOn(e -> e.kind() == EvidenceKind.SAME_ADDRESS)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.value()).isEqualTo("平山村71号");
                assertThat(e.left()).isEqualTo("黑梁镇平山村71号");
                assertThat(e.right()).isEqualTo("白堡镇平山村71号");
                assertThat(e.counted()).isFalse();
              });
    }
  }

  @Test
  void aPhoneOneDigitOffWrittenWithTheSameSurnameLinks() throws IOException {
    // 高某某 leaves the given name out; 高平慧 is the supplier the other case names with the phone
    List<SearchDocument> docs =
        List.of(
            doc(
                "masked",
                TIANZHEN,
                "天镇县烟草专卖局对土营村63号的库房进行检查。经查，当事人高某某（男，电话156-1035-6761）在该处存放中华（硬）80条。",
                person("高某某")),
            doc(
                "named",
                FENGZHEN,
                "经查，当事人薛华二（联系方式：15577680428）未取得烟草专卖零售许可证擅自经营卷烟。其上家为高平慧，手机号15610156761。",
                person("薛华二"),
                entity(EntityType.PERSON, "高平慧", "上家"),
                entity(EntityType.PHONE, "15610156761", "上家电话")));
    assertThat(link(docs)).containsExactly(Set.of("masked", "named"));
    try (LinkEngine engine = LinkEngine.open(dir.resolve("explain"))) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      assertThat(engine.explain("masked", "named").orElseThrow().evidence())
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo(EvidenceKind.SAME_HOLDER);
                assertThat(Set.of(e.left(), e.right())).containsExactlyInAnyOrder("高某", "高平慧");
                assertThat(e.counted()).isTrue();
              });
    }
  }

  @Test
  void theHolderOfAListedPhoneIsTheListedPersonOfItsRole() throws IOException {
    Set<Set<String>> nets =
        link(
            List.of(
                doc(
                    "listed",
                    HUAIAN,
                    "经查，当事人刘红霞未取得烟草专卖零售许可证擅自经营卷烟，现场查获双喜120条。",
                    person("刘红霞"),
                    entity(EntityType.PERSON, "马某某", "上家"),
                    entity(EntityType.PHONE, "159-1089-5431", "上家电话")),
                doc("written", TIANZHEN, "经查，当事人马金（男，电话15910895401）在该处存放云烟80条。", person("马金"))));
    assertThat(nets).containsExactly(Set.of("listed", "written"));
  }

  @Test
  void aPhoneOneDigitOffAloneOrWithAnotherSurnameLinksNothing() throws IOException {
    Set<Set<String>> nets =
        link(
            List.of(
                doc(
                    "a",
                    FENGZHEN,
                    "快递寄递的卷烟。经查，当事人薛某某（联系电话13706434671）通过微信发布卷烟销售信息。",
                    person("薛某某")),
                doc("b", FENGZHEN, "无法提供准运证。当事人供述温强生（电话13708434671）负责联系买家。", person("温强生")),
                doc("c", XINGHE, "经调取通话记录，当事人案发前多次与13708434677通话。", person("乔满仓"))));
    assertThat(nets).isEmpty();
  }

  @Test
  void oneOfTheFiveCommonestSurnamesDoesNotMakeANearMissALink() throws IOException {
    Set<Set<String>> nets =
        link(
            List.of(
                doc(
                    "a",
                    FENGZHEN,
                    "经查，驾驶员王文明（公民身份号码140221197504235299，联系方式：18570463285）驾驶一辆皮卡。",
                    person("王文明")),
                doc("b", XINGHE, "无法提供准运证。另有王某（电话18573463285）参与装卸。", person("郝满仓"))));
    assertThat(nets).isEmpty();
  }

  @Test
  void aMaskedPhoneCorroboratesTheSameName() throws IOException {
    Set<Set<String>> nets =
        link(
            List.of(
                doc(
                    "masked",
                    XINGHE,
                    "经查，当事人陈平杰通过微信发布卷烟销售信息。当事人供述货源来自贾伟生，联系方式138****3204。",
                    person("陈平杰"),
                    person("贾伟生")),
                doc(
                    "full",
                    TIANZHEN,
                    "会同公安机关在沙泉乡马堡村158号一处民房查获。经查，当事人贾伟生（男，手机号13836763204）在该处存放云烟80条。",
                    person("贾伟生"))));
    assertThat(nets).containsExactly(Set.of("masked", "full"));
  }

  @Test
  void aCardByItsLastFourDigitsCorroboratesTheSameName() throws IOException {
    Set<Set<String>> nets =
        link(
            List.of(
                doc(
                    "tail",
                    FENGZHEN,
                    "经查，当事人高林二通过微信发布卷烟销售信息。据交代，上家为樊根柱。货款转入尾号8929的中国银行卡。",
                    person("高林二"),
                    person("樊根柱")),
                doc(
                    "card",
                    HUAIAN,
                    "经查，当事人樊根柱在该处存放中华40条。货款通过中国银行账户6217 8565 3357 7892 9支付。",
                    person("樊根柱"))));
    assertThat(nets).containsExactly(Set.of("tail", "card"));
  }

  @Test
  void aMaskedPhoneAloneLinksNothing() throws IOException {
    Set<Set<String>> nets =
        link(
            List.of(
                doc("masked", XINGHE, "当事人供述货源来自郝满仓，联系方式138****3204。", person("郝满仓")),
                doc("full", TIANZHEN, "经查，当事人贾伟生（男，手机号13836763204）在该处存放云烟80条。", person("贾伟生")),
                doc("tail", FENGZHEN, "当事人乔占林。货款转入尾号3204的中国银行卡。", person("乔占林")),
                doc("card", HUAIAN, "当事人霍存良。货款汇入卡号6217856533577893204。", person("霍存良"))));
    assertThat(nets).isEmpty();
  }

  @Test
  void aPhoneOneDigitOffThatBothCasesWriteAsTheSuppliersLinks() throws IOException {
    // a network's cases have its supplier in common: 上家 on both sides is whose the number is,
    // where one case writes no name with it
    List<SearchDocument> docs =
        List.of(
            doc(
                "named",
                XINGHE,
                "经查，驾驶员岳长青（电话17718360021）驾驶一辆SUV，无法提供准运证。其上家为侯某某，手机号139-4821-7705。",
                person("岳长青"),
                entity(EntityType.PERSON, "侯某某", "上家"),
                entity(EntityType.PHONE, "139-4821-7705", "上家电话")),
            doc(
                "called",
                HUAIAN,
                "经查，当事人滕秀兰（联系电话15548001937）寄递卷烟。经调取通话记录，当事人案发前多次与139 4821 7765通话。",
                person("滕秀兰"),
                entity(EntityType.PHONE, "139 4821 7765", "上家电话")));
    assertThat(link(docs)).containsExactly(Set.of("named", "called"));
    try (LinkEngine engine = LinkEngine.open(dir.resolve("explain"))) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      assertThat(engine.explain("called", "named").orElseThrow().evidence())
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo(EvidenceKind.SAME_HOLDER);
                assertThat(e.value()).isEqualTo("上家");
                assertThat(e.weight()).isEqualTo(2.5);
              });
    }
  }

  @Test
  void aSuppliersPhoneOneDigitOffTheOtherCasesPartyLinksNothing() throws IOException {
    // the supplier in one case, the case's own party in the other: two people, a near miss alone
    Set<Set<String>> nets =
        link(
            List.of(
                doc(
                    "supplier",
                    XINGHE,
                    "经查，驾驶员岳长青（电话17718360021）驾驶一辆SUV。其上家为侯某某，手机号139-4821-7705。",
                    person("岳长青"),
                    entity(EntityType.PHONE, "139-4821-7705", "上家电话")),
                doc(
                    "party",
                    HUAIAN,
                    "经查，当事人滕秀兰（联系电话13948217765）寄递卷烟。",
                    person("滕秀兰"),
                    entity(EntityType.PHONE, "13948217765", "当事人"))));
    assertThat(nets).isEmpty();
  }

  @Test
  void twoSuppliersNamedDifferentlyAreTwoPeople() throws IOException {
    Set<Set<String>> nets =
        link(
            List.of(
                doc(
                    "a",
                    XINGHE,
                    "经查，驾驶员岳长青驾驶一辆SUV。其上家为侯建业，手机号139-4821-7705。",
                    person("岳长青"),
                    entity(EntityType.PERSON, "侯建业", "上家"),
                    entity(EntityType.PHONE, "139-4821-7705", "上家电话")),
                doc(
                    "b",
                    HUAIAN,
                    "经查，当事人滕秀兰寄递卷烟。其上家为苗福贵，手机号13948217765。",
                    person("滕秀兰"),
                    entity(EntityType.PERSON, "苗福贵", "上家"),
                    entity(EntityType.PHONE, "13948217765", "上家电话"))));
    assertThat(nets).isEmpty();
  }
}
