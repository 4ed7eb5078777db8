package io.liaison.node.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import io.liaison.api.area.AreaModel;
import io.liaison.api.area.TouchEvidence;
import io.liaison.api.area.TouchEvidence.Kind;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.search.SearchDocument;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaMatcherTest {
  static final BureauId XINGHE = BureauId.of("150924");
  static final BureauId TIANZHEN = BureauId.of("140222");
  static final AreaModel XINGHE_AREA =
      new AreaModel(
          XINGHE,
          List.of("兴和县", "城关镇", "张皋镇", "大同窑村"),
          List.of("蒙J"),
          List.of("150924"),
          List.of("150924", "152624"),
          null);

  static SearchDocument doc(BureauId bureau, String narrative, String address, List<Entity> e) {
    return new SearchDocument(
        "case:" + bureau.code() + ":1",
        SearchDocument.Kind.CASE,
        bureau,
        null,
        LocalDate.of(2026, 10, 5),
        0,
        0,
        null,
        null,
        "天烟立字〔2026〕第1号",
        narrative,
        address,
        e,
        true,
        1);
  }

  @Test
  void placesPlatesLicencesAndIdNumbersAreFoundWithWhereTheyStand() {
    SearchDocument d =
        doc(
            TIANZHEN,
            "在天镇县新平堡查获一辆蒙J·3K582小货车，驾驶人称货源来自张皋镇大同窑村，" + "身份证号152624198803150019。",
            "天镇县新平堡镇",
            List.of(
                new Entity(EntityType.PLATE, "晋B12345"),
                new Entity(EntityType.LICENCE, "150924100001"),
                new Entity(EntityType.ADDRESS, "兴和县城关镇东街")));
    List<TouchEvidence> ev = AreaMatcher.match(XINGHE_AREA, d);
    assertThat(ev)
        .contains(
            new TouchEvidence(Kind.PLACE, "张皋镇", "张皋镇", "narrative"),
            new TouchEvidence(Kind.PLACE, "大同窑村", "大同窑村", "narrative"),
            new TouchEvidence(Kind.PLATE, "蒙J", "蒙J3K582", "narrative"),
            new TouchEvidence(Kind.LICENCE, "150924", "150924100001", "entities/1"),
            new TouchEvidence(Kind.PLACE, "兴和县", "兴和县", "entities/2"),
            new TouchEvidence(Kind.PLACE, "城关镇", "城关镇", "entities/2"));
    assertThat(ev).anyMatch(e -> e.kind() == Kind.ID_NUMBER && e.value().equals("152624"));
    assertThat(ev).noneMatch(e -> e.found().startsWith("晋B"));
  }

  @Test
  void nothingForARecordThatNamesNoneOfTheAreaOrForTheBureausOwn() {
    assertThat(
            AreaMatcher.match(
                XINGHE_AREA, doc(TIANZHEN, "天镇县城内查获晋B12345运输卷烟", "天镇县玉泉镇", List.of())))
        .isEmpty();
    assertThat(AreaMatcher.match(XINGHE_AREA, doc(XINGHE, "兴和县城关镇蒙J12345", null, List.of())))
        .isEmpty();
    assertThat(
            AreaMatcher.match(
                XINGHE_AREA,
                SearchDocument.sealed(
                    "lead-x", SearchDocument.Kind.LEAD, TIANZHEN, LocalDate.now(), 1)))
        .isEmpty();
  }

  @Test
  void everyBadFieldOfAnAreaIsNamedAtOnce() {
    var c =
        FieldException.collecting(
            () ->
                new AreaModel(
                    XINGHE, List.of("兴"), List.of("MJ"), List.of("15092"), List.of("x"), null));
    assertThat(c.errors())
        .extracting(FieldException::field)
        .containsExactly("places/0", "platePrefixes/0", "licenceRegions/0", "idRegions/0");
    assertThatThrownBy(() -> new AreaModel(XINGHE, null, null, null, null, null))
        .isInstanceOf(FieldException.class);
  }
}
