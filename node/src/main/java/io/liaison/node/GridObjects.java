package io.liaison.node;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.liaison.node.action.StepOutcome;
import io.liaison.node.action.StepProcessor;
import io.liaison.node.cluster.BackupWrite;
import io.liaison.node.cluster.GridConfig;
import io.liaison.node.cluster.PutIfAbsentProcessor;
import io.liaison.node.lead.TransitionOutcome;
import io.liaison.node.lead.TransitionProcessor;

/**
 * Every object the node sends over the grid in its own serialised form ({@code
 * IdentifiedDataSerializable} under {@link GridConfig#FACTORY_ID}): the entry processors and their
 * typed answers. It is registered where the node is wired ({@link LiaisonNode}), so that the grid's
 * configuration does not name the features that use it. A class id, once used, is never reused.
 */
final class GridObjects implements DataSerializableFactory {
  @Override
  public IdentifiedDataSerializable create(int classId) {
    return switch (classId) {
      case TransitionProcessor.CLASS_ID -> new TransitionProcessor();
      case PutIfAbsentProcessor.CLASS_ID -> new PutIfAbsentProcessor();
      case BackupWrite.CLASS_ID -> new BackupWrite<>();
      case TransitionOutcome.CLASS_ID -> new TransitionOutcome();
      case StepProcessor.CLASS_ID -> new StepProcessor();
      case StepOutcome.CLASS_ID -> new StepOutcome();
      default -> null;
    };
  }
}
