package io.liaison.node.lead;

import static io.liaison.node.lead.LeadLifecycleTest.TIANZHEN;
import static io.liaison.node.lead.LeadLifecycleTest.XINGHE;
import static io.liaison.node.lead.LeadLifecycleTest.YANGGAO;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.lead.CoHandler;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadState;
import io.liaison.api.lead.LeadStatus;
import io.liaison.api.lead.Outcome;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.EnvelopeVerifier;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
import io.liaison.crypto.Roster;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SigningKeyPair;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Co-handling (主办/协办) with real signed envelopes decided by the partition owner's processor, as on
 * the grid: every state × every co-handling event (allowed where the table says, else refused with
 * nothing changed), an invitation accepted exactly once, never after the close, replayed and forged
 * decisions refused, and each co-handler's part kept apart.
 */
class CoHandlingTest {
  static final BureauId YANGYUAN = BureauId.of("130727");
  private static final Instant T0 = LeadLifecycleTest.T0;
  private static final Map<BureauId, SigningKeyPair> KEYS =
      Map.of(
          XINGHE, SigningKeyPair.generate(),
          TIANZHEN, SigningKeyPair.generate(),
          YANGGAO, SigningKeyPair.generate(),
          YANGYUAN, SigningKeyPair.generate());
  private static final Roster ROSTER =
      new Roster(
          1,
          T0,
          KEYS.entrySet().stream()
              .map(
                  e ->
                      new Member(
                          e.getKey(),
                          "局" + e.getKey(),
                          "省",
                          List.of(),
                          List.of(MemberKey.signing(e.getValue(), T0.minusSeconds(3600)))))
              .toList());

  private int tick;

  /**
   * A partition owner's state, fresh per decision: the branches tried here share one lead id, and a
   * member that remembers a longer branch would (rightly) put it back.
   */
  private static LeadOwner owner() {
    return new LeadOwner(new EnvelopeVerifier(() -> ROSTER)::verify);
  }

  private static EnvelopeSigner signer(BureauId b) {
    return new EnvelopeSigner(b, KEYS.get(b));
  }

  private SignedEnvelope sign(BureauId by, LeadRecord on, TransitionRequest r) {
    return signer(by)
        .sign(
            LeadRecord.transitionPayload(on.lead().id(), r),
            on.status().lastHash(),
            T0.plusSeconds(60 + tick++));
  }

  private static TransitionRequest req(LeadEvent e) {
    return TransitionRequest.of(e, "officer-1");
  }

  private static TransitionRequest feedback(String text) {
    return new TransitionRequest(
        LeadEvent.FEEDBACK, "officer-1", null, null, text, null, null, null);
  }

  private static LeadRecord posted() {
    // expires a minute after posting, so that EXPIRE is allowed in POSTED
    return LeadRecord.ofPosted(
        signer(XINGHE)
            .sign(
                LeadRecord.postPayload(LeadLifecycleTest.lead(List.of(), T0.plusSeconds(30))),
                Hashes.GENESIS,
                T0));
  }

  /** The processor's answer for {@code t} on {@code grid}, as the partition owner gives it. */
  private TransitionOutcome decide(Map.Entry<String, String> grid, SignedEnvelope t) {
    return new TransitionProcessor(t).on(owner()).process(grid);
  }

  /** {@code t} decided on {@code rec}'s value; must be OK: the next record. */
  private LeadRecord then(LeadRecord rec, BureauId by, TransitionRequest r) {
    Map.Entry<String, String> grid = new AbstractMap.SimpleEntry<>(rec.lead().id(), rec.json());
    TransitionOutcome o = decide(grid, sign(by, rec, r));
    assertThat(o.result())
        .as("%s by %s: %s", r.event(), by, o)
        .isEqualTo(TransitionOutcome.Result.OK);
    return LeadRecord.parse(rec.lead().id(), o.value());
  }

  /** Claimed by 天镇县 (主办), inviting 阳高县 (协办) in the claim. */
  private LeadRecord claimedInviting() {
    return then(
        posted(),
        TIANZHEN,
        TransitionRequest.inviting(LeadEvent.CLAIM, "officer-1", "查阳高段物流", List.of(YANGGAO)));
  }

  /** A lead in each state, 阳高县's invitation pending wherever a lead can carry one. */
  private Map<LeadState, LeadRecord> everyState() {
    Map<LeadState, LeadRecord> m = new EnumMap<>(LeadState.class);
    LeadRecord posted = posted();
    m.put(LeadState.POSTED, posted);
    LeadRecord claimed = claimedInviting();
    m.put(LeadState.CLAIMED, claimed);
    LeadRecord investigating = then(claimed, TIANZHEN, req(LeadEvent.INVESTIGATE));
    m.put(LeadState.INVESTIGATING, investigating);
    m.put(
        LeadState.HANDOVER_OFFERED,
        then(
            claimed,
            TIANZHEN,
            new TransitionRequest(
                LeadEvent.OFFER_HANDOVER, "officer-1", null, XINGHE, null, null, null, null)));
    LeadRecord fed = then(investigating, TIANZHEN, feedback("已查"));
    m.put(
        LeadState.CLOSED,
        then(
            fed,
            TIANZHEN,
            new TransitionRequest(
                LeadEvent.CLOSE, "officer-1", null, null, null, Outcome.UNFOUNDED, null, null)));
    m.put(LeadState.WITHDRAWN, then(posted, XINGHE, req(LeadEvent.WITHDRAW)));
    m.put(LeadState.EXPIRED, then(posted, TIANZHEN, req(LeadEvent.EXPIRE)));
    return m;
  }

  @Test
  void everyStateAndCoHandlingEventIsDecidedByTheTableAndARefusalChangesNothing() {
    Map<LeadState, LeadRecord> leads = everyState();
    assertThat(leads.keySet()).containsExactlyInAnyOrder(LeadState.values());
    int allowed = 0;
    for (LeadState s : LeadState.values()) {
      LeadRecord rec = leads.get(s);
      assertThat(rec.status().state()).isEqualTo(s);
      for (LeadEvent e :
          List.of(
              LeadEvent.INVITE_COHANDLER,
              LeadEvent.ACCEPT_COHANDLING,
              LeadEvent.DECLINE_COHANDLING)) {
        // each event by the bureau that may fire it: the 主办 invites 阳原县, 阳高县 decides
        BureauId by = e == LeadEvent.INVITE_COHANDLER ? TIANZHEN : YANGGAO;
        TransitionRequest r =
            e == LeadEvent.INVITE_COHANDLER
                ? TransitionRequest.inviting(e, "officer-1", "协查", List.of(YANGYUAN))
                : req(e);
        Map.Entry<String, String> grid = new AbstractMap.SimpleEntry<>(rec.lead().id(), rec.json());
        TransitionProcessor p = new TransitionProcessor(sign(by, rec, r)).on(owner());
        TransitionOutcome o = p.process(grid);
        LeadState expected = LeadStateMachineTest.EXPECTED.get(s).get(e);
        if (expected == null) {
          assertThat(o.result()).as("%s × %s", s, e).isEqualTo(TransitionOutcome.Result.REFUSED);
          assertThat(o.kind()).as("%s × %s", s, e).isIn("STATE", "FORBIDDEN");
          assertThat(grid.getValue()).as("%s × %s changes nothing", s, e).isEqualTo(rec.json());
          assertThat(p.getBackupProcessor()).as("%s × %s: nothing to back up", s, e).isNull();
        } else {
          allowed++;
          assertThat(o.result()).as("%s × %s: %s", s, e, o).isEqualTo(TransitionOutcome.Result.OK);
          LeadRecord next = LeadRecord.parse(rec.lead().id(), grid.getValue());
          assertThat(next.status().state()).as("%s × %s", s, e).isEqualTo(expected);
          assertThat(next.status().version()).isEqualTo(rec.status().version() + 1);
        }
      }
    }
    assertThat(allowed).isEqualTo(8);
  }

  @Test
  void anInvitationIsAcceptedExactlyOnceAndNeverAfterTheClose() {
    LeadRecord claimed = claimedInviting();
    assertThat(claimed.status().cohandler(YANGGAO))
        .hasValueSatisfying(
            c -> {
              assertThat(c.state()).isEqualTo(CoHandler.State.INVITED);
              assertThat(c.task()).isEqualTo("查阳高段物流");
              assertThat(c.invitedBy()).isEqualTo(TIANZHEN);
            });
    Map.Entry<String, String> grid =
        new AbstractMap.SimpleEntry<>(claimed.lead().id(), claimed.json());
    // two officers of 阳高县 answer at once, both signed against the same head; a decline races too
    SignedEnvelope accept = sign(YANGGAO, claimed, req(LeadEvent.ACCEPT_COHANDLING));
    SignedEnvelope acceptAgain =
        sign(YANGGAO, claimed, TransitionRequest.of(LeadEvent.ACCEPT_COHANDLING, "officer-2"));
    SignedEnvelope decline = sign(YANGGAO, claimed, req(LeadEvent.DECLINE_COHANDLING));
    assertThat(decide(grid, accept).result()).isEqualTo(TransitionOutcome.Result.OK);
    String accepted = grid.getValue();
    TransitionOutcome second = decide(grid, acceptAgain);
    assertThat(second.result()).isEqualTo(TransitionOutcome.Result.REFUSED);
    assertThat(second.message()).contains("has decided already (ACCEPTED)");
    assertThat(decide(grid, decline).result()).isEqualTo(TransitionOutcome.Result.REFUSED);
    assertThat(grid.getValue()).isEqualTo(accepted);
    // the same acceptance played back: the answer it had, nothing appended
    TransitionOutcome replay = decide(grid, accept);
    assertThat(replay.result()).isEqualTo(TransitionOutcome.Result.OK);
    assertThat(grid.getValue()).isEqualTo(accepted);
    LeadRecord rec = LeadRecord.parse(claimed.lead().id(), accepted);
    assertThat(rec.status().cohandler(YANGGAO).orElseThrow().state())
        .isEqualTo(CoHandler.State.ACCEPTED);
    assertThat(rec.status().version()).isEqualTo(3);

    // closed by the 主办 while 阳原县's invitation was pending: 阳原县 can no longer accept
    LeadRecord invited =
        then(
            rec,
            TIANZHEN,
            TransitionRequest.inviting(
                LeadEvent.INVITE_COHANDLER, "officer-1", "查车辆", List.of(YANGYUAN)));
    LeadRecord inv = then(invited, TIANZHEN, req(LeadEvent.INVESTIGATE));
    LeadRecord fed = then(inv, TIANZHEN, feedback("已立案"));
    SignedEnvelope lateAccept = sign(YANGYUAN, fed, req(LeadEvent.ACCEPT_COHANDLING));
    LeadRecord closed =
        then(
            fed,
            TIANZHEN,
            new TransitionRequest(
                LeadEvent.CLOSE, "officer-1", null, null, null, Outcome.UNFOUNDED, null, null));
    Map.Entry<String, String> after =
        new AbstractMap.SimpleEntry<>(closed.lead().id(), closed.json());
    TransitionOutcome late = decide(after, lateAccept);
    assertThat(late.result()).isEqualTo(TransitionOutcome.Result.REFUSED);
    assertThat(late.message()).contains("state CLOSED");
    TransitionOutcome lateOnHead =
        decide(after, sign(YANGYUAN, closed, req(LeadEvent.ACCEPT_COHANDLING)));
    assertThat(lateOnHead.result()).isEqualTo(TransitionOutcome.Result.REFUSED);
    assertThat(after.getValue()).isEqualTo(closed.json());
  }

  @Test
  void forgedAndMisdirectedDecisionsAreRefused() {
    LeadRecord claimed = claimedInviting();
    Map.Entry<String, String> grid =
        new AbstractMap.SimpleEntry<>(claimed.lead().id(), claimed.json());
    // "阳高县's" acceptance signed with a key not in the roster
    EnvelopeSigner rogue = new EnvelopeSigner(YANGGAO, SigningKeyPair.generate());
    SignedEnvelope forged =
        rogue.sign(
            LeadRecord.transitionPayload(claimed.lead().id(), req(LeadEvent.ACCEPT_COHANDLING)),
            claimed.status().lastHash(),
            T0.plusSeconds(90));
    TransitionOutcome f = decide(grid, forged);
    assertThat(f.result()).isEqualTo(TransitionOutcome.Result.REFUSED);
    assertThat(f.kind()).isEqualTo("UNTRUSTED");
    // a bureau that was not invited (the origin, 阳原县) cannot accept in its place
    for (BureauId not : List.of(XINGHE, YANGYUAN, TIANZHEN)) {
      TransitionOutcome o = decide(grid, sign(not, claimed, req(LeadEvent.ACCEPT_COHANDLING)));
      assertThat(o.result()).isEqualTo(TransitionOutcome.Result.REFUSED);
      assertThat(o.kind()).isEqualTo("FORBIDDEN");
      assertThat(o.message()).contains("was not invited");
    }
    // 阳高县's acceptance of another lead played onto this one is not on its chain
    LeadRecord other = claimedInviting();
    SignedEnvelope elsewhere = sign(YANGGAO, other, req(LeadEvent.ACCEPT_COHANDLING));
    assertThat(decide(grid, elsewhere).result()).isNotEqualTo(TransitionOutcome.Result.OK);
    assertThat(grid.getValue()).isEqualTo(claimed.json());
  }

  @Test
  void eachCoHandlersFeedbackIsKeptApartAndOnlyTheLeadBureauHandsOverOrCloses() {
    LeadRecord rec = then(claimedInviting(), YANGGAO, req(LeadEvent.ACCEPT_COHANDLING));
    rec = then(rec, TIANZHEN, req(LeadEvent.INVESTIGATE));
    // before its own feedback, the co-handler cannot close, hand over or invite
    for (TransitionRequest r :
        List.of(
            new TransitionRequest(
                LeadEvent.CLOSE, "officer-1", null, null, null, Outcome.UNFOUNDED, null, null),
            new TransitionRequest(
                LeadEvent.OFFER_HANDOVER, "officer-1", null, YANGYUAN, null, null, null, null),
            TransitionRequest.inviting(
                LeadEvent.INVITE_COHANDLER, "officer-1", "x", List.of(YANGYUAN)),
            req(LeadEvent.RELEASE))) {
      LeadRecord on = rec;
      Map.Entry<String, String> grid = new AbstractMap.SimpleEntry<>(on.lead().id(), on.json());
      TransitionOutcome o = decide(grid, sign(YANGGAO, on, r));
      assertThat(o.result()).as(r.event().name()).isEqualTo(TransitionOutcome.Result.REFUSED);
      assertThat(o.kind()).as(r.event().name()).isEqualTo("FORBIDDEN");
      assertThat(grid.getValue()).isEqualTo(on.json());
    }
    rec = then(rec, YANGGAO, feedback("阳高段查获运输车辆一辆"));
    // the co-handler's feedback is its own: the lead bureau has given none, so it cannot close yet
    LeadStatus s = rec.status();
    assertThat(s.feedback()).isEmpty();
    assertThat(s.cohandler(YANGGAO).orElseThrow().feedback())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.bureau()).isEqualTo(YANGGAO);
              assertThat(f.text()).isEqualTo("阳高段查获运输车辆一辆");
            });
    Map.Entry<String, String> grid = new AbstractMap.SimpleEntry<>(rec.lead().id(), rec.json());
    TransitionOutcome early =
        decide(
            grid,
            sign(
                TIANZHEN,
                rec,
                new TransitionRequest(
                    LeadEvent.CLOSE,
                    "officer-1",
                    null,
                    null,
                    null,
                    Outcome.UNFOUNDED,
                    null,
                    null)));
    assertThat(early.message()).contains("feedback to the origin bureau");
    rec = then(rec, TIANZHEN, feedback("天镇段已立案"));
    assertThat(rec.status().feedback())
        .singleElement()
        .satisfies(f -> assertThat(f.bureau()).isEqualTo(TIANZHEN));
    assertThat(rec.status().cohandler(YANGGAO).orElseThrow().feedback()).hasSize(1);
    // a bureau invited but not accepted gives no feedback
    LeadRecord pending = claimedInviting();
    Map.Entry<String, String> g2 =
        new AbstractMap.SimpleEntry<>(pending.lead().id(), pending.json());
    TransitionOutcome notYet = decide(g2, sign(YANGGAO, pending, feedback("x")));
    assertThat(notYet.kind()).isEqualTo("FORBIDDEN");
  }

  /**
   * Review-3 F7: what a co-handler reported to the origin stays in the lead's status when the lead
   * is released or the co-handler takes it over (before, its entry was dropped with its feedback).
   */
  @Test
  void aCoHandlersFeedbackStaysWhenTheLeadIsReleasedOrTakenOver() {
    LeadRecord rec = then(claimedInviting(), YANGGAO, req(LeadEvent.ACCEPT_COHANDLING));
    rec = then(rec, YANGGAO, feedback("阳高段查获运输车辆一辆"));
    LeadRecord released = then(rec, TIANZHEN, req(LeadEvent.RELEASE));
    assertThat(released.status().cohandlers()).isEmpty();
    assertThat(released.status().feedback())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.bureau()).isEqualTo(YANGGAO);
              assertThat(f.text()).isEqualTo("阳高段查获运输车辆一辆");
            });
    // the co-handler takes the lead over: its own feedback as co-handler stays, and the
    // owner's feedback given before is kept too, oldest first
    rec = then(rec, TIANZHEN, feedback("天镇段已立案"));
    rec =
        then(
            rec,
            TIANZHEN,
            new TransitionRequest(
                LeadEvent.OFFER_HANDOVER, "officer-1", null, YANGGAO, null, null, null, null));
    LeadRecord taken = then(rec, YANGGAO, req(LeadEvent.ACCEPT_HANDOVER));
    assertThat(taken.status().owner()).isEqualTo(YANGGAO);
    assertThat(taken.status().cohandler(YANGGAO)).isEmpty();
    assertThat(taken.status().feedback())
        .extracting(LeadStatus.Feedback::text)
        .containsExactly("阳高段查获运输车辆一辆", "天镇段已立案");
  }

  @Test
  void invitationsNameNeitherTheOriginNorTheLeadBureauAndADeclinedBureauMayBeAskedAgain() {
    LeadRecord claimed = claimedInviting();
    for (BureauId b : List.of(XINGHE, TIANZHEN)) {
      Map.Entry<String, String> grid =
          new AbstractMap.SimpleEntry<>(claimed.lead().id(), claimed.json());
      TransitionOutcome o =
          decide(
              grid,
              sign(
                  TIANZHEN,
                  claimed,
                  TransitionRequest.inviting(
                      LeadEvent.INVITE_COHANDLER, "officer-1", "x", List.of(b))));
      assertThat(o.kind()).as(b.code()).isEqualTo("FORBIDDEN");
    }
    // invited twice while pending: refused; after a decline: asked again
    Map.Entry<String, String> grid =
        new AbstractMap.SimpleEntry<>(claimed.lead().id(), claimed.json());
    TransitionRequest again =
        TransitionRequest.inviting(
            LeadEvent.INVITE_COHANDLER, "officer-1", "再请协查", List.of(YANGGAO));
    assertThat(decide(grid, sign(TIANZHEN, claimed, again)).message())
        .contains("is INVITED already");
    LeadRecord declined =
        then(
            claimed,
            YANGGAO,
            new TransitionRequest(
                LeadEvent.DECLINE_COHANDLING, "officer-1", "警力不足", null, null, null, null, null));
    assertThat(declined.status().cohandler(YANGGAO).orElseThrow().declineReason())
        .isEqualTo("警力不足");
    LeadRecord reinvited = then(declined, TIANZHEN, again);
    assertThat(reinvited.status().cohandler(YANGGAO).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.state()).isEqualTo(CoHandler.State.INVITED);
              assertThat(c.task()).isEqualTo("再请协查");
            });
    // released: the next claimant leads anew, without the former co-handlers
    LeadRecord released = then(reinvited, TIANZHEN, req(LeadEvent.RELEASE));
    assertThat(released.status().cohandlers()).isEmpty();
    // a co-handler that takes a hand-over leads the lead and is no longer a co-handler
    LeadRecord acc = then(claimedInviting(), YANGGAO, req(LeadEvent.ACCEPT_COHANDLING));
    LeadRecord offered =
        then(
            acc,
            TIANZHEN,
            new TransitionRequest(
                LeadEvent.OFFER_HANDOVER, "officer-1", null, YANGGAO, null, null, null, null));
    LeadRecord taken = then(offered, YANGGAO, req(LeadEvent.ACCEPT_HANDOVER));
    assertThat(taken.status().owner()).isEqualTo(YANGGAO);
    assertThat(taken.status().cohandler(YANGGAO)).isEqualTo(Optional.empty());
  }
}
