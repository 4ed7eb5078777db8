package io.liaison.node.action;

import static io.liaison.node.action.PlanFixture.HUAIAN;
import static io.liaison.node.action.PlanFixture.T0;
import static io.liaison.node.action.PlanFixture.TIANZHEN;
import static io.liaison.node.action.PlanFixture.XINGHE;
import static io.liaison.node.action.PlanFixture.YANGGAO;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.action.ConflictKind;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.TimeWindow;
import io.liaison.api.cases.EntityType;
import io.liaison.node.action.internal.DeconflictionIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One hit per kind of overlap, both parties named, and none for disjoint plans. */
class DeconflictionIndexTest {
  final DeconflictionIndex index = new DeconflictionIndex();

  static DeconflictionIndex.Plan entry(String id, PlanContent p, TimeWindow w) {
    return new DeconflictionIndex.Plan(
        id,
        p.leadBureau(),
        Set.copyOf(p.participants()),
        w,
        true,
        Marks.targets(p),
        Marks.places(p));
  }

  static TimeWindow days(int from, int to) {
    return new TimeWindow(T0.plus(Duration.ofDays(from)), T0.plus(Duration.ofDays(to)));
  }

  static PlanContent plan(BureauId lead, String plate, String place) {
    return PlanFixture.plan(lead, List.of(lead.equals(XINGHE) ? TIANZHEN : HUAIAN), plate, place);
  }

  @Test
  void theSameTargetSpeltDifferentlyIsAHitNamingBothLeadBureaus() {
    index.putPlan(entry("a", plan(XINGHE, "蒙J·5Q318", "兴和县城关镇"), days(1, 3)));
    List<DeconflictionIndex.Hit> hits =
        index.putPlan(entry("b", plan(YANGGAO, "蒙j 5q318", "阳高县龙泉镇"), days(30, 31)));
    assertThat(hits)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.kind()).isEqualTo(ConflictKind.TARGET);
              assertThat(h.planBureau()).isEqualTo(YANGGAO);
              assertThat(h.otherBureau()).isEqualTo(XINGHE);
              assertThat(h.involves(XINGHE)).isTrue();
              assertThat(h.involves(TIANZHEN)).isFalse();
            });
    // both nodes compute the same alert id whichever plan they saw first
    DeconflictionIndex other = new DeconflictionIndex();
    other.putPlan(entry("b", plan(YANGGAO, "蒙j 5q318", "阳高县龙泉镇"), days(30, 31)));
    List<DeconflictionIndex.Hit> seen =
        other.putPlan(entry("a", plan(XINGHE, "蒙J·5Q318", "兴和县城关镇"), days(1, 3)));
    assertThat(seen.get(0).id()).isEqualTo(hits.get(0).id());
  }

  @Test
  void theSamePlaceIsAHitOnlyWhenTheWindowsOverlap() {
    index.putPlan(entry("a", plan(XINGHE, "蒙J5Q318", "天镇县 玉泉镇"), days(1, 3)));
    assertThat(index.putPlan(entry("late", plan(YANGGAO, "晋B12345", "天镇县玉泉镇"), days(3, 5))))
        .isEmpty();
    assertThat(index.putPlan(entry("b", plan(YANGGAO, "晋B12345", "天镇县玉泉镇"), days(2, 4))))
        .singleElement()
        .extracting(DeconflictionIndex.Hit::kind)
        .isEqualTo(ConflictKind.PLACE_TIME);
  }

  @Test
  void aTargetUnderAnotherBureausOpenCaseIsAHitEitherWayRound() {
    List<String> marks = List.of(Marks.entity(EntityType.PLATE, "蒙J-5Q318").orElseThrow());
    assertThat(index.putRecord("case:140221:x", YANGGAO, marks, true)).isEmpty();
    assertThat(index.putPlan(entry("a", plan(XINGHE, "蒙J·5Q318", "兴和县"), days(1, 3))))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.kind()).isEqualTo(ConflictKind.OPEN_RECORD);
              assertThat(h.other()).isEqualTo("case:140221:x");
              assertThat(h.otherBureau()).isEqualTo(YANGGAO);
            });
    // a new case on a held target: a hit; a participant's own case: none; a closed case: none
    assertThat(index.putRecord("case:130728:y", HUAIAN, marks, true)).hasSize(1);
    assertThat(index.putRecord("case:140222:z", TIANZHEN, marks, true)).isEmpty();
    assertThat(index.putRecord("case:130728:y", HUAIAN, marks, false)).isEmpty();
  }

  @Test
  void disjointPlansAndPlansThatNoLongerHoldAreNoHits() {
    index.putPlan(entry("a", plan(XINGHE, "蒙J5Q318", "兴和县城关镇"), days(1, 3)));
    assertThat(index.putPlan(entry("b", plan(YANGGAO, "晋B12345", "阳高县龙泉镇"), days(1, 3)))).isEmpty();
    DeconflictionIndex.Plan done =
        new DeconflictionIndex.Plan(
            "a",
            XINGHE,
            Set.of(XINGHE, TIANZHEN),
            days(1, 3),
            false,
            Marks.targets(plan(XINGHE, "蒙J5Q318", "兴和县城关镇")),
            List.of());
    index.putPlan(done);
    assertThat(index.putPlan(entry("c", plan(YANGGAO, "蒙J5Q318", "兴和县城关镇"), days(1, 3)))).isEmpty();
    assertThat(index.size()[0]).isEqualTo(2);
  }

  @Test
  void openRecordsPutClosedAndPutAgainAreHitExactlyAsAPlainModelSays() {
    // the compact record index (ordinals reused, holders as arrays) against a plain model: many
    // records over a few marks, changed, closed and reopened in a random but fixed order
    Random random = new Random(32);
    List<BureauId> bureaus = List.of(YANGGAO, HUAIAN, TIANZHEN);
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pool.add(Marks.entity(EntityType.PHONE, "1390000" + (1000 + i)).orElseThrow());
    }
    DeconflictionIndex.Plan plan =
        new DeconflictionIndex.Plan(
            "p", XINGHE, Set.of(XINGHE, TIANZHEN), days(1, 3), true, pool.subList(0, 6), List.of());
    index.putPlan(plan);
    Map<String, Map.Entry<BureauId, List<String>>> model = new HashMap<>();
    for (int step = 0; step < 3000; step++) {
      String id = "case:" + random.nextInt(60);
      BureauId bureau = bureaus.get(random.nextInt(bureaus.size()));
      List<String> marks = new ArrayList<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        marks.add(pool.get(random.nextInt(pool.size())));
      }
      boolean open = random.nextInt(4) > 0;
      index.putRecord(id, bureau, marks, open);
      if (open && !marks.isEmpty()) {
        model.put(id, Map.entry(bureau, marks));
      } else {
        model.remove(id);
      }
      if (step % 50 == 0) {
        Set<String> expected = new TreeSet<>();
        model.forEach(
            (r, e) -> {
              if (!plan.participants().contains(e.getKey())
                  && e.getValue().stream().anyMatch(plan.targetMarks()::contains)) {
                expected.add(r);
              }
            });
        assertThat(index.check(plan))
            .extracting(DeconflictionIndex.Hit::other)
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(index.size()[1]).isEqualTo(model.size());
      }
    }
  }
}
