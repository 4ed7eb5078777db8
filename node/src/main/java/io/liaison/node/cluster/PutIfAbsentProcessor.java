package io.liaison.node.cluster;

import java.util.Map;

/**
 * {@code putIfAbsent} that can be sent without waiting ({@code submitToKey}): sets the value if the
 * key has none, else leaves the entry alone; returns the entry's value if it is another one, null
 * otherwise (the same value is not sent back). Hazelcast 5's map has no asynchronous {@code
 * putIfAbsent}; the put-back after a restart pipelines these.
 */
public final class PutIfAbsentProcessor extends GridProcessor<String> {
  public static final int CLASS_ID = 2;

  /** The answer when the entry already held the same value (which is not sent back). */
  public static final String SAME = "";

  public PutIfAbsentProcessor() {}

  public PutIfAbsentProcessor(String value) {
    super(value);
  }

  @Override
  public String process(Map.Entry<String, String> entry) {
    Object current = ((Map.Entry<?, ?>) entry).getValue();
    if (current instanceof String s) {
      return s.equals(arg) ? SAME : s;
    }
    // none, or something that is not a record at all (an outsider's Integer): ours goes in
    entry.setValue(arg);
    return null;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }
}
