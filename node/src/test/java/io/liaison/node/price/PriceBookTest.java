package io.liaison.node.price;

import static io.liaison.node.price.PriceFixtures.TIANZHEN;
import static io.liaison.node.price.PriceFixtures.XINGHE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.price.AgreedPrice;
import io.liaison.api.price.Evaluation;
import io.liaison.api.price.ObservedItem;
import io.liaison.api.price.PackUnit;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.RetailerVisit;
import io.liaison.node.price.internal.PriceKeys;
import io.liaison.node.price.internal.PriceRecord;
import io.liaison.node.price.internal.PriceRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement versions by date, and the exact arithmetic of a deviation. */
class PriceBookTest {
  final PriceFixtures fx = new PriceFixtures();
  final PriceBook book = new PriceBook(XINGHE);
  static final String G = "150924-CG01";
  static final String LICENCE = "150924100001";

  void take(PriceRecord r) {
    book.take(r);
  }

  void agreements() {
    take(
        fx.append(
            PriceKeys.of(PriceKeys.GROUP, G),
            PriceRecords.group(
                PriceFixtures.group(G, XINGHE, 1, PriceFixtures.retailer(LICENCE, "王记烟酒"))),
            XINGHE));
    String key = PriceKeys.of(PriceKeys.AGREEMENT, G);
    take(
        fx.append(
            key,
            PriceRecords.agreement(
                PriceFixtures.agreement(
                    G, XINGHE, "2026-01-01", 1, new AgreedPrice("中华", "硬", 4500, 45000))),
            XINGHE));
    take(
        fx.append(
            key,
            PriceRecords.agreement(
                PriceFixtures.agreement(
                    G, XINGHE, "2026-07-01", 2, new AgreedPrice("中华", "硬", 4600, 46000))),
            XINGHE));
    // signed last, but in force from April: it supersedes v1 from its own start, and v2 from July
    take(
        fx.append(
            key,
            PriceRecords.agreement(
                PriceFixtures.agreement(
                    G, XINGHE, "2026-04-01", 3, new AgreedPrice("中华", "硬", 4550, 45500))),
            XINGHE));
  }

  @Test
  void theVersionInForceIsTheLatestStartedOnThatDay() {
    agreements();
    List<PriceAgreement> v =
        book.agreement(G, LocalDate.parse("2026-01-01")).orElseThrow().versions();
    assertThat(v).hasSize(3);
    assertThat(PriceBook.inForce(v, LocalDate.parse("2025-12-31"))).isNull();
    assertThat(PriceBook.inForce(v, LocalDate.parse("2026-01-01")).version()).isEqualTo(1);
    assertThat(PriceBook.inForce(v, LocalDate.parse("2026-03-31")).version()).isEqualTo(1);
    assertThat(PriceBook.inForce(v, LocalDate.parse("2026-04-01")).version()).isEqualTo(3);
    assertThat(PriceBook.inForce(v, LocalDate.parse("2026-06-30")).version()).isEqualTo(3);
    assertThat(PriceBook.inForce(v, LocalDate.parse("2026-07-01")).version()).isEqualTo(2);
    assertThat(book.agreement(G, LocalDate.parse("2026-05-05")).orElseThrow().inForce().version())
        .isEqualTo(3);
    // two versions from the same day: the higher one
    PriceAgreement a = v.get(0);
    PriceAgreement same = new PriceAgreement(G, XINGHE, a.validFrom(), a.prices(), null, 4L);
    assertThat(PriceBook.inForce(List.of(a, same), a.validFrom()).version()).isEqualTo(4);
  }

  @Test
  void observationsAreJudgedAgainstTheVersionOfTheirDay() {
    agreements();
    assertThat(judge("2026-03-31T10:00", PackUnit.CARTON, 45000, 45000).agreedFen())
        .isEqualTo(45000);
    assertThat(judge("2026-05-01T10:00", PackUnit.CARTON, 45000, 45000).agreedFen())
        .isEqualTo(45500);
    assertThat(judge("2026-08-01T10:00", PackUnit.PACK, 4600, 4600).agreedFen()).isEqualTo(4600);
    // the day is the calendar day in Asia/Shanghai: 2026-03-31T17:00Z is already 1 April there
    Evaluation edge =
        book.evaluate(
                new RetailerVisit(
                    LICENCE,
                    java.time.Instant.parse("2026-03-31T17:00:00Z"),
                    null,
                    List.of(new ObservedItem("中华", "硬", PackUnit.CARTON, 45500, 45500)),
                    List.of(),
                    null))
            .get(0);
    assertThat(edge.validFrom()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(edge.compliant()).isTrue();
  }

  @Test
  void deviationsAreExactDecimals() {
    agreements();
    Evaluation up = judge("2026-02-01T10:00", PackUnit.PACK, 4550, 4550);
    assertThat(up.deviationYuan()).isEqualTo(new BigDecimal("0.50"));
    assertThat(up.deviationPercent()).isEqualTo(new BigDecimal("1.11")); // 50/4500 = 1.111…
    assertThat(up.compliant()).isFalse();
    assertThat(up.markedMatchesSale()).isTrue();

    Evaluation down = judge("2026-02-01T10:00", PackUnit.CARTON, 45000, 44999);
    assertThat(down.deviationYuan()).isEqualTo(new BigDecimal("-0.01"));
    assertThat(down.deviationPercent()).isEqualTo(new BigDecimal("0.00")); // −0.0022…% rounds to 0
    assertThat(down.markedMatchesSale()).isFalse();
    assertThat(down.compliant()).isFalse(); // the tag does not show what is charged

    Evaluation half = judge("2026-02-01T10:00", PackUnit.CARTON, 45225, 45225);
    assertThat(half.deviationYuan()).isEqualTo(new BigDecimal("2.25"));
    assertThat(half.deviationPercent()).isEqualTo(new BigDecimal("0.50")); // 225/45000 exactly

    Evaluation exact = judge("2026-02-01T10:00", PackUnit.CARTON, 45000, 45000);
    assertThat(exact.deviationYuan()).isEqualTo(new BigDecimal("0.00"));
    assertThat(exact.compliant()).isTrue();

    assertThat(Deviation.percent(301, 300)).isEqualTo(new BigDecimal("0.33"));
    assertThat(Deviation.percent(-1, 600)).isEqualTo(new BigDecimal("-100.17"));
    assertThat(Deviation.percent(1, 200)).isEqualTo(new BigDecimal("-99.50"));
    assertThat(Deviation.rate(2, 3)).isEqualTo(new BigDecimal("66.67"));
    assertThat(Deviation.meanYuan(45001 + 45000, 2)).isEqualTo(new BigDecimal("450.01"));
  }

  @Test
  void borderPairsAreTheNeighboursTheBureausSignedSettingsName() {
    assertThat(book.borderPairs()).isEmpty();
    // 兴和县 names 天镇县 and 阳高县; 天镇县 names 兴和县 again and 怀安县: each pair once
    take(
        fx.append(
            PriceKeys.of(PriceKeys.SETTINGS, XINGHE.code()),
            PriceRecords.settings(
                new PriceSettings(
                    XINGHE, 0, 1000, 1L, List.of(TIANZHEN, io.liaison.api.BureauId.of("140221")))),
            XINGHE));
    take(
        fx.append(
            PriceKeys.of(PriceKeys.SETTINGS, TIANZHEN.code()),
            PriceRecords.settings(
                new PriceSettings(
                    TIANZHEN, 0, 1000, 1L, List.of(XINGHE, io.liaison.api.BureauId.of("130728")))),
            XINGHE));
    assertThat(book.borderPairs())
        .containsExactly(
            BorderPairs.Pair.parse("130728-140222"),
            BorderPairs.Pair.parse("140221-150924"),
            BorderPairs.Pair.parse("140222-150924"));
    // a new version of 兴和县's settings drops 阳高县: the pair goes (no one else names it)
    take(
        fx.append(
            PriceKeys.of(PriceKeys.SETTINGS, XINGHE.code()),
            PriceRecords.settings(new PriceSettings(XINGHE, 0, 1000, 2L, List.of())),
            XINGHE));
    assertThat(book.borderPairs())
        .containsExactly(
            BorderPairs.Pair.parse("130728-140222"), BorderPairs.Pair.parse("140222-150924"));
    // a bureau cannot name itself
    assertThatThrownBy(() -> new PriceSettings(XINGHE, 0, 1000, 1L, List.of(XINGHE)))
        .hasMessageContaining("itself");
  }

  @Test
  void aToleranceSetByTheAgreementsBureauApplies() {
    agreements();
    assertThat(judge("2026-02-01T10:00", PackUnit.PACK, 4510, 4510).compliant()).isFalse();
    take(
        fx.append(
            PriceKeys.of(PriceKeys.SETTINGS, XINGHE.code()),
            PriceRecords.settings(new PriceSettings(XINGHE, 10, 1000, 1L)),
            XINGHE));
    assertThat(judge("2026-02-01T10:00", PackUnit.PACK, 4510, 4510).compliant()).isTrue();
    assertThat(judge("2026-02-01T10:00", PackUnit.PACK, 4489, 4489).compliant()).isFalse();
    // another bureau's settings do not change 兴和县's rule
    take(
        fx.append(
            PriceKeys.of(PriceKeys.SETTINGS, TIANZHEN.code()),
            PriceRecords.settings(new PriceSettings(TIANZHEN, 500, 1000, 1L)),
            XINGHE));
    assertThat(judge("2026-02-01T10:00", PackUnit.PACK, 4489, 4489).compliant()).isFalse();
  }

  @Test
  void anItemNoAgreementNamesIsNotJudged() {
    agreements();
    Evaluation e =
        book.evaluate(
                new RetailerVisit(
                    LICENCE,
                    at("2026-02-01T10:00"),
                    null,
                    List.of(new ObservedItem("玉溪", "软", PackUnit.PACK, 2300, 2300)),
                    List.of(),
                    null))
            .get(0);
    assertThat(e.agreedFen()).isNull();
    assertThat(e.compliant()).isNull();
    assertThat(e.groupId()).isEqualTo(G);
  }

  Evaluation judge(String localTime, PackUnit unit, long marked, long sale) {
    return book.evaluate(
            new RetailerVisit(
                LICENCE,
                at(localTime),
                "城关镇",
                List.of(new ObservedItem("中华", "硬", unit, marked, sale)),
                List.of(),
                null))
        .get(0);
  }

  static java.time.Instant at(String local) {
    return LocalDateTime.parse(local).atZone(PriceBook.ZONE).toInstant();
  }
}
