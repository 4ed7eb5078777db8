package io.liaison.search.demo;

import static io.liaison.search.demo.People.pick;

import io.liaison.api.Json;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.EntityType;
import io.liaison.api.cases.Location;
import io.liaison.api.cases.Sticks;
import io.liaison.search.demo.DemoRegion.Brand;
import io.liaison.search.demo.DemoRegion.County;
import io.liaison.search.demo.Network.Member;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Plausible demo cases for the six bureaus of the demo region, in Chinese, deterministic by seed
 * and streaming at any scale: case {@code i} depends only on {@code (seed, i)}, so a million cases
 * need no more memory than ten, and the same seed always gives the same cases.
 *
 * <p>About 12% of cases belong to planted cross-border networks of sellers, carriers and sources
 * (eight networks per window of 400 consecutive cases, so a prefix of a run is a run) whose phones,
 * plates, ID numbers, licences, WeChat IDs and bank cards recur across bureaus, spelled differently
 * each time ({@code 蒙J·3K582}, {@code 蒙j3k582}); {@link Labelled#network()} tells which. Cases
 * found from 2023-01-01 to 2026-06-30.
 */
public final class DemoCases {
  public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 30);
  public static final int NETWORK_PERCENT = 12;
  static final int WINDOW = 400;
  static final int NETWORKS_PER_WINDOW = 8;
  private static final long NETWORK_SALT = 0x6E6574776F726BL;

  /** A generated case and the planted network it belongs to ({@code -1}: none). */
  public record Labelled(CaseRecord record, int network) {}

  private final long seed;
  private final long count;

  public DemoCases(long seed, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    this.seed = seed;
    this.count = count;
  }

  /** {@code count} cases for {@code seed}, in order, lazily. */
  public static Stream<CaseRecord> cases(long seed, long count) {
    return new DemoCases(seed, count).labelled().map(Labelled::record);
  }

  /** The cases with their network labels, in order, lazily. */
  public Stream<Labelled> labelled() {
    return LongStream.range(0, count).mapToObj(this::generate);
  }

  /** Writes the cases as JSON Lines (one {@link CaseRecord} per line, UTF-8). */
  public void writeJsonLines(OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    try {
      labelled()
          .forEach(
              l -> {
                try {
                  w.write(Json.mapper().writeValueAsString(l.record()));
                  w.write('\n');
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    w.flush();
  }

  /** {@code DemoCases <count> <seed> <file.jsonl>}: writes demo cases as JSON Lines. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: DemoCases <count> <seed> <file.jsonl>");
    }
    try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
      new DemoCases(Long.parseLong(args[1]), Long.parseLong(args[0])).writeJsonLines(out);
    }
  }

  /** Case number {@code i} (0-based). */
  public Labelled generate(long i) {
    SplittableRandom r = new SplittableRandom(mix(seed, i));
    int networkId =
        r.nextInt(100) < NETWORK_PERCENT
            ? (int) (i / WINDOW * NETWORKS_PER_WINDOW + r.nextInt(NETWORKS_PER_WINDOW))
            : -1;
    Member party;
    Member partner;
    if (networkId >= 0) {
      Network net =
          Network.generate(networkId, new SplittableRandom(mix(seed ^ NETWORK_SALT, networkId)));
      int p = r.nextInt(net.members().size());
      party = net.members().get(p);
      partner =
          net.members().get((p + 1 + r.nextInt(net.members().size() - 1)) % net.members().size());
    } else {
      party = stranger(r, pick(r, DemoRegion.COUNTIES));
      partner = r.nextBoolean() ? stranger(r, pick(r, DemoRegion.COUNTIES)) : null;
    }
    County county = party.county();
    CaseCategory category = category(r, party);
    LocalDate found =
        FIRST_DAY.plusDays(r.nextInt((int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1));
    LocalDate filed = found.plusDays(r.nextInt(6));
    List<BrandItem> items = items(r, category);
    long valueFen = 0;
    for (BrandItem item : items) {
      Brand b =
          DemoRegion.BRANDS.stream()
              .filter(x -> x.name().equals(item.brand()) && x.spec().equals(item.spec()))
              .findFirst()
              .orElseThrow();
      valueFen += Sticks.toCartons(item.sticks()) * b.yuanPerCarton() * 100L;
    }
    String town = pick(r, county.towns());
    Story story = new Story(r);
    String address =
        Narratives.tell(r, story, category, county, town, found, party, partner, items, valueFen);
    Disposition disposition;
    LocalDate closed = null;
    long fine = 0;
    if (found.isAfter(LAST_DAY.minusDays(60)) && r.nextInt(10) < 7) {
      disposition = Disposition.PENDING;
    } else if (valueFen >= 5_000_000 && r.nextInt(10) < 7
        || category == CaseCategory.SMUGGLING && valueFen >= 2_000_000) {
      disposition = Disposition.TRANSFERRED_TO_POLICE;
      closed = filed.plusDays(5 + r.nextInt(40));
    } else {
      disposition = Disposition.ADMINISTRATIVE_PENALTY;
      closed = filed.plusDays(10 + r.nextInt(80));
      fine = valueFen * (5 + r.nextInt(16)) / 100 / 100 * 100;
    }
    Narratives.close(r, story, disposition, county, fine);
    if (r.nextInt(2) == 0) {
      story.list(EntityType.ADDRESS, address);
    }
    for (BrandItem item : items) {
      if (r.nextInt(10) < 8
          && story.entities().stream().noneMatch(e -> e.value().equals(item.brand()))) {
        story.list(EntityType.BRAND, item.brand());
      }
    }
    List<String> leads =
        r.nextInt(100) < 15 ? List.of(String.format("lead-%08x", mix(seed, ~i) >>> 32)) : List.of();
    long version = disposition != Disposition.PENDING && r.nextInt(10) == 0 ? 2 : 1;
    CaseRecord record =
        new CaseRecord(
            CaseNumber.of(county.shortName() + "烟立字〔" + filed.getYear() + "〕第" + (i + 1) + "号"),
            county.bureau(),
            category,
            found,
            filed,
            closed,
            new Location(
                county.bureau().code(),
                town,
                address,
                round(county.lat() + (r.nextDouble() - 0.5) * 0.3),
                round(county.lon() + (r.nextDouble() - 0.5) * 0.3)),
            story.entities(),
            items,
            valueFen,
            disposition,
            fine,
            leads,
            story.text(),
            version);
    return new Labelled(record, networkId);
  }

  private static Member stranger(SplittableRandom r, County c) {
    String code = c.bureau().code();
    return new Member(
        People.name(r),
        Ids.idNumber(r, code),
        c,
        r.nextInt(10) == 0 ? Ids.landline(r, c.areaCode()) : Ids.mobile(r),
        Ids.plate(
            r, r.nextInt(5) == 0 ? pick(r, DemoRegion.COUNTIES).platePrefix() : c.platePrefix()),
        Ids.licence(r, code),
        r.nextInt(3) == 0 ? Ids.wechat(r) : null,
        r.nextInt(3) == 0 ? Ids.bankCard(r) : null);
  }

  private static CaseCategory category(SplittableRandom r, Member party) {
    int k = r.nextInt(100);
    if (k < 30 && party.plate() != null) {
      return CaseCategory.UNLICENSED_TRANSPORT;
    } else if (k < 50 && party.licence() != null) {
      return CaseCategory.OFF_CHANNEL_PURCHASE;
    } else if (k < 59) {
      return CaseCategory.UNLICENSED_TRADE;
    } else if (k < 65) {
      return CaseCategory.UNLICENSED_WHOLESALE;
    } else if (k < 75) {
      return CaseCategory.COUNTERFEIT;
    } else if (k < 80) {
      return CaseCategory.SMUGGLING;
    } else if (k < 95) {
      return CaseCategory.ONLINE_PARCEL;
    }
    return party.plate() != null ? CaseCategory.UNLICENSED_TRANSPORT : CaseCategory.OTHER;
  }

  private static List<BrandItem> items(SplittableRandom r, CaseCategory category) {
    boolean foreign = category == CaseCategory.SMUGGLING;
    int n = 1 + r.nextInt(foreign ? 2 : 3);
    int maxCartons =
        switch (category) {
          case UNLICENSED_TRANSPORT -> 300;
          case COUNTERFEIT -> 400;
          case SMUGGLING -> 800;
          case ONLINE_PARCEL -> 80;
          default -> 50;
        };
    List<BrandItem> items = new ArrayList<>(n);
    while (items.size() < n) {
      Brand b = pick(r, DemoRegion.BRANDS);
      if (b.foreign() != foreign
          || items.stream().anyMatch(x -> x.label().equals(b.name() + "(" + b.spec() + ")"))) {
        continue;
      }
      long cartons = 2 + r.nextInt(maxCartons);
      if (cartons > 100) {
        cartons = cartons / 50 * 50;
      }
      items.add(BrandItem.of(b.name(), b.spec(), Sticks.ofCartons(cartons)));
    }
    return items;
  }

  private static Double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }

  static long mix(long seed, long i) {
    long z = seed * 0x9E3779B97F4A7C15L + i;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
