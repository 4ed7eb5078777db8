package io.liaison.node.lead;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.BackupWrite;
import io.liaison.node.cluster.GridProcessor;
import io.liaison.node.lead.TransitionOutcome.Result;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Appends one signed transition to a lead atomically on the partition owner: the transition must
 * name the lead's current head ({@code prevHash}, the version fence) and the lifecycle must allow
 * it. This is what makes a claim exactly-once without locks or the CP subsystem.
 *
 * <p>It decides on verified state only ({@link LeadOwner}): the transition must verify against the
 * roster, and so must the value it finds; a forged value, a value of another type or an older value
 * played back is replaced by the one this member verified last, or, when it remembers none, the
 * processor does not decide ({@code UNVERIFIED}) and the requesting node repairs the grid from its
 * verified copy and asks again. A transition signed against a head that is not on the value's chain
 * ({@code BEHIND}: the requester holds a newer or another state) is not decided either.
 *
 * <p>The answer is a {@link TransitionOutcome} (serialised like the processor): OK, STALE, REFUSED,
 * NOT_FOUND, BEHIND or UNVERIFIED with the value it was decided on; every value is verified except
 * that of UNVERIFIED (the grid's value as found, for the requester's compare-and-set repair only).
 */
public final class TransitionProcessor extends GridProcessor<TransitionOutcome>
    implements HazelcastInstanceAware {
  public static final int CLASS_ID = 1;

  // the value process() wrote on the owner (null if it wrote none), for the backup replicas
  private transient String written;
  private transient HazelcastInstance hz;
  private transient LeadOwner owner;

  public TransitionProcessor() {}

  public TransitionProcessor(SignedEnvelope envelope) {
    super(new String(envelope.toJson(), StandardCharsets.UTF_8));
  }

  /** This processor deciding with {@code owner} (tests; on a member it is the user context's). */
  TransitionProcessor on(LeadOwner owner) {
    this.owner = owner;
    return this;
  }

  private LeadOwner owner() {
    if (owner == null && hz != null) {
      owner = (LeadOwner) hz.getUserContext().get(LeadOwner.KEY);
    }
    return owner;
  }

  @Override
  public TransitionOutcome process(Map.Entry<String, String> entry) {
    written = null;
    // any type: whoever reaches the cluster link can put an Integer under a lead's key
    Object raw = ((Map.Entry<?, ?>) entry).getValue();
    if (raw == null) {
      return new TransitionOutcome().answer(Result.NOT_FOUND, null);
    }
    SignedEnvelope t;
    try {
      t = SignedEnvelope.fromJson(arg.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return malformed();
    }
    LeadOwner o = owner();
    if (o != null && !o.verifies(t)) {
      return new TransitionOutcome()
          .refused(
              "UNTRUSTED",
              "the transition does not verify against the partition owner's roster",
              null);
    }
    LeadOwner.Basis basis = o == null ? null : o.basis(entry.getKey(), raw);
    if (basis == null) {
      return new TransitionOutcome().answer(Result.UNVERIFIED, raw instanceof String s ? s : null);
    }
    LeadRecord rec = basis.record();
    String current = rec.json();
    if (basis.restore()) {
      written = current;
      entry.setValue(current);
    }
    boolean onChain = false;
    for (SignedEnvelope e : rec.envelopes()) {
      if (e.hash().equals(t.hash())) {
        // run again (the owner left after its backup took the value, and the promoted backup
        // is asked again): the transition is in already, the answer is the same
        written = current;
        return new TransitionOutcome().answer(Result.OK, current);
      }
      onChain |= e.hash().equals(t.prevHash());
    }
    if (!onChain) {
      // signed against a state this value does not contain: the requester knows more (the grid
      // was set back) or another branch; it takes this value in, repairs and asks again
      return new TransitionOutcome().answer(Result.BEHIND, current);
    }
    try {
      LeadRecord next = rec.append(t);
      written = next.json();
      entry.setValue(written);
      o.remember(next);
      return new TransitionOutcome().answer(Result.OK, written);
    } catch (LeadRecord.StaleTransition e) {
      return new TransitionOutcome().answer(Result.STALE, current);
    } catch (TransitionRefused e) {
      return new TransitionOutcome().refused(e.kind().name(), e.getMessage(), current);
    } catch (RuntimeException e) {
      return malformed();
    }
  }

  private static TransitionOutcome malformed() {
    return new TransitionOutcome()
        .refused("MALFORMED", "the transition is not a valid envelope", null);
  }

  /**
   * The backups take the owner's value as it is ({@link BackupWrite}): they do not parse and decide
   * again while the caller waits for their acknowledgement; nothing to back up after a refusal.
   */
  @Override
  public EntryProcessor<String, String, TransitionOutcome> getBackupProcessor() {
    if (written == null) {
      return null;
    }
    // a member of an older build cannot read BackupWrite: then the backups decide again, as before
    return BackupWrite.understoodBy(hz) ? new BackupWrite<>(written) : this;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.hz = hazelcastInstance;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }
}
