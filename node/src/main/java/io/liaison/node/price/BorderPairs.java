package io.liaison.node.price;

import io.liaison.api.BureauId;
import java.util.List;

/**
 * Neighbouring counties of the region, the pairs across whose border price gaps are compared (a
 * caller may name other pairs). The demo region: 兴和县 borders 天镇县, 阳高县, 丰镇市 and 尚义县; 丰镇市 borders
 * 阳高县; 天镇县 borders 阳高县 and 怀安县.
 */
public final class BorderPairs {
  private BorderPairs() {}

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

  public static final List<Pair> REGION =
      List.of(
          pair("150924", "140222"),
          pair("150924", "140221"),
          pair("150924", "150981"),
          pair("150924", "130725"),
          pair("150981", "140221"),
          pair("140222", "140221"),
          pair("140222", "130728"));

  private static Pair pair(String a, String b) {
    return new Pair(BureauId.of(a), BureauId.of(b));
  }
}
