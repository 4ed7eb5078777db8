package io.liaison.node.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.EnvelopeVerifier;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
import io.liaison.crypto.Roster;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.cluster.BackupWrite;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the partition owner answers for a transition, with real signed envelopes. */
class TransitionProcessorTest {
  private static final SigningKeyPair XINGHE_KEY = SigningKeyPair.generate();
  private static final SigningKeyPair TIANZHEN_KEY = SigningKeyPair.generate();
  private static final SigningKeyPair YANGGAO_KEY = SigningKeyPair.generate();
  private static final EnvelopeSigner XINGHE =
      new EnvelopeSigner(LeadLifecycleTest.XINGHE, XINGHE_KEY);
  private static final EnvelopeSigner TIANZHEN =
      new EnvelopeSigner(LeadLifecycleTest.TIANZHEN, TIANZHEN_KEY);
  private static final EnvelopeSigner YANGGAO =
      new EnvelopeSigner(LeadLifecycleTest.YANGGAO, YANGGAO_KEY);
  private static final Instant AT = LeadLifecycleTest.T0.plusSeconds(60);
  private static final Roster ROSTER =
      new Roster(
          1,
          LeadLifecycleTest.T0,
          List.of(
              member(LeadLifecycleTest.XINGHE, XINGHE_KEY),
              member(LeadLifecycleTest.TIANZHEN, TIANZHEN_KEY),
              member(LeadLifecycleTest.YANGGAO, YANGGAO_KEY)));

  private static Member member(io.liaison.api.BureauId id, SigningKeyPair key) {
    return new Member(
        id,
        "局" + id,
        "省",
        List.of(),
        List.of(MemberKey.signing(key, LeadLifecycleTest.T0.minusSeconds(3600))));
  }

  /** A member's partition-owner state, verifying against the test roster; fresh per test. */
  private LeadOwner owner = new LeadOwner(new EnvelopeVerifier(() -> ROSTER)::verify);

  private static SignedEnvelope transition(EnvelopeSigner by, LeadRecord on, LeadEvent event) {
    TransitionRequest r = TransitionRequest.of(event, "officer-1");
    return by.sign(LeadRecord.transitionPayload(on.lead().id(), r), on.status().lastHash(), AT);
  }

  /**
   * Runs the processor on the owner's {@code entry} and its backup processor, if any, on {@code
   * backup}, as Hazelcast does.
   */
  private TransitionOutcome run(
      Map.Entry<String, String> entry, Map.Entry<String, String> backup, SignedEnvelope t)
      throws Exception {
    TransitionProcessor p = new TransitionProcessor(t).on(owner);
    TransitionOutcome answer = p.process(entry);
    if (p.getBackupProcessor() != null) {
      p.getBackupProcessor().process(backup);
    }
    return answer;
  }

  @Test
  void aClaimThatLostItsRaceIsRefusedNamingTheOwnerNotSentBackAsStale() throws Exception {
    LeadRecord posted =
        LeadRecord.ofPosted(
            XINGHE.sign(
                LeadRecord.postPayload(LeadLifecycleTest.lead(List.of(), null)),
                Hashes.GENESIS,
                LeadLifecycleTest.T0));
    Map.Entry<String, String> entry =
        new AbstractMap.SimpleEntry<>(posted.lead().id(), posted.json());
    Map.Entry<String, String> backup =
        new AbstractMap.SimpleEntry<>(posted.lead().id(), posted.json());
    // both neighbours sign a claim against the posted head; 天镇县's arrives first
    SignedEnvelope first = transition(TIANZHEN, posted, LeadEvent.CLAIM);
    SignedEnvelope second = transition(YANGGAO, posted, LeadEvent.CLAIM);

    TransitionOutcome won = run(entry, backup, first);
    assertThat(won.result().name()).isEqualTo("OK");
    // asked again (the owner left after its backup took the value): the same answer, no second
    // claim
    Map.Entry<String, String> promoted =
        new AbstractMap.SimpleEntry<>(posted.lead().id(), entry.getValue());
    TransitionOutcome again0 = run(promoted, backup, first);
    assertThat(again0.result().name()).isEqualTo("OK");
    assertThat(promoted.getValue()).isEqualTo(won.value());
    assertThat(entry.getValue()).isEqualTo(won.value());
    assertThat(backup.getValue())
        .as("the backup holds the owner's value")
        .isEqualTo(entry.getValue());

    TransitionOutcome lost = run(entry, backup, second);
    assertThat(lost.result().name()).isEqualTo("REFUSED");
    assertThat(lost.message()).contains("owner 140222");
    assertThat(lost.value()).isEqualTo(entry.getValue());
    assertThat(backup.getValue()).isEqualTo(entry.getValue());

    // an event the current state allows, signed against the old head, is stale: sign again
    SignedEnvelope late = transition(TIANZHEN, posted, LeadEvent.INVESTIGATE);
    TransitionOutcome stale = run(entry, backup, late);
    assertThat(stale.result().name()).isEqualTo("STALE");
    LeadRecord claimed = LeadRecord.parse(posted.lead().id(), stale.value());
    TransitionOutcome again =
        run(entry, backup, transition(TIANZHEN, claimed, LeadEvent.INVESTIGATE));
    assertThat(again.result().name()).isEqualTo("OK");
    assertThat(backup.getValue()).isEqualTo(entry.getValue());
    // where every member reads it, the backup gets BackupWrite: the owner's value as it is
    Map.Entry<String, String> replica =
        new AbstractMap.SimpleEntry<>(posted.lead().id(), posted.json());
    new BackupWrite<TransitionOutcome>(entry.getValue()).process(replica);
    assertThat(replica.getValue()).isEqualTo(entry.getValue());
    assertThat(LeadRecord.parse(posted.lead().id(), backup.getValue()).status().version())
        .isEqualTo(3);
  }

  private static LeadRecord posted() {
    return LeadRecord.ofPosted(
        XINGHE.sign(
            LeadRecord.postPayload(LeadLifecycleTest.lead(List.of(), null)),
            Hashes.GENESIS,
            LeadLifecycleTest.T0));
  }

  private static Map.Entry<String, Object> entry(String key, Object value) {
    return new AbstractMap.SimpleEntry<>(key, value);
  }

  @SuppressWarnings("unchecked")
  private TransitionOutcome runRaw(Map.Entry<String, Object> entry, SignedEnvelope t)
      throws Exception {
    Map.Entry<String, String> e = (Map.Entry<String, String>) (Map.Entry<?, ?>) entry;
    return new TransitionProcessor(t).on(owner).process(e);
  }

  @Test
  void aForgedClaimOnTheGridIsNeitherDecidedOnNorNamedAndTheVerifiedValueIsPutBack()
      throws Exception {
    LeadRecord posted = posted();
    String id = posted.lead().id();
    // a forged CLAIM "by 140221": correctly chained, signed with a key not in the roster
    EnvelopeSigner rogue = new EnvelopeSigner(LeadLifecycleTest.YANGGAO, SigningKeyPair.generate());
    LeadRecord forged = posted.append(transition(rogue, posted, LeadEvent.CLAIM));
    Map.Entry<String, Object> grid = entry(id, forged.json());

    // the owner never verified this lead: it does not decide, it hands the value back for repair
    TransitionOutcome first = runRaw(grid, transition(TIANZHEN, posted, LeadEvent.CLAIM));
    assertThat(first.result().name()).isEqualTo("UNVERIFIED");
    assertThat(first.message()).isNull();
    assertThat(grid.getValue()).isEqualTo(forged.json());

    // the requester repaired the grid; the claim wins and the owner remembers what it wrote
    grid.setValue(posted.json());
    SignedEnvelope claim = transition(TIANZHEN, posted, LeadEvent.CLAIM);
    TransitionOutcome won = runRaw(grid, claim);
    assertThat(won.result().name()).isEqualTo("OK");
    String claimed = grid.getValue().toString();

    // a forgery put over it again: the owner puts back the value it wrote and decides on that
    LeadRecord c = LeadRecord.parse(id, claimed);
    EnvelopeSigner forger =
        new EnvelopeSigner(LeadLifecycleTest.TIANZHEN, SigningKeyPair.generate());
    grid.setValue(c.append(transition(forger, c, LeadEvent.RELEASE)).json());
    TransitionOutcome next = runRaw(grid, transition(TIANZHEN, c, LeadEvent.INVESTIGATE));
    assertThat(next.result().name()).isEqualTo("OK");
    assertThat(LeadRecord.parse(id, grid.getValue().toString()).status().state().name())
        .isEqualTo("INVESTIGATING");
  }

  @Test
  void anOlderValuePlayedBackIsNotDecidedOn() throws Exception {
    LeadRecord posted = posted();
    String id = posted.lead().id();
    Map.Entry<String, Object> grid = entry(id, posted.json());
    assertThat(runRaw(grid, transition(TIANZHEN, posted, LeadEvent.CLAIM)).result().name())
        .isEqualTo("OK");
    LeadRecord claimed = LeadRecord.parse(id, grid.getValue().toString());

    // the pre-claim value played back: a second claimer does not win on it
    grid.setValue(posted.json());
    TransitionOutcome second = runRaw(grid, transition(YANGGAO, posted, LeadEvent.CLAIM));
    assertThat(second.result().name()).isEqualTo("REFUSED");
    assertThat(second.message()).contains("owner 140222");
    assertThat(grid.getValue()).isEqualTo(claimed.json());

    // the real owner's INVESTIGATE is decided on the claimed state, not refused on the old one
    grid.setValue(posted.json());
    TransitionOutcome inv = runRaw(grid, transition(TIANZHEN, claimed, LeadEvent.INVESTIGATE));
    assertThat(inv.result().name()).isEqualTo("OK");

    // a member that never saw the newer value answers BEHIND to a requester that holds it
    owner = new LeadOwner(new EnvelopeVerifier(() -> ROSTER)::verify);
    Map.Entry<String, Object> other = entry(id, posted.json());
    TransitionOutcome behind = runRaw(other, transition(TIANZHEN, claimed, LeadEvent.INVESTIGATE));
    assertThat(behind.result().name()).isEqualTo("BEHIND");
    assertThat(other.getValue()).isEqualTo(posted.json());
  }

  @Test
  void aValueOfAnotherTypeOrAForgedTransitionIsNeverThrownNorDecided() throws Exception {
    LeadRecord posted = posted();
    String id = posted.lead().id();
    Map.Entry<String, Object> grid = entry(id, 42);
    TransitionOutcome answer = runRaw(grid, transition(TIANZHEN, posted, LeadEvent.CLAIM));
    assertThat(answer.result().name()).isEqualTo("UNVERIFIED");
    assertThat(answer.value()).isNull();

    grid.setValue(posted.json());
    EnvelopeSigner rogue =
        new EnvelopeSigner(LeadLifecycleTest.TIANZHEN, SigningKeyPair.generate());
    TransitionOutcome forged = runRaw(grid, transition(rogue, posted, LeadEvent.CLAIM));
    assertThat(forged.result().name()).isEqualTo("REFUSED");
    assertThat(forged.kind()).isEqualTo("UNTRUSTED");
    assertThat(grid.getValue()).isEqualTo(posted.json());

    // 阳高县 claims; an Integer put over the value is replaced by the value the owner wrote
    assertThat(runRaw(grid, transition(YANGGAO, posted, LeadEvent.CLAIM)).result().name())
        .isEqualTo("OK");
    String claimed = grid.getValue().toString();
    grid.setValue(42);
    TransitionOutcome claim = runRaw(grid, transition(TIANZHEN, posted, LeadEvent.CLAIM));
    assertThat(claim.result().name()).isEqualTo("REFUSED");
    assertThat(claim.message()).contains("owner 140221");
    assertThat(grid.getValue()).isEqualTo(claimed);
  }
}
