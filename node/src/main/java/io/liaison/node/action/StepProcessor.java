package io.liaison.node.action;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.action.StepOutcome.Result;
import io.liaison.node.cluster.BackupWrite;
import io.liaison.node.cluster.GridProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Appends one signed step to a plan atomically on the partition owner: the step must name the
 * plan's last step ({@code prevHash}) and the replay must allow it (state table, who may act, plan
 * version). Concurrent approvals of two bureaus are serialised here: one gets {@code STALE}, reads
 * again and re-signs on the new head. Backups take the owner's value ({@link BackupWrite}). The
 * answer is a {@link StepOutcome}, serialised like the processor.
 */
public final class StepProcessor extends GridProcessor<StepOutcome>
    implements HazelcastInstanceAware {
  public static final int CLASS_ID = 10;

  private transient String written;
  private transient HazelcastInstance hz;

  public StepProcessor() {}

  public StepProcessor(SignedEnvelope step) {
    super(new String(step.toJson(), StandardCharsets.UTF_8));
  }

  @Override
  public StepOutcome process(Map.Entry<String, String> entry) {
    written = null;
    String current = entry.getValue();
    if (current == null) {
      return new StepOutcome().answer(Result.NOT_FOUND, null);
    }
    try {
      PlanRecord rec = PlanRecord.parse(entry.getKey(), current);
      SignedEnvelope step = SignedEnvelope.fromJson(arg.getBytes(StandardCharsets.UTF_8));
      for (SignedEnvelope e : rec.envelopes()) {
        if (e.hash().equals(step.hash())) {
          written = current;
          return new StepOutcome().answer(Result.OK, current);
        }
      }
      PlanRecord next = rec.append(step);
      written = next.json();
      entry.setValue(written);
      return new StepOutcome().answer(Result.OK, written);
    } catch (PlanRecord.Stale e) {
      return new StepOutcome().answer(Result.STALE, current);
    } catch (PlanRefused e) {
      return new StepOutcome().refused(e.kind().name(), e.getMessage(), current);
    } catch (RuntimeException e) {
      return new StepOutcome().refused("MALFORMED", "the step is not a valid envelope", null);
    }
  }

  @Override
  public EntryProcessor<String, String, StepOutcome> getBackupProcessor() {
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
