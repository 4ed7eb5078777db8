package io.liaison.node.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadCategory;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadState;
import io.liaison.api.lead.LeadStatus;
import io.liaison.api.lead.Outcome;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.api.lead.Urgency;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may fire which event: the guards on top of the state table. */
class LeadLifecycleTest {
  static final BureauId XINGHE = BureauId.of("150924");
  static final BureauId TIANZHEN = BureauId.of("140222");
  static final BureauId YANGGAO = BureauId.of("140221");
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  static Lead lead(List<BureauId> targets, Instant expires) {
    return new Lead(
        "150924-20260301-ABCDEFGH",
        XINGHE,
        "150924-017",
        T0,
        LeadCategory.COUNTERFEIT,
        "假烟线索",
        "在兴和县城关镇发现假中华",
        List.of(),
        null,
        Urgency.ROUTINE,
        expires,
        targets,
        io.liaison.api.lead.Distribution.MEMBERS);
  }

  static LeadStatus fire(Lead l, LeadStatus s, BureauId actor, TransitionRequest r) {
    return LeadLifecycle.apply(
        l, s, new Transition(actor, T0.plusSeconds(60), r), "h" + s.version());
  }

  static TransitionRequest req(LeadEvent e) {
    return TransitionRequest.of(e, "officer-1");
  }

  @Test
  void onlyAddressedBureausOtherThanTheOriginCanClaim() {
    Lead l = lead(List.of(TIANZHEN), null);
    LeadStatus s = LeadLifecycle.initial("h0");
    assertThatThrownBy(() -> fire(l, s, XINGHE, req(LeadEvent.CLAIM)))
        .isInstanceOf(TransitionRefused.class)
        .hasMessageContaining("origin bureau cannot claim");
    assertThatThrownBy(() -> fire(l, s, YANGGAO, req(LeadEvent.CLAIM)))
        .hasMessageContaining("not addressed to bureau 140221");
    LeadStatus claimed = fire(l, s, TIANZHEN, req(LeadEvent.CLAIM));
    assertThat(claimed.state()).isEqualTo(LeadState.CLAIMED);
    assertThat(claimed.owner()).isEqualTo(TIANZHEN);
    assertThat(claimed.version()).isEqualTo(2);
  }

  @Test
  void aSecondClaimIsRefusedNamingTheOwner() {
    Lead l = lead(List.of(), null);
    LeadStatus claimed = fire(l, LeadLifecycle.initial("h0"), TIANZHEN, req(LeadEvent.CLAIM));
    assertThatThrownBy(() -> fire(l, claimed, YANGGAO, req(LeadEvent.CLAIM)))
        .isInstanceOf(TransitionRefused.class)
        .hasMessageContaining("state CLAIMED")
        .hasMessageContaining("owner 140222");
  }

  @Test
  void closingNeedsFeedbackFromTheOwner() {
    Lead l = lead(List.of(), null);
    LeadStatus s = fire(l, LeadLifecycle.initial("h0"), TIANZHEN, req(LeadEvent.CLAIM));
    s = fire(l, s, TIANZHEN, req(LeadEvent.INVESTIGATE));
    TransitionRequest close =
        new TransitionRequest(
            LeadEvent.CLOSE, "o", null, null, null, Outcome.UNFOUNDED, null, null);
    LeadStatus investigating = s;
    assertThatThrownBy(() -> fire(l, investigating, TIANZHEN, close))
        .hasMessageContaining("feedback to the origin bureau 150924 is required");
    TransitionRequest fb =
        new TransitionRequest(LeadEvent.FEEDBACK, "o", null, null, "查无此车", null, null, null);
    assertThatThrownBy(() -> fire(l, investigating, YANGGAO, fb))
        .extracting(e -> ((TransitionRefused) e).kind())
        .isEqualTo(TransitionRefused.Kind.FORBIDDEN);
    s = fire(l, investigating, TIANZHEN, fb);
    assertThat(s.feedback()).singleElement().satisfies(f -> assertThat(f.text()).isEqualTo("查无此车"));
    s = fire(l, s, TIANZHEN, close);
    assertThat(s.state()).isEqualTo(LeadState.CLOSED);
    assertThat(s.outcome()).isEqualTo(Outcome.UNFOUNDED);
    assertThat(s.owner()).isEqualTo(TIANZHEN);
  }

  @Test
  void handOverMovesOwnershipOnlyWhenTheOfferedBureauAccepts() {
    Lead l = lead(List.of(), null);
    LeadStatus s = fire(l, LeadLifecycle.initial("h0"), TIANZHEN, req(LeadEvent.CLAIM));
    TransitionRequest offer =
        new TransitionRequest(
            LeadEvent.OFFER_HANDOVER, "o", "属阳高辖区", YANGGAO, null, null, null, null);
    s = fire(l, s, TIANZHEN, offer);
    assertThat(s.state()).isEqualTo(LeadState.HANDOVER_OFFERED);
    assertThat(s.handoverTo()).isEqualTo(YANGGAO);
    LeadStatus offered = s;
    assertThatThrownBy(() -> fire(l, offered, XINGHE, req(LeadEvent.ACCEPT_HANDOVER)))
        .hasMessageContaining("offered to bureau 140221");
    LeadStatus declined = fire(l, offered, YANGGAO, req(LeadEvent.DECLINE_HANDOVER));
    assertThat(declined.owner()).isEqualTo(TIANZHEN);
    assertThat(declined.state()).isEqualTo(LeadState.CLAIMED);
    LeadStatus accepted = fire(l, offered, YANGGAO, req(LeadEvent.ACCEPT_HANDOVER));
    assertThat(accepted.owner()).isEqualTo(YANGGAO);
    assertThat(accepted.handoverTo()).isNull();
  }

  @Test
  void onlyTheOriginWithdrawsAndOnlyAfterExpiryDoesALeadExpire() {
    Lead l = lead(List.of(), T0.plusSeconds(3600));
    LeadStatus s = LeadLifecycle.initial("h0");
    assertThatThrownBy(() -> fire(l, s, TIANZHEN, req(LeadEvent.WITHDRAW)))
        .hasMessageContaining("only the origin bureau");
    assertThat(fire(l, s, XINGHE, req(LeadEvent.WITHDRAW)).state()).isEqualTo(LeadState.WITHDRAWN);
    assertThatThrownBy(() -> fire(l, s, TIANZHEN, req(LeadEvent.EXPIRE)))
        .hasMessageContaining("has not expired");
    LeadStatus expired =
        LeadLifecycle.apply(
            l, s, new Transition(TIANZHEN, T0.plusSeconds(3600), req(LeadEvent.EXPIRE)), "x");
    assertThat(expired.state()).isEqualTo(LeadState.EXPIRED);
  }
}
