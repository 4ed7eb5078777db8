package io.liaison.search.link;

import static io.liaison.search.link.Records.FENGZHEN;
import static io.liaison.search.link.Records.TIANZHEN;
import static io.liaison.search.link.Records.XINGHE;
import static io.liaison.search.link.Records.account;
import static io.liaison.search.link.Records.doc;
import static io.liaison.search.link.Records.idNumber;
import static io.liaison.search.link.Records.person;
import static io.liaison.search.link.Records.phone;
import static io.liaison.search.link.Records.plate;
import static io.liaison.search.link.Records.withAddress;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.cases.EntityType;
import io.liaison.search.SearchDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small example per kind of evidence: what links, what does not, and how it is explained. */
class EvidenceTest {
  @TempDir Path dir;
  LinkEngine engine;

  @BeforeEach
  void open() throws IOException {
    engine = LinkEngine.open(dir);
  }

  @AfterEach
  void close() throws IOException {
    engine.close();
  }

  private Link linkOf(SearchDocument a, SearchDocument b) throws IOException {
    engine.upsert(a);
    LinkUpdate u = engine.upsert(b);
    assertThat(u.applied()).isTrue();
    assertThat(u.links()).as("links of %s", b.id()).hasSize(1);
    assertThat(engine.links(a.id())).containsExactlyElementsOf(u.links());
    return u.links().get(0);
  }

  private static Evidence first(Link l, EvidenceKind kind) {
    return l.evidence().stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void identicalPhoneWrittenTheSameWay() throws IOException {
    Link l =
        linkOf(doc("a", XINGHE, "驾驶员张三，手机13812345678。"), doc("b", TIANZHEN, "上家联系电话13812345678。"));
    Evidence e = first(l, EvidenceKind.IDENTICAL);
    assertThat(e.type()).isEqualTo(EntityType.PHONE);
    assertThat(e.value()).isEqualTo("13812345678");
    assertThat(e.frequency()).isEqualTo(Frequency.SPECIFIC);
    assertThat(e.counted()).isTrue();
    assertThat(l.score()).isGreaterThan(0.95);
  }

  @Test
  void plateSpelledDifferentlyIsNormalisedEqual() throws IOException {
    Link l =
        linkOf(
            doc("a", XINGHE, "查获一辆面包车。", plate("蒙J·3K582")),
            doc("b", FENGZHEN, "对方驾驶车牌为蒙ｊ３ｋ５８２的车辆送货。"));
    Evidence e = first(l, EvidenceKind.NORMALISED_EQUAL);
    assertThat(e.type()).isEqualTo(EntityType.PLATE);
    assertThat(e.left()).isEqualTo("蒙J·3K582");
    assertThat(e.right()).isEqualTo("蒙ｊ３ｋ５８２");
    assertThat(e.value()).isEqualTo("蒙J3K582");
  }

  @Test
  void phoneWithPlus86AndSpacesIsTheSamePhone() throws IOException {
    Link l =
        linkOf(
            doc("a", XINGHE, "当事人无证经营。", phone("+86 138-1234-5678")),
            doc("b", TIANZHEN, "收款人手机１３８ １２３４ ５６７８。"));
    assertThat(first(l, EvidenceKind.NORMALISED_EQUAL).value()).isEqualTo("13812345678");
  }

  @Test
  void mistypedIdNumberIsOneOffAndStrongBecauseItsCheckDigitFails() throws IOException {
    // 150924198503021233 is valid; swapping two digits breaks the GB 11643 check
    Link l =
        linkOf(
            doc("a", XINGHE, "当事人无证运输。", idNumber("150924198503021233")),
            doc("b", TIANZHEN, "货主身份证号150924198530021233。"));
    Evidence e = first(l, EvidenceKind.ONE_OFF);
    assertThat(e.type()).isEqualTo(EntityType.ID_NUMBER);
    assertThat(l.score()).isGreaterThan(0.9);
  }

  @Test
  void oneOffPhoneAloneIsNotALinkButWithTheSameNameItIs() throws IOException {
    engine.upsert(doc("a", XINGHE, "驾驶员韩福生，手机13812345678。"));
    LinkUpdate alone = engine.upsert(doc("b", TIANZHEN, "上家电话13812345679。"));
    assertThat(alone.links()).isEmpty();
    Link candidate = engine.candidates("b").get(0);
    assertThat(candidate.evidence()).extracting(Evidence::kind).contains(EvidenceKind.ONE_OFF);
    assertThat(candidate.score()).isLessThan(engine.options().linkScore());

    LinkUpdate named = engine.upsert(doc("c", TIANZHEN, "上家韩福生，电话13812345679。"));
    assertThat(named.links()).extracting(Link::a).contains("a");
    Link l = named.links().stream().filter(x -> x.a().equals("a")).findFirst().orElseThrow();
    assertThat(l.evidence())
        .extracting(Evidence::kind)
        .contains(EvidenceKind.ONE_OFF, EvidenceKind.SAME_NAME);
  }

  @Test
  void licenceWaybillAndBankCardLink() throws IOException {
    assertThat(
            linkOf(
                    doc("l1", XINGHE, "店主许可证号150924101234。"),
                    doc("l2", FENGZHEN, "其店铺零售许可证号：150924 101234。"))
                .evidence())
        .extracting(Evidence::type)
        .contains(EntityType.LICENCE);
    assertThat(
            linkOf(
                    doc("w1", XINGHE, "包裹运单号SF1234567890123。"),
                    doc("w2", TIANZHEN, "快递单号：sf 1234 5678 9012 3。"))
                .evidence())
        .extracting(Evidence::type)
        .contains(EntityType.WAYBILL);
    assertThat(
            linkOf(
                    doc("c1", XINGHE, "货款转入银行卡号6217001234567890122。"),
                    doc("c2", TIANZHEN, "收款账户", account("6217 0012 3456 7890 122")))
                .evidence())
        .extracting(Evidence::type)
        .contains(EntityType.ACCOUNT);
  }

  @Test
  void sameNameWithTheSameBirthDateFromMistypedIdNumbersLinks() throws IOException {
    // both ID numbers are wrong in different places but keep the birth date 1985-03-02
    Link l =
        linkOf(
            doc("a", XINGHE, "驾驶员乔满仓（身份证号150924198503021299）。"),
            doc("b", TIANZHEN, "货主乔满仓，身份证号150924198503029933。"));
    assertThat(first(l, EvidenceKind.SAME_NAME_AND_BIRTH).value()).isEqualTo("乔满仓|19850302");
  }

  @Test
  void nameVariantSupportsAnIdentifierButAloneIsNothing() throws IOException {
    engine.upsert(doc("a", XINGHE, "驾驶员王海军。"));
    assertThat(engine.upsert(doc("b", TIANZHEN, "上家王海君。")).links()).isEmpty();
    assertThat(engine.explain("a", "b").orElseThrow().evidence())
        .extracting(Evidence::kind)
        .containsExactly(EvidenceKind.NAME_VARIANT, EvidenceKind.SHARED_BRAND);

    Link l = linkOf(doc("c", XINGHE, "驾驶员王海军，车牌蒙J12345。"), doc("d", TIANZHEN, "上家王海君驾驶蒙J12345送货。"));
    assertThat(first(l, EvidenceKind.NAME_VARIANT).right()).isEqualTo("王海君");
  }

  @Test
  void sameSpecificAddressAndNameLink() throws IOException {
    Link l =
        linkOf(
            withAddress(doc("a", XINGHE, "经营者贾存良无证经营卷烟。"), "兴和县城关镇团结路23号"),
            withAddress(doc("b", XINGHE, "当事人贾存良再次无证经营。"), "兴和县城关镇团结路 23号"));
    assertThat(l.evidence())
        .extracting(Evidence::kind)
        .contains(EvidenceKind.SAME_ADDRESS, EvidenceKind.SAME_NAME);
  }

  @Test
  void leadThatCopiesTheCaseNarrativeIsANearDuplicate() throws IOException {
    String text =
        "二〇二六年三月，执法人员在兴和县张皋镇货运站北侧废弃砖厂内发现一处地下窝点，现场有两名男子正在分装无中文警语的外国卷烟，"
            + "窝点内另有封口机一台、空白包装箱若干，两人见执法人员到来即翻越后墙逃离，其中一人外号老疤，左臂有烧伤疤痕，"
            + "另一人身材矮胖、操张家口口音，现场遗留的手写账本记有近三个月向周边村镇小卖部送货的记录，涉及卷烟品种十余个。";
    Link l =
        linkOf(
            doc("case", XINGHE, text), doc("lead", TIANZHEN, "【协查通报】兴和县局转来线索：" + text + "请协助查找。"));
    assertThat(first(l, EvidenceKind.NEAR_DUPLICATE_TEXT).counted()).isTrue();
  }

  @Test
  void leadThatCopiesATemplatedNarrativeWithMaskedIdentifiersIsFoundByItsFigures()
      throws IOException {
    String template =
        "%d年%d月%d日，执法人员在尚义县石井乡东沟村%d号附近发现%s无证销售卷烟，现场查获中华（软）%d条，案值%d元。"
            + "当事人对违法事实供认不讳，已依法作出行政处罚。涉案卷烟已依法先行登记保存，案件正在进一步调查中。";
    for (int i = 0; i < 40; i++) {
      String name = "郑" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "子丑寅卯辰".charAt(i / 10);
      engine.upsert(
          doc(
              "other" + i,
              XINGHE,
              String.format(
                  template, 2024, 1 + i % 12, 1 + i, 100 + i, name, 10 + i, 4500 + 45 * i)));
    }
    String text =
        String.format(template, 2025, 11, 22, 3, "郝晓东", 27, 17550) + "其银行卡号6228480402564890018。";
    engine.upsert(doc("case", XINGHE, text));
    String masked = text.replace("6228480402564890018", "************890018");
    engine.upsert(doc("lead", TIANZHEN, "【协查通报】尚义县局转来线索：" + masked));
    List<Link> links = engine.links("case");
    assertThat(links).extracting(Link::b).containsExactly("lead");
    assertThat(first(links.get(0), EvidenceKind.NEAR_DUPLICATE_TEXT).counted()).isTrue();
  }

  @Test
  void aPopularBrandTownAndCommonSurnameCreateNoLink() throws IOException {
    engine.upsert(doc("a", XINGHE, "在兴和县城关镇查获中华（硬）30条，当事人王伟。", person("王伟")));
    LinkUpdate u = engine.upsert(doc("b", XINGHE, "在兴和县城关镇查获中华（软）20条，当事人王刚。", person("王刚")));
    assertThat(u.links()).isEmpty();
    assertThat(u.networks()).isEmpty();
  }

  @Test
  void explanationListsStrongestEvidenceFirstAndScoreIsTheLogisticOfTheWeights()
      throws IOException {
    engine.upsert(doc("a", XINGHE, "驾驶员韩福生，手机13812345678，车牌蒙J12345。"));
    engine.upsert(doc("b", TIANZHEN, "上家韩福生，电话13812345678，驾驶蒙J12345。"));
    Link l = engine.explain("a", "b").orElseThrow();
    List<Double> weights = l.evidence().stream().map(Evidence::weight).toList();
    assertThat(weights).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    double logit = -3 + weights.stream().mapToDouble(Double::doubleValue).sum();
    assertThat(l.score())
        .isCloseTo(1 / (1 + Math.exp(-logit)), org.assertj.core.data.Offset.offset(1e-9));
  }
}
