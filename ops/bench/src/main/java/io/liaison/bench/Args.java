package io.liaison.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code key=value} arguments with defaults. */
public final class Args {
  private final Map<String, String> values = new HashMap<>();

  public Args(String[] args) {
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got " + a);
      }
      values.put(a.substring(0, eq), a.substring(eq + 1));
    }
  }

  public int integer(String key, int dflt) {
    return values.containsKey(key) ? Integer.parseInt(values.get(key)) : dflt;
  }

  public String text(String key, String dflt) {
    return values.getOrDefault(key, dflt);
  }
}
