package io.liaison.node.action;

import static io.liaison.node.action.PlanFixture.HUAIAN;
import static io.liaison.node.action.PlanFixture.TIANZHEN;
import static io.liaison.node.action.PlanFixture.XINGHE;
import static io.liaison.node.action.PlanFixture.YANGGAO;
import static io.liaison.node.action.PlanFixture.plan;
import static io.liaison.node.action.PlanFixture.req;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanResult;
import io.liaison.api.action.PlanState;
import io.liaison.api.action.PlanSummary;
import io.liaison.api.action.PlanView;
import io.liaison.api.action.StepRequest;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.SignedEnvelope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan chain with real keys: who may act, approvals per version, need-to-know. */
class PlanRecordTest {
  final PlanFixture f = new PlanFixture();
  final PlanContent plan = plan(XINGHE, List.of(TIANZHEN, HUAIAN), "蒙J·5Q318", "兴和县城关镇");

  PlanRecord proposed() {
    return f.step(f.create("act-1", plan), XINGHE, PlanEvent.PROPOSE);
  }

  @Test
  void approvedOnlyWhenEveryParticipatingChiefSignedTheSameVersion() {
    PlanRecord r = proposed();
    assertThat(r.state()).isEqualTo(PlanState.PROPOSED);
    assertThat(r.awaiting()).containsExactly(XINGHE, TIANZHEN, HUAIAN);
    r = f.step(r, TIANZHEN, PlanEvent.APPROVE);
    r = f.step(r, XINGHE, PlanEvent.APPROVE);
    assertThat(r.state()).isEqualTo(PlanState.PROPOSED);
    assertThat(r.awaiting()).containsExactly(HUAIAN);
    assertThatThrownBy(() -> f.step(proposedAnd(), XINGHE, PlanEvent.ACTIVATE))
        .isInstanceOf(PlanRefused.class)
        .hasMessageContaining("not allowed in PROPOSED");
    r = f.step(r, HUAIAN, PlanEvent.APPROVE);
    assertThat(r.state()).isEqualTo(PlanState.APPROVED);
    assertThat(r.awaiting()).isEmpty();
    // the same chain read back from its JSON gives the same state on any node
    assertThat(PlanRecord.parse("act-1", r.json()).state()).isEqualTo(PlanState.APPROVED);
  }

  private PlanRecord proposedAnd() {
    return f.step(proposed(), TIANZHEN, PlanEvent.APPROVE);
  }

  @Test
  void aChangeToAProposedOrApprovedPlanVoidsEarlierApprovals() {
    PlanRecord r = proposed();
    r = f.step(r, TIANZHEN, PlanEvent.APPROVE);
    r = f.step(r, HUAIAN, PlanEvent.APPROVE);
    PlanRecord beforeChange = r;
    r = f.revise(r, plan(XINGHE, List.of(TIANZHEN, HUAIAN), "蒙J·5Q318", "兴和县张皋镇"));
    assertThat(r.state()).isEqualTo(PlanState.PROPOSED);
    assertThat(r.version()).isEqualTo(2);
    assertThat(r.awaiting()).containsExactly(XINGHE, TIANZHEN, HUAIAN);
    assertThat(r.approvals()).allMatch(a -> a.version() == 1);
    // an approval signed for version 1 no longer counts, and cannot be added any more
    PlanRecord v2 = r;
    SignedEnvelope onV1 = f.sign(beforeChange, XINGHE, req(PlanEvent.APPROVE));
    assertThatThrownBy(() -> v2.append(onV1)).isInstanceOf(PlanRecord.Stale.class);
    // a fully approved plan changed again goes back to PROPOSED
    for (var b : List.of(XINGHE, TIANZHEN, HUAIAN)) {
      r = f.step(r, b, PlanEvent.APPROVE);
    }
    assertThat(r.state()).isEqualTo(PlanState.APPROVED);
    r = f.revise(r, plan);
    assertThat(r.state()).isEqualTo(PlanState.PROPOSED);
    assertThat(r.awaiting()).hasSize(3);
    PlanView v = PlanViews.view(r, f.sealing(TIANZHEN));
    assertThat(v.approvals()).hasSize(5).noneMatch(PlanView.Approval::current);
  }

  @Test
  void anApprovalNamingAnotherVersionOrTextIsRefused() {
    PlanRecord r = proposed();
    StepRequest stale =
        new StepRequest(PlanEvent.APPROVE, "officer", 1, null, null, null, null, null);
    PlanRecord r2 = f.revise(r, plan(XINGHE, List.of(TIANZHEN, HUAIAN), "蒙J·5Q318", "丰镇市"));
    assertThatThrownBy(() -> f.sign(r2, TIANZHEN, stale)).hasMessageContaining("version 2, not 1");
    // an approval whose version hash is not the current text's
    var payload = PlanSteps.step(r2, req(PlanEvent.APPROVE), f.sealing(TIANZHEN), PlanFixture.T0);
    payload.put("versionHash", r.versionEnvelope().hash());
    SignedEnvelope forged = f.trust.get(TIANZHEN).sign(payload, r2.last().hash(), PlanFixture.T0);
    assertThatThrownBy(() -> r2.append(forged))
        .isInstanceOf(PlanRefused.class)
        .extracting(e -> ((PlanRefused) e).kind())
        .isEqualTo(PlanRefused.Kind.STALE_VERSION);
  }

  @Test
  void onlyParticipantsApproveOnceAndOnlyTheLeadBureauRunsThePlan() {
    PlanRecord r = proposed();
    assertThatThrownBy(() -> f.step(r, YANGGAO, PlanEvent.APPROVE))
        .isInstanceOf(PlanRefused.class)
        .hasMessageContaining("140221 does not take part");
    PlanRecord once = f.step(r, TIANZHEN, PlanEvent.APPROVE);
    assertThatThrownBy(() -> f.step(once, TIANZHEN, PlanEvent.APPROVE))
        .extracting(e -> ((PlanRefused) e).kind())
        .isEqualTo(PlanRefused.Kind.DUPLICATE);
    assertThatThrownBy(() -> f.step(f.create("act-2", plan), TIANZHEN, PlanEvent.PROPOSE))
        .extracting(e -> ((PlanRefused) e).kind())
        .isEqualTo(PlanRefused.Kind.NOT_PERMITTED);
    assertThatThrownBy(() -> f.revise(r, plan(TIANZHEN, List.of(XINGHE), "蒙J·5Q318", "天镇县")))
        .isInstanceOf(PlanRefused.class);
  }

  @Test
  void anApprovalCountsOnlyAsTheBureausOwnValidSignature() {
    PlanRecord r = proposed();
    // 阳高县's key signing in 天镇县's name: the chain replays, the signature does not verify
    EnvelopeSigner impostor = new EnvelopeSigner(TIANZHEN, f.keys.get(YANGGAO).signing());
    SignedEnvelope forged =
        impostor.sign(
            PlanSteps.step(r, req(PlanEvent.APPROVE), f.sealing(TIANZHEN), PlanFixture.T0),
            r.last().hash(),
            PlanFixture.T0);
    PlanRecord withForgery = r.append(forged);
    for (var trust : f.trust.values()) {
      assertThatThrownBy(() -> ActionService.verified(withForgery, trust))
          .isInstanceOf(PlanRefused.class)
          .hasMessageContaining("APPROVE step of 140222 does not verify");
    }
    PlanRecord genuine = f.step(r, TIANZHEN, PlanEvent.APPROVE);
    assertThat(ActionService.verified(genuine, f.trust.get(YANGGAO))).isSameAs(genuine);
  }

  @Test
  void targetsTasksAndCommunicationsAreSealedFromNonParticipants() {
    PlanRecord r = f.step(proposed(), TIANZHEN, PlanEvent.APPROVE);
    assertThat(r.json())
        .doesNotContain("5Q318")
        .doesNotContain("白色面包车")
        .doesNotContain("猎鹰")
        .doesNotContain("封控仓库")
        .doesNotContain("运烟网络")
        .contains("兴和县城关镇"); // the area stays in clear for deconfliction
    PlanView outsider = PlanViews.view(r, f.sealing(YANGGAO));
    assertThat(outsider.sealed()).isTrue();
    assertThat(outsider.plan()).isNull();
    assertThat(outsider.area()).containsExactly("兴和县城关镇");
    assertThat(outsider.window()).isEqualTo(plan.window());
    PlanView insider = PlanViews.view(r, f.sealing(HUAIAN));
    assertThat(insider.sealed()).isFalse();
    assertThat(insider.plan()).isEqualTo(plan);
  }

  @Test
  void aFullOperationCountsResultsAndKeepsFollowUps() {
    PlanRecord r = proposed();
    for (var b : List.of(XINGHE, TIANZHEN, HUAIAN)) {
      r = f.step(r, b, PlanEvent.APPROVE);
    }
    r = f.step(r, XINGHE, PlanEvent.ACTIVATE);
    r = f.step(r, TIANZHEN, PlanEvent.BRIEF);
    assertThatThrownBy(() -> f.step(r0(), YANGGAO, PlanEvent.BRIEF))
        .isInstanceOf(PlanRefused.class);
    PlanResult tz = new PlanResult(12, 3, 20, 2, 60 * 200, 2_700_000, 1, 1, 0);
    PlanResult xh = new PlanResult(20, 5, 31, 1, 10_000, 1_000_000, 0, 0, 2);
    r = r.append(f.sign(r, TIANZHEN, result(tz)));
    r = r.append(f.sign(r, XINGHE, result(PlanResult.ZERO)));
    r = r.append(f.sign(r, XINGHE, result(xh))); // the latest record of a bureau counts
    r = f.step(r, XINGHE, PlanEvent.COMPLETE);
    assertThat(r.state()).isEqualTo(PlanState.COMPLETED);
    assertThat(r.total()).isEqualTo(tz.plus(xh));
    r = f.step(r, HUAIAN, PlanEvent.FOLLOW_UP);
    String followUp = r.followUps().get(0).hash();
    r =
        r.append(
            f.sign(
                r,
                HUAIAN,
                new StepRequest(
                    PlanEvent.FOLLOW_UP_DONE, "officer", null, null, null, null, null, followUp)));
    PlanRecord summarized =
        r.append(
            f.sign(
                r,
                XINGHE,
                new StepRequest(
                    PlanEvent.SUMMARIZE,
                    "officer",
                    null,
                    null,
                    null,
                    new PlanSummary("行动总结", List.of("a".repeat(64)), "加强信息共享"),
                    null,
                    null)));
    assertThat(summarized.state()).isEqualTo(PlanState.SUMMARIZED);
    PlanView v = PlanViews.view(summarized, f.sealing(HUAIAN));
    assertThat(v.followUps()).singleElement().matches(PlanView.FollowUp::done);
    PlanView.Step set =
        v.history().stream()
            .filter(h -> h.event() == PlanEvent.FOLLOW_UP)
            .findFirst()
            .orElseThrow();
    assertThat(v.followUps().get(0).due()).isEqualTo(set.at().plus(java.time.Duration.ofDays(7)));
    assertThat(v.briefings()).singleElement().extracting(PlanView.Briefing::text).isEqualTo("文字");
    assertThat(PlanViews.view(summarized, f.sealing(YANGGAO)).briefings().get(0).text()).isNull();
  }

  private PlanRecord r0() {
    PlanRecord r = proposed();
    for (var b : List.of(XINGHE, TIANZHEN, HUAIAN)) {
      r = f.step(r, b, PlanEvent.APPROVE);
    }
    return f.step(r, XINGHE, PlanEvent.ACTIVATE);
  }

  static StepRequest result(PlanResult r) {
    return new StepRequest(PlanEvent.REPORT_RESULT, "officer", null, null, r, null, null, null);
  }
}
