package io.liaison.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import io.liaison.api.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseRecordTest {
  static CaseRecord sample() {
    return new CaseRecord(
        CaseNumber.of("兴烟立字〔2026〕第123号"),
        BureauId.of("150924"),
        CaseCategory.UNLICENSED_TRANSPORT,
        LocalDate.of(2026, 3, 12),
        LocalDate.of(2026, 3, 13),
        null,
        new Location("150924", "城关镇", "兴和县城关镇307国道检查站", 40.87, 113.83),
        List.of(
            new Entity(EntityType.PLATE, "蒙J·3K582"),
            new Entity(EntityType.PHONE, "138 1234 5678")),
        List.of(BrandItem.of("中华", "硬", Sticks.parse("30条"))),
        Fen.ofYuan("13500"),
        Disposition.PENDING,
        0,
        List.of("lead-1"),
        "2026年3月12日,执法人员在兴和县城关镇307国道检查站对一辆车牌号为蒙J·3K582的面包车进行检查,现场查获中华(硬)30条。",
        1,
        0,
        0,
        0L);
  }

  @Test
  void roundTripsThroughTheSharedMapper() throws Exception {
    CaseRecord c = sample();
    String json = Json.mapper().writeValueAsString(c);
    assertThat(json).contains("\"foundOn\":\"2026-03-12\"").contains("\"caseNumber\":\"兴烟立字");
    assertThat(json).doesNotContain("closedOn");
    assertThat(Json.mapper().readValue(json, CaseRecord.class)).isEqualTo(c);
  }

  @Test
  void categoryAcceptsNameOrChineseLabel() throws Exception {
    assertThat(CaseCategory.of("无证运输")).isEqualTo(CaseCategory.UNLICENSED_TRANSPORT);
    assertThat(CaseCategory.of("无证批发")).isEqualTo(CaseCategory.UNLICENSED_WHOLESALE);
    assertThat(CaseCategory.of("无证经营")).isEqualTo(CaseCategory.UNLICENSED_TRADE);
    assertThat(CaseCategory.of("UNLICENSED_WHOLESALE"))
        .isEqualTo(CaseCategory.UNLICENSED_WHOLESALE);
    assertThat(CaseCategory.of("物流寄递")).isEqualTo(CaseCategory.ONLINE_PARCEL);
    assertThat(CaseCategory.of("smuggling")).isEqualTo(CaseCategory.SMUGGLING);
    assertThat(Json.mapper().readValue("\"涉假\"", CaseCategory.class))
        .isEqualTo(CaseCategory.COUNTERFEIT);
    assertThatThrownBy(() -> CaseCategory.of("走私烟")).isInstanceOf(FieldException.class);
  }

  @Test
  void convertsCartonsAndCasesAtTheEdge() {
    assertThat(Sticks.parse("30条")).isEqualTo(6_000);
    assertThat(Sticks.parse("2件")).isEqualTo(20_000);
    assertThat(Sticks.parse("1.5万支")).isEqualTo(15_000);
    assertThat(Sticks.parse("３０条")).isEqualTo(6_000);
    assertThat(Sticks.parse("12包")).isEqualTo(240);
    assertThat(Sticks.parse("600")).isEqualTo(600);
    assertThat(Sticks.ofCartons(30)).isEqualTo(Sticks.parse("30条"));
    assertThat(Sticks.ofCases(3)).isEqualTo(Sticks.ofCartons(150));
    assertThatThrownBy(() -> Sticks.parse("0.3支")).isInstanceOf(FieldException.class);
    assertThatThrownBy(() -> Sticks.parse("三十条")).isInstanceOf(FieldException.class);
    assertThatThrownBy(() -> Sticks.parse("0条")).isInstanceOf(FieldException.class);
  }

  @Test
  void convertsYuanAtTheEdgeWithoutRounding() {
    assertThat(Fen.ofYuan("13500")).isEqualTo(1_350_000);
    assertThat(Fen.ofYuan("12,345.6")).isEqualTo(1_234_560);
    assertThat(Fen.toYuan(1_234_560)).isEqualTo(new BigDecimal("12345.60"));
    assertThatThrownBy(() -> Fen.ofYuan("1.005")).isInstanceOf(FieldException.class);
    assertThatThrownBy(() -> Fen.ofYuan("一百")).isInstanceOf(FieldException.class);
  }

  @Test
  void refusesInconsistentDatesAndDispositions() {
    CaseRecord c = sample();
    assertThatThrownBy(
            () ->
                c.withDisposition(Disposition.ADMINISTRATIVE_PENALTY, LocalDate.of(2026, 3, 1), 0))
        .isInstanceOf(FieldException.class)
        .extracting(e -> ((FieldException) e).field())
        .isEqualTo("closedOn");
    assertThatThrownBy(() -> c.withDisposition(Disposition.TRANSFERRED_TO_POLICE, null, 0))
        .isInstanceOf(FieldException.class);
    assertThatThrownBy(
            () ->
                c.withDisposition(
                    Disposition.TRANSFERRED_TO_POLICE, LocalDate.of(2026, 4, 1), 50_000))
        .extracting(e -> ((FieldException) e).field())
        .isEqualTo("fineFen");
    CaseRecord closed =
        c.withDisposition(Disposition.ADMINISTRATIVE_PENALTY, LocalDate.of(2026, 4, 1), 500_000);
    assertThat(closed.version()).isEqualTo(2);
    assertThat(closed.totalSticks()).isEqualTo(6_000);
  }

  @Test
  void refusesBadLocationsAndEntities() {
    assertThatThrownBy(() -> new Location("15092", null, "x", null, null))
        .isInstanceOf(FieldException.class);
    assertThatThrownBy(() -> new Location("150924", null, "x", 40.0, null))
        .isInstanceOf(FieldException.class);
    assertThatThrownBy(() -> new Location("150924", null, "x", 91.0, 113.0))
        .isInstanceOf(FieldException.class);
    assertThatThrownBy(() -> new Entity(EntityType.PLATE, "  ")).isInstanceOf(FieldException.class);
    assertThatThrownBy(() -> CaseNumber.of("a\nb")).isInstanceOf(FieldException.class);
  }

  /** {@code c} with the figures of the exchange and the given disposition. */
  static CaseRecord figures(
      Disposition d,
      LocalDate closedOn,
      long fine,
      Integer detained,
      Integer sentenced,
      Long paid) {
    CaseRecord c = sample();
    return new CaseRecord(
        c.caseNumber(),
        c.bureau(),
        CaseCategory.UNLICENSED_WHOLESALE,
        c.foundOn(),
        c.filedOn(),
        closedOn,
        c.location(),
        c.entities(),
        c.items(),
        c.valueFen(),
        d,
        fine,
        c.linkedLeadIds(),
        c.narrative(),
        1,
        detained,
        sentenced,
        paid);
  }

  @Test
  void carriesTheFiguresOfTheExchangeAndReadsOldRecordsAsZero() throws Exception {
    CaseRecord c =
        figures(Disposition.TRANSFERRED_TO_POLICE, LocalDate.of(2026, 4, 2), 0, 3, 2, 1_000_000L);
    String json = Json.mapper().writeValueAsString(c);
    assertThat(json)
        .contains("\"detainedPersons\":3", "\"sentencedPersons\":2", "\"treasuryFen\":1000000");
    assertThat(json).contains("\"category\":\"UNLICENSED_WHOLESALE\"");
    assertThat(Json.mapper().readValue(json, CaseRecord.class)).isEqualTo(c);
    // a record signed before the figures existed has none of the three fields
    String old = Json.mapper().writeValueAsString(sample());
    String stripped =
        old.replace(",\"detainedPersons\":0", "")
            .replace(",\"sentencedPersons\":0", "")
            .replace(",\"treasuryFen\":0", "");
    assertThat(stripped).doesNotContain("Persons");
    CaseRecord back = Json.mapper().readValue(stripped, CaseRecord.class);
    assertThat(back.detainedPersons()).isZero();
    assertThat(back.sentencedPersons()).isZero();
    assertThat(back.treasuryFen()).isZero();
    assertThat(back).isEqualTo(sample());
    assertThat(
            figures(
                    Disposition.TRANSFERRED_TO_MARKET_REGULATION,
                    LocalDate.of(2026, 4, 2),
                    0,
                    0,
                    0,
                    0L)
                .disposition()
                .label())
        .isEqualTo("移送市场监管");
  }

  @Test
  void namesEveryBadFigureAtOnce() {
    var result =
        FieldException.collecting(
            () ->
                figures(
                    Disposition.ADMINISTRATIVE_PENALTY, LocalDate.of(2026, 4, 2), -1, 2, 1, -5L));
    assertThat(result.valid()).isFalse();
    assertThat(result.errors())
        .extracting(FieldException::field)
        .containsExactlyInAnyOrder("fineFen", "detainedPersons", "sentencedPersons", "treasuryFen");
    var pending =
        FieldException.collecting(() -> figures(Disposition.PENDING, null, 0, 1, -2, 100L));
    assertThat(pending.errors())
        .extracting(FieldException::field)
        .containsExactlyInAnyOrder("sentencedPersons", "treasuryFen");
    // detentions while the case is open are fine (the police hold suspects first)
    assertThat(figures(Disposition.PENDING, null, 0, 1, 0, 0L).detainedPersons()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                figures(
                    Disposition.TRANSFERRED_TO_POLICE, LocalDate.of(2026, 4, 2), 0, 10_001, 0, 0L))
        .extracting(e -> ((FieldException) e).field())
        .isEqualTo("detainedPersons");
  }
}
