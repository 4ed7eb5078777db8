package io.liaison.search.demo;

import io.liaison.search.demo.DemoRegion.County;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A planted cross-border network of sellers, carriers and sources whose identifiers recur in cases
 * of different bureaus. Rebuilt from its seed whenever a case needs it, so generation streams.
 */
record Network(int id, List<Network.Member> members) {

  /** One person of a network and the identifiers that give them away. */
  record Member(
      String name,
      String idNumber,
      County county,
      String phone,
      String plate,
      String licence,
      String wechat,
      String card) {}

  static Network generate(int id, SplittableRandom r) {
    List<County> counties = new ArrayList<>(DemoRegion.COUNTIES);
    int nCounties = 2 + r.nextInt(2);
    for (int i = counties.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      counties.set(i, counties.set(j, counties.get(i)));
    }
    int n = 2 + r.nextInt(4);
    List<Member> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      County c = counties.get(i % nCounties);
      String code = c.bureau().code();
      members.add(
          new Member(
              People.name(r),
              Ids.idNumber(r, code),
              c,
              Ids.mobile(r),
              i % 2 == 1 || r.nextInt(3) == 0 ? Ids.plate(r, c.platePrefix()) : null,
              i % 2 == 0 ? Ids.licence(r, code) : null,
              r.nextInt(3) == 0 ? Ids.wechat(r) : null,
              r.nextInt(3) == 0 ? Ids.bankCard(r) : null));
    }
    return new Network(id, List.copyOf(members));
  }
}
