package io.liaison.search.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Plausible names, places and things for demo narratives. */
final class People {
  private People() {}

  static String name(SplittableRandom r) {
    String given = pick(r, DemoRegion.GIVEN);
    if (given.length() == 1 && r.nextInt(3) > 0) {
      given = given + pick(r, DemoRegion.GIVEN).charAt(0);
    }
    return pick(r, DemoRegion.SURNAMES) + given;
  }

  static <T> T pick(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
