package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.crypto.RosterView;
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
    roster.members().forEach(mem -> m.put(mem.bureau(), shortName(mem.name())));
    return new BureauNames(m);
  }

  private static final String SUFFIX = "烟草专卖局";

  /** The county's name without the bureau suffix, e.g. 兴和县 for 兴和县烟草专卖局. */
  static String shortName(String name) {
    return name.endsWith(SUFFIX) && name.length() > SUFFIX.length()
        ? name.substring(0, name.length() - SUFFIX.length())
        : name;
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
