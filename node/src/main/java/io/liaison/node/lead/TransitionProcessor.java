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
 * it. This is what makes a claim exactly-once without locks or the CP subsystem. The answer is a
 * small JSON document: {@code {"result":"OK"|"STALE"|"REFUSED"|"NOT_FOUND", "value":..., ...}}.
 */
public final class TransitionProcessor extends GridProcessor
    implements com.hazelcast.core.HazelcastInstanceAware {
  public static final int CLASS_ID = 1;

  // the value process() wrote on the owner (null if it wrote none), for the backup replicas
  private transient String written;
  private transient com.hazelcast.core.HazelcastInstance hz;

  public TransitionProcessor() {}

  public TransitionProcessor(SignedEnvelope envelope) {
    super(new String(envelope.toJson(), StandardCharsets.UTF_8));
  }

  @Override
  public String process(Map.Entry<String, String> entry) {
    written = null;
    ObjectNode out = Json.mapper().createObjectNode();
    String current = entry.getValue();
    if (current == null) {
      return out.put("result", "NOT_FOUND").toString();
    }
    LeadRecord rec;
    try {
      rec = LeadRecord.parse(entry.getKey(), current);
    } catch (LeadRecord.RecordRejected e) {
      return out.put("result", "REFUSED")
          .put("kind", "CORRUPT")
          .put("message", "the grid holds an invalid record: " + e.getMessage())
          .toString();
    }
    try {
      SignedEnvelope t = SignedEnvelope.fromJson(arg.getBytes(StandardCharsets.UTF_8));
      for (SignedEnvelope e : rec.envelopes()) {
        if (e.hash().equals(t.hash())) {
          // run again (the owner left after its backup took the value, and the promoted backup
          // is asked again): the transition is in already, the answer is the same
          written = current;
          return out.put("result", "OK").put("value", current).toString();
        }
      }
      LeadRecord next = rec.append(t);
      written = next.json();
      entry.setValue(written);
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
