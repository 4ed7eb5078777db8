package io.liaison.node.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.BackupWrite;
import io.liaison.node.cluster.GridProcessor;
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
 * <p>The answer is a small JSON document: {@code {"result":"OK"|"STALE"|"REFUSED"|"NOT_FOUND"|
 * "BEHIND"|"UNVERIFIED", "value":..., ...}}; every {@code value} is verified except that of
 * UNVERIFIED (the grid's value as found, for the requester's compare-and-set repair only).
 */
public final class TransitionProcessor extends GridProcessor
    implements com.hazelcast.core.HazelcastInstanceAware {
  public static final int CLASS_ID = 1;

  // the value process() wrote on the owner (null if it wrote none), for the backup replicas
  private transient String written;
  private transient com.hazelcast.core.HazelcastInstance hz;
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
  public String process(Map.Entry<String, String> entry) {
    written = null;
    ObjectNode out = Json.mapper().createObjectNode();
    // any type: whoever reaches the cluster link can put an Integer under a lead's key
    Object raw = ((Map.Entry<?, ?>) entry).getValue();
    if (raw == null) {
      return out.put("result", "NOT_FOUND").toString();
    }
    SignedEnvelope t;
    try {
      t = SignedEnvelope.fromJson(arg.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return out.put("result", "REFUSED")
          .put("kind", "MALFORMED")
          .put("message", "the transition is not a valid envelope")
          .toString();
    }
    LeadOwner o = owner();
    if (o != null && !o.verifies(t)) {
      return out.put("result", "REFUSED")
          .put("kind", "UNTRUSTED")
          .put("message", "the transition does not verify against the partition owner's roster")
          .toString();
    }
    LeadOwner.Basis basis = o == null ? null : o.basis(entry.getKey(), raw);
    if (basis == null) {
      out.put("result", "UNVERIFIED");
      if (raw instanceof String s) {
        out.put("value", s);
      }
      return out.toString();
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
        return out.put("result", "OK").put("value", current).toString();
      }
      onChain |= e.hash().equals(t.prevHash());
    }
    if (!onChain) {
      // signed against a state this value does not contain: the requester knows more (the grid
      // was set back) or another branch; it takes this value in, repairs and asks again
      return out.put("result", "BEHIND").put("value", current).toString();
    }
    try {
      LeadRecord next = rec.append(t);
      written = next.json();
      entry.setValue(written);
      o.remember(next);
      return out.put("result", "OK").put("value", written).toString();
    } catch (LeadRecord.StaleTransition e) {
      return out.put("result", "STALE").put("value", current).toString();
    } catch (TransitionRefused e) {
      return out.put("result", "REFUSED")
          .put("kind", e.kind().name())
          .put("message", e.getMessage())
          .put("value", current)
          .toString();
    } catch (RuntimeException e) {
      return out.put("result", "REFUSED")
          .put("kind", "MALFORMED")
          .put("message", "the transition is not a valid envelope")
          .toString();
    }
  }

  /**
   * The backups take the owner's value as it is ({@link BackupWrite}): they do not parse and decide
   * again while the caller waits for their acknowledgement; nothing to back up after a refusal.
   */
  @Override
  public com.hazelcast.map.EntryProcessor<String, String, String> getBackupProcessor() {
    if (written == null) {
      return null;
    }
    // a member of an older build cannot read BackupWrite: then the backups decide again, as before
    return BackupWrite.understoodBy(hz) ? new BackupWrite(written) : this;
  }

  @Override
  public void setHazelcastInstance(com.hazelcast.core.HazelcastInstance hazelcastInstance) {
    this.hz = hazelcastInstance;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }
}
