package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.client.RosterView;
import java.util.Map;
import java.util.TreeMap;

/** Bureau codes with their county names from the roster, for output (e.g. 150924 兴和县). */
final class BureauNames {
  static final BureauNames NONE = new BureauNames(Map.of());

  private final Map<BureauId, String> names;

  private BureauNames(Map<BureauId, String> names) {
    this.names = names;
  }

  static BureauNames of(RosterView roster) {
    Map<BureauId, String> m = new TreeMap<>();
    roster.members().forEach(mem -> m.put(mem.bureau(), mem.shortName()));
    return new BureauNames(m);
  }

  /** {@code 150924 兴和县}, or the code alone when the name is not known. */
  String label(BureauId bureau) {
    if (bureau == null) {
      return "-";
    }
    String n = names.get(bureau);
    return n == null ? bureau.code() : bureau.code() + " " + n;
  }
}
