package io.liaison.search.eval;

import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Fen;
import io.liaison.api.cases.Sticks;
import io.liaison.search.SearchDocument;
import io.liaison.search.demo.DemoRegion;
import io.liaison.search.demo.DemoRegion.Brand;
import io.liaison.search.demo.DemoRegion.County;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Labelled evaluation data for the link engine, deterministic by seed and unlike the demo generator
 * in its shapes: networks of 2–40 cases (long-tailed) whose people come back in new cases of other
 * bureaus; repeat offenders; leads that copy a case's narrative; and hard negatives — depots,
 * logistics parks and markets that unrelated cases pass through (their phones and addresses recur
 * hundreds of times), people whose phone is one digit from someone else's, and the ordinary
 * collisions of common names, brands, towns and couriers. Noise ({@link Noise}) adds other
 * spellings, typos, name variants, identifiers only in the text and associates named without
 * identifiers.
 *
 * <p>Truth: a record's cluster is its network, its repeat offender or its case-and-lead pair; null
 * when it stands alone. A cluster is truth even where noise has erased every trace of it: recall
 * counts what the engine could not see.
 */
public final class LabelledCases {
  /** A record and its cluster label (null: alone). */
  public record Labelled(SearchDocument document, String cluster) {}

  enum Role {
    SOURCE,
    CARRIER,
    RETAILER,
    SHIPPER,
    SELLER
  }

  record Person(
      String name,
      String idNumber,
      County county,
      List<String> phones,
      String plate,
      String licence,
      String wechat,
      String card,
      Role role) {}

  /** A place many unrelated cases pass through. */
  record Hub(String name, String courier, String phone, String mobile, String address) {}

  private static final int NETWORK_PERCENT = 25;
  private static final int REPEAT_PERCENT = 5;
  private static final int HUB_PERCENT = 30;

  private final SplittableRandom r;
  private final Noise noise;
  private final People people;
  private final Narrative narrative;
  private final List<Hub> hubs;
  private final List<Labelled> out = new ArrayList<>();
  private final List<String> knownPhones = new ArrayList<>();
  private int caseNumber;
  private int clusters;

  private LabelledCases(long seed, Noise noise) {
    this.r = new SplittableRandom(seed);
    this.noise = noise;
    this.people = new People(r);
    this.narrative = new Narrative(r, people);
    this.hubs = hubs();
  }

  /** {@code count} records for {@code seed}, in arrival order. */
  public static List<Labelled> generate(long seed, int count, Noise noise) {
    LabelledCases g = new LabelledCases(seed, noise);
    while (g.out.size() < count * NETWORK_PERCENT / 100) {
      g.network();
    }
    int repeats = g.out.size() + count * REPEAT_PERCENT / 100;
    while (g.out.size() < repeats) {
      Person p = g.person(g.county(), g.role(), 0);
      String cluster = "R" + g.clusters++;
      int n = 2 + g.r.nextInt(2);
      LocalDate start = g.start();
      for (int i = 0; i < n; i++) {
        County where = g.r.nextInt(4) == 0 ? g.county() : p.county();
        g.add(where, start.plusDays(g.r.nextInt(400)), p, List.of(), cluster);
      }
    }
    while (g.out.size() < count) {
      Person p = g.person(g.county(), g.role(), 0);
      List<Person> others =
          g.r.nextInt(100) < 30 ? List.of(g.person(g.county(), g.role(), 0)) : List.of();
      g.add(p.county(), g.start().plusDays(g.r.nextInt(180)), p, others, null);
    }
    List<Labelled> all = new ArrayList<>(g.out.subList(0, count));
    for (int i = all.size() - 1; i > 0; i--) {
      int j = g.r.nextInt(i + 1);
      all.set(i, all.set(j, all.get(i)));
    }
    return all;
  }

  /** A network: people across two or three bureaus, cases that each name someone seen before. */
  private void network() {
    String cluster = "N" + clusters++;
    List<County> counties = new ArrayList<>(DemoRegion.COUNTIES);
    for (int i = counties.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      counties.set(i, counties.set(j, counties.get(i)));
    }
    int nCounties = r.nextInt(100) < 15 ? 1 : 2 + r.nextInt(2);
    int size = Math.min(40, 2 + (int) (-Math.log(1 - r.nextDouble()) * 4));
    int nPeople = Math.min(2 + r.nextInt(6), size + 1);
    List<Person> members = new ArrayList<>();
    for (int i = 0; i < nPeople; i++) {
      Role role = i == 0 ? Role.SOURCE : role();
      members.add(person(counties.get(i % nCounties), role, 1));
    }
    List<Person> seen = new ArrayList<>();
    LocalDate start = start();
    for (int k = 0; k < size; k++) {
      Person focal;
      List<Person> others = new ArrayList<>();
      if (k == 0 || r.nextInt(100) < 65) {
        focal = k == 0 ? members.get(r.nextInt(nPeople)) : seen.get(r.nextInt(seen.size()));
      } else {
        focal = members.get(r.nextInt(nPeople));
      }
      if (k > 0 && !seen.contains(focal)) {
        others.add(seen.get(r.nextInt(seen.size())));
      }
      if (r.nextInt(100) < 50) {
        Person extra = members.get(r.nextInt(nPeople));
        if (extra != focal && !others.contains(extra)) {
          others.add(extra);
        }
      }
      County where = r.nextInt(100) < 80 ? focal.county() : counties.get(r.nextInt(nCounties));
      add(where, start.plusDays(r.nextInt(365)), focal, others, cluster);
      if (!seen.contains(focal)) {
        seen.add(focal);
      }
      others.stream().filter(o -> !seen.contains(o)).forEach(seen::add);
    }
  }

  private void add(County c, LocalDate day, Person focal, List<Person> others, String cluster) {
    Story s = new Story(r, noise);
    CaseCategory category = category(focal.role());
    List<Brand> brands = brands();
    long sticks = 0;
    long valueFen = 0;
    StringBuilder items = new StringBuilder();
    for (Brand b : brands) {
      long cartons = 5 + r.nextInt(category == CaseCategory.UNLICENSED_TRANSPORT ? 400 : 80);
      sticks += Sticks.ofCartons(cartons);
      valueFen += cartons * b.yuanPerCarton() * 100L;
      items.append(items.length() == 0 ? "" : "、").append(b.name()).append("（").append(b.spec());
      items.append("）").append(cartons).append("条");
    }
    String value = Fen.toYuan(valueFen).stripTrailingZeros().toPlainString();
    Hub hub = r.nextInt(100) < HUB_PERCENT ? hubs.get(r.nextInt(hubs.size())) : null;
    String address = narrative.open(s, focal, c, day, items.toString(), value, hub);
    for (Person o : others) {
      narrative.associate(s, focal, o, r.nextDouble() >= noise.missing());
    }
    boolean police = valueFen >= 5_000_000 && r.nextInt(10) < 7;
    narrative.close(s, police);
    int number = ++caseNumber;
    String title = c.shortName() + "烟立字〔" + day.getYear() + "〕第" + number + "号";
    SearchDocument doc =
        new SearchDocument(
            "case:" + c.bureau().code() + ":" + title,
            SearchDocument.Kind.CASE,
            c.bureau(),
            category,
            day,
            valueFen,
            sticks,
            police ? Disposition.TRANSFERRED_TO_POLICE : Disposition.ADMINISTRATIVE_PENALTY,
            brands.stream().map(Brand::name).toList(),
            title,
            s.text(),
            address,
            s.entities(),
            true,
            1);
    String label = cluster;
    if (r.nextDouble() < noise.duplicate()) {
      label = cluster != null ? cluster : "D" + clusters++;
      out.add(new Labelled(doc, label));
      out.add(new Labelled(lead(doc, number), label));
    } else {
      out.add(new Labelled(doc, label));
    }
  }

  /** A lead of a neighbouring bureau that copied the case's narrative, digits masked at times. */
  private SearchDocument lead(SearchDocument c, int number) {
    County from = county();
    String text = c.narrative();
    if (r.nextBoolean()) {
      text = text.replaceAll("[0-9０-９]{4}(?=[0-9０-９]{3})", "****");
    }
    return new SearchDocument(
        "lead:" + from.bureau().code() + ":" + Integer.toHexString(number * 7919 + 17),
        SearchDocument.Kind.LEAD,
        from.bureau(),
        c.category(),
        c.date().minusDays(1 + r.nextInt(20)),
        0,
        0,
        null,
        c.brands(),
        "协查线索：" + c.title(),
        "【协查通报】" + from.name() + "局转来线索：" + text,
        null,
        List.of(),
        true,
        1);
  }

  private Person person(County c, Role role, int networkMember) {
    List<String> phones = new ArrayList<>();
    if (networkMember == 0 && r.nextInt(100) < 4 && !knownPhones.isEmpty()) {
      phones.add(people.nearMiss(knownPhones.get(r.nextInt(knownPhones.size()))));
    } else {
      phones.add(r.nextInt(100) < 8 ? people.landline(c.areaCode()) : people.mobile());
    }
    if (r.nextInt(100) < 25) {
      phones.add(people.mobile());
    }
    phones.stream().filter(p -> p.charAt(0) == '1').forEach(knownPhones::add);
    String code = c.bureau().code();
    boolean rich = role == Role.SOURCE || role == Role.SHIPPER;
    return new Person(
        people.name(),
        people.idNumber(code),
        c,
        phones,
        role == Role.CARRIER || r.nextInt(100) < 15 ? people.plate(c.platePrefix()) : null,
        role == Role.RETAILER ? people.licence(code) : null,
        rich || r.nextInt(100) < 20 ? people.wechat() : null,
        rich || r.nextInt(100) < 10 ? people.bankCard() : null,
        role);
  }

  private List<Hub> hubs() {
    List<Hub> list = new ArrayList<>();
    String[] couriers = {"顺丰", "中通", "韵达", "圆通", "极兔", "申通"};
    for (County c : DemoRegion.COUNTIES) {
      String courier = couriers[r.nextInt(couriers.length)];
      list.add(
          new Hub(
              courier + "快递" + c.shortName() + "城营业部",
              courier,
              people.landline(c.areaCode()),
              people.mobile(),
              c.name() + c.towns().get(0) + courier + "快递营业部"));
      list.add(
          new Hub(
              c.name() + "物流园区配货站", null, people.landline(c.areaCode()), null, c.name() + "物流园区"));
      list.add(
          new Hub(c.name() + "农贸市场", null, null, null, c.name() + c.towns().get(0) + "农贸市场东门"));
    }
    list.add(
        new Hub(
            "全国统一客服热线", null, "4008" + String.format("%06d", r.nextInt(1_000_000)), null, null));
    return list;
  }

  private County county() {
    return DemoRegion.COUNTIES.get(r.nextInt(DemoRegion.COUNTIES.size()));
  }

  private Role role() {
    int k = r.nextInt(100);
    return k < 30
        ? Role.CARRIER
        : k < 55 ? Role.RETAILER : k < 75 ? Role.SHIPPER : k < 85 ? Role.SOURCE : Role.SELLER;
  }

  private LocalDate start() {
    return LocalDate.of(2023, 1, 1).plusDays(r.nextInt(3 * 365));
  }

  private static CaseCategory category(Role role) {
    return switch (role) {
      case CARRIER -> CaseCategory.UNLICENSED_TRANSPORT;
      case RETAILER -> CaseCategory.OFF_CHANNEL_PURCHASE;
      case SHIPPER -> CaseCategory.ONLINE_PARCEL;
      case SOURCE -> CaseCategory.COUNTERFEIT;
      case SELLER -> CaseCategory.UNLICENSED_TRADE;
    };
  }

  private List<Brand> brands() {
    List<Brand> list = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int n = 1 + r.nextInt(3);
    while (list.size() < n) {
      Brand b = DemoRegion.BRANDS.get(people.zipf(DemoRegion.BRANDS.size(), 2));
      if (names.add(b.name() + b.spec())) {
        list.add(b);
      }
    }
    return list;
  }
}
