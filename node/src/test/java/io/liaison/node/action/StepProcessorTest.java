package io.liaison.node.action;

import static io.liaison.node.action.PlanFixture.HUAIAN;
import static io.liaison.node.action.PlanFixture.TIANZHEN;
import static io.liaison.node.action.PlanFixture.XINGHE;
import static io.liaison.node.action.PlanFixture.plan;
import static io.liaison.node.action.PlanFixture.req;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.action.PlanEvent;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.action.StepOutcome.Result;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the partition owner answers for a plan step, typed, with real keys and plans. */
class StepProcessorTest {
  final PlanFixture f = new PlanFixture();
  final PlanRecord proposed =
      f.step(
          f.create("act-1", plan(XINGHE, List.of(TIANZHEN, HUAIAN), "蒙J·5Q318", "兴和县城关镇")),
          XINGHE,
          PlanEvent.PROPOSE);

  private static Map.Entry<String, String> entry(String value) {
    return new AbstractMap.SimpleEntry<>("act-1", value);
  }

  @Test
  void aStepOnTheHeadIsAppendedOnceAndItsBackupTakesTheSameValue() {
    SignedEnvelope approve = f.sign(proposed, TIANZHEN, req(PlanEvent.APPROVE));
    Map.Entry<String, String> owner = entry(proposed.json());
    StepProcessor p = new StepProcessor(approve);
    StepOutcome first = p.process(owner);
    assertThat(first.result()).isEqualTo(Result.OK);
    assertThat(first.kind()).isNull();
    assertThat(PlanRecord.parse("act-1", first.value()).envelopes()).contains(approve);
    assertThat(owner.getValue()).isEqualTo(first.value());
    Map.Entry<String, String> backup = entry(proposed.json());
    p.getBackupProcessor().process(backup);
    assertThat(backup.getValue()).isEqualTo(first.value());
    // the same step again (a retry) answers the plan as it is and writes nothing
    StepOutcome again = new StepProcessor(approve).process(owner);
    assertThat(again.result()).isEqualTo(Result.OK);
    assertThat(again.value()).isEqualTo(first.value());
  }

  @Test
  void aStepSignedOnAnOlderHeadIsStaleWithThePlanToSignAgainOn() {
    SignedEnvelope onOld = f.sign(proposed, TIANZHEN, req(PlanEvent.APPROVE));
    PlanRecord moved = f.step(proposed, HUAIAN, PlanEvent.APPROVE);
    Map.Entry<String, String> owner = entry(moved.json());
    StepOutcome o = new StepProcessor(onOld).process(owner);
    assertThat(o.result()).isEqualTo(Result.STALE);
    assertThat(o.value()).isEqualTo(moved.json());
    assertThat(owner.getValue()).isEqualTo(moved.json());
  }

  @Test
  void aStepThePlanDoesNotAllowIsRefusedNamingWhy() {
    SignedEnvelope activate = f.sign(proposed, XINGHE, req(PlanEvent.ACTIVATE));
    StepProcessor p = new StepProcessor(activate);
    StepOutcome o = p.process(entry(proposed.json()));
    assertThat(o.result()).isEqualTo(Result.REFUSED);
    assertThat(o.kind()).isEqualTo(PlanRefused.Kind.NOT_ALLOWED.name());
    assertThat(o.message()).contains("not allowed in PROPOSED");
    assertThat(o.value()).isEqualTo(proposed.json());
    assertThat(p.getBackupProcessor()).isNull();
  }

  @Test
  void noPlanIsNotFoundAndAnUnreadablePlanIsRefusedAsMalformed() {
    SignedEnvelope approve = f.sign(proposed, TIANZHEN, req(PlanEvent.APPROVE));
    assertThat(new StepProcessor(approve).process(entry(null)).result())
        .isEqualTo(Result.NOT_FOUND);
    StepOutcome bad = new StepProcessor(approve).process(entry("{not a plan"));
    assertThat(bad.result()).isEqualTo(Result.REFUSED);
    assertThat(bad.kind()).isEqualTo(PlanRefused.Kind.MALFORMED.name());
    assertThat(bad.value()).isEqualTo("{not a plan");
  }
}
