package io.liaison.node.price;

import io.liaison.api.BureauId;
import io.liaison.api.price.PriceSettings;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The border pairs across which price gaps are compared, derived from what the bureaus sign: each
 * bureau's {@link PriceSettings#neighbours()} (a signed, versioned price record) names the counties
 * it borders, and a pair counts as soon as either side names the other (the gap invites flow both
 * ways, and one bureau should not be able to keep its prices out of a neighbour's comparison by
 * staying silent). No list is built into the code; a caller may still name other pairs.
 */
public final class BorderPairs {
  private BorderPairs() {}

  /** The pairs the given settings name, each once, in order. */
  public static List<Pair> of(Collection<PriceSettings> settings) {
    Set<Pair> out = new TreeSet<>(Comparator.comparing(Pair::a).thenComparing(Pair::b));
    for (PriceSettings s : settings) {
      for (BureauId n : s.neighbours()) {
        out.add(new Pair(s.bureau(), n));
      }
    }
    return List.copyOf(out);
  }

  /** Two bureaus, lower code first. */
  public record Pair(BureauId a, BureauId b) {
    public Pair {
      if (a.compareTo(b) > 0) {
        BureauId t = a;
        a = b;
        b = t;
      }
      if (a.equals(b)) {
        throw new IllegalArgumentException("a border pair is two bureaus");
      }
    }

    /** {@code 140222-150924}. */
    public static Pair parse(String text) {
      String[] p = text.strip().split("-");
      if (p.length != 2) {
        throw new IllegalArgumentException("a pair is written <bureau>-<bureau>: " + text);
      }
      return new Pair(BureauId.of(p[0]), BureauId.of(p[1]));
    }

    public boolean involves(BureauId x) {
      return a.equals(x) || b.equals(x);
    }
  }
}
