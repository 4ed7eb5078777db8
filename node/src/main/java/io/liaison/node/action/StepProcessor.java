package io.liaison.node.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import io.liaison.api.Json;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.BackupWrite;
import io.liaison.node.cluster.GridProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Appends one signed step to a plan atomically on the partition owner: the step must name the
 * plan's last step ({@code prevHash}) and the replay must allow it (state table, who may act, plan
 * version). Concurrent approvals of two bureaus are serialised here: one gets {@code STALE}, reads
 * again and re-signs on the new head. Backups take the owner's value ({@link BackupWrite}).
 */
public final class StepProcessor extends GridProcessor<String> implements HazelcastInstanceAware {
  public static final int CLASS_ID = 10;

  private transient String written;
  private transient HazelcastInstance hz;

  public StepProcessor() {}

  public StepProcessor(SignedEnvelope step) {
    super(new String(step.toJson(), StandardCharsets.UTF_8));
  }

  /** The owner's answer, parsed by the caller. */
  public record Answer(String result, String kind, String message, String value) {
    public static Answer read(String json) {
      try {
        return Json.mapper().readValue(json, Answer.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("unreadable processor answer", e);
      }
    }
  }

  @Override
  public String process(Map.Entry<String, String> entry) {
    written = null;
    ObjectNode out = Json.mapper().createObjectNode();
    String current = entry.getValue();
    if (current == null) {
      return out.put("result", "NOT_FOUND").toString();
    }
    try {
      PlanRecord rec = PlanRecord.parse(entry.getKey(), current);
      SignedEnvelope step = SignedEnvelope.fromJson(arg.getBytes(StandardCharsets.UTF_8));
      for (SignedEnvelope e : rec.envelopes()) {
        if (e.hash().equals(step.hash())) {
          written = current;
          return out.put("result", "OK").put("value", current).toString();
        }
      }
      PlanRecord next = rec.append(step);
      written = next.json();
      entry.setValue(written);
      return out.put("result", "OK").put("value", written).toString();
    } catch (PlanRecord.Stale e) {
      return out.put("result", "STALE").put("value", current).toString();
    } catch (PlanRefused e) {
      return out.put("result", "REFUSED")
          .put("kind", e.kind().name())
          .put("message", e.getMessage())
          .put("value", current)
          .toString();
    } catch (RuntimeException e) {
      return out.put("result", "REFUSED")
          .put("kind", "MALFORMED")
          .put("message", "the step is not a valid envelope")
          .toString();
    }
  }

  @Override
  public EntryProcessor<String, String, String> getBackupProcessor() {
    if (written == null) {
      return null;
    }
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
