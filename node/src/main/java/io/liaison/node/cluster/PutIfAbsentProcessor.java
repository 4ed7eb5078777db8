package io.liaison.node.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;

/**
 * {@code putIfAbsent} that can be sent without waiting ({@code submitToKey}): sets the value if the
 * key has none, else leaves the entry alone; returns the entry's value if it is another one, null
 * otherwise (the same value is not sent back). Hazelcast 5's map has no asynchronous {@code
 * putIfAbsent}; the put-back after a restart pipelines these.
 */
public final class PutIfAbsentProcessor
    implements EntryProcessor<String, String, String>, IdentifiedDataSerializable {
  public static final int CLASS_ID = 2;

  /** The answer when the entry already held the same value (which is not sent back). */
  public static final String SAME = "";

  private String value;

  public PutIfAbsentProcessor() {}

  public PutIfAbsentProcessor(String value) {
    this.value = value;
  }

  @Override
  public String process(Map.Entry<String, String> entry) {
    String current = entry.getValue();
    if (current != null) {
      return current.equals(value) ? SAME : current;
    }
    entry.setValue(value);
    return null;
  }

  @Override
  public int getFactoryId() {
    return GridConfig.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(value);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    value = in.readString();
  }
}
