import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.price.AgreedPrice;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.Dimension;
import io.liaison.api.price.ObservedItem;
import io.liaison.api.price.PackUnit;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.Retailer;
import io.liaison.api.price.RetailerVisit;
import io.liaison.api.price.SelfDisciplineGroup;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SignedRoster;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.price.BorderPairs;
import io.liaison.node.price.CheckSheet;
import io.liaison.node.price.PriceBook;
import io.liaison.node.price.PriceFigures;
import io.liaison.node.price.internal.PriceKeys;
import io.liaison.node.price.internal.PriceRecord;
import io.liaison.node.price.internal.PriceRecords;
import io.liaison.node.price.internal.SignedChain;
import io.liaison.node.trust.TrustService;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Price-check benchmark (issue 28, docs/benchmarks.md "Price checks"), in one JVM with the node's
 * own classes:
 *
 * <ul>
 *   <li>figures: N observed items (default 1,000,000) in 6 counties, taken into a PriceBook as
 *       real signed check records (plans sealed, findings signed and verified); then compliance
 *       by county/group/brand/month/quarter, repeat deviators and border gaps over a year, each
 *       answer serialised to JSON as the API does; latency per query (p50/p99/max). Baseline in
 *       the same run: one pass over N longs (the floor of any one-pass aggregation).
 *   <li>import: an XLSX sheet of R rows (default 10,000) with Chinese headers, read and checked
 *       (CheckSheet), signed as findings, verified and read back as a node does on receipt, taken
 *       into the book. Baseline: the same rows as CSV through the same path.
 * </ul>
 *
 * Usage: java -cp … PriceBench.java [observations] [rows] [queries]
 */
public final class PriceBench {
  static final List<BureauId> BUREAUS =
      List.of("150924", "150981", "140222", "140221", "130728", "130725").stream()
          .map(BureauId::of)
          .toList();
  static final List<AgreedPrice> PRICES =
      List.of(
          new AgreedPrice("中华", "硬", 4500, 45000),
          new AgreedPrice("玉溪", "软", 2300, 23000),
          new AgreedPrice("云烟", "紫", 2000, 20000),
          new AgreedPrice("黄鹤楼", "软蓝", 1900, 19000),
          new AgreedPrice("芙蓉王", "硬", 2500, 25000),
          new AgreedPrice("利群", "新版", 1400, 14000));

  final Map<BureauId, TrustService> trust = new HashMap<>();
  final Map<BureauId, List<String>> licences = new HashMap<>();
  final Map<String, SignedChain> chains = new HashMap<>();
  final PriceBook book = new PriceBook(BUREAUS.get(0));
  final Random rnd = new Random(28);

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    new PriceBench().run(n, rows, queries);
  }

  PriceBench() {
    SigningKeyPair authority = SigningKeyPair.generate();
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    List<BureauKeys> keys = new ArrayList<>();
    List<Member> members = new ArrayList<>();
    for (BureauId b : BUREAUS) {
      BureauKeys k = BureauKeys.generate(b);
      keys.add(k);
      members.add(new Member(b, "局" + b, "省", List.of(), k.memberKeys(t0)));
    }
    SignedRoster roster = new RosterAuthority(authority).sign(new Roster(1, t0, members));
    for (BureauKeys k : keys) {
      trust.put(k.bureau(), new TrustService(k, authority.publicKey(), roster));
    }
  }

  PriceRecord append(String key, ObjectNode payload) {
    BureauId owner = PriceKeys.owner(key);
    SignedChain cur = chains.get(key);
    SignedEnvelope env =
        trust.get(owner).sign(payload, cur == null ? Hashes.GENESIS : cur.last().hash(), Instant.now());
    SignedChain next = cur == null ? SignedChain.of(key, env) : cur.append(env);
    chains.put(key, next);
    TrustService reader = trust.get(BUREAUS.get(0));
    return PriceRecords.read(SignedChain.verify(key, next.json(), reader), reader);
  }

  void groups() {
    int g = 0;
    for (BureauId b : BUREAUS) {
      List<String> mine = new ArrayList<>();
      for (int k = 0; k < 20; k++, g++) {
        String id = b + "-G" + k;
        List<Retailer> rs = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
          String licence = b.code() + String.format("%06d", k * 100 + r);
          rs.add(new Retailer(licence, "零售户" + r, "城关镇"));
          mine.add(licence);
        }
        book.take(append(PriceKeys.of(PriceKeys.GROUP, id), PriceRecords.group(new SelfDisciplineGroup(id, b, "县", "镇", "小组" + k, "营销部", rs, 1L))));
        String[] starts = {"2025-01-01", "2025-07-01", "2026-01-01"};
        for (int v = 0; v < starts.length; v++) {
          int bump = (rnd.nextInt(3) + (b.code().startsWith("14") ? 2 : 0)) * 100;
          List<AgreedPrice> ps = PRICES.stream().map(p -> new AgreedPrice(p.brand(), p.spec(), p.packFen() + bump / 10, p.cartonFen() + bump)).toList();
          book.take(append(PriceKeys.of(PriceKeys.AGREEMENT, id), PriceRecords.agreement(new PriceAgreement(id, b, LocalDate.parse(starts[v]), ps, null, v + 1L))));
        }
      }
      licences.put(b, mine);
    }
    // the region's borders, as each bureau names them in its signed settings
    Map<String, List<String>> neighbours = Map.of(
        "150924", List.of("140222", "140221", "150981", "130725"),
        "150981", List.of("150924", "140221"),
        "140222", List.of("150924", "140221", "130728"),
        "140221", List.of("150924", "150981", "140222"),
        "130728", List.of("140222"),
        "130725", List.of("150924"));
    for (BureauId b : BUREAUS) {
      PriceSettings s = new PriceSettings(b, 0, 1000, 1L, neighbours.get(b.code()).stream().map(BureauId::of).toList());
      book.take(append(PriceKeys.of(PriceKeys.SETTINGS, b.code()), PriceRecords.settings(s)));
    }
  }

  RetailerVisit visit(BureauId checked, LocalDate day, int items) {
    List<String> mine = licences.get(checked);
    String licence = mine.get(rnd.nextInt(mine.size()));
    List<ObservedItem> list = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      AgreedPrice p = PRICES.get((i + rnd.nextInt(PRICES.size())) % PRICES.size());
      PackUnit unit = rnd.nextBoolean() ? PackUnit.PACK : PackUnit.CARTON;
      long base = p.fen(unit) + (rnd.nextInt(5) == 0 ? 100 : 0);
      list.add(new ObservedItem(p.brand(), p.spec(), unit, base, base + (rnd.nextInt(20) == 0 ? 50 : 0)));
    }
    Instant at = day.atTime(8 + rnd.nextInt(10), rnd.nextInt(60)).atZone(PriceBook.ZONE).toInstant();
    return new RetailerVisit(licence, at, "城关镇", list, List.of(), null);
  }

  CheckPlan plan(String id, BureauId checking, BureauId checked, LocalDate from, LocalDate to) {
    return new CheckPlan(id, checking, checked, List.of(), licences.get(checked), from, to, List.of("甲", "乙"), null, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  void run(int n, int rows, int queries) throws Exception {
    System.out.printf(Locale.ROOT, "# price bench: %,d observations, %,d sheet rows, %d queries per figure%n", n, rows, queries);
    load(n);
    figures(n, rows, queries);
  }

  /**
   * Takes about {@code n} observed items into the book as signed findings (also used by the
   * quarterly report bench, ops/bench/report).
   */
  void load(int n) {
    long t = System.nanoTime();
    groups();
    int perVisit = 4;
    int perCheck = 50;
    int checks = n / (perVisit * perCheck);
    LocalDate start = LocalDate.parse("2025-01-01");
    for (int c = 0; c < checks; c++) {
      BureauId checked = BUREAUS.get(c % BUREAUS.size());
      BureauId checking = BUREAUS.get((c + 1) % BUREAUS.size());
      LocalDate day = start.plusDays(rnd.nextInt(720));
      List<RetailerVisit> visits = new ArrayList<>();
      for (int v = 0; v < perCheck; v++) {
        visits.add(visit(checked, day, perVisit));
      }
      CheckPlan p = plan(checking + "-c" + c, checking, checked, day, day);
      String key = PriceKeys.of(PriceKeys.CHECK, p.id());
      append(key, PriceRecords.plan(p, trust.get(checking), p.plannedAt()));
      book.take(append(key, PriceRecords.findings(p, "甲", visits)));
      chains.remove(key);
    }
    double loadS = (System.nanoTime() - t) / 1e9;
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    System.out.printf(Locale.ROOT, "# loaded %,d checks (%,d items) as signed records in %.1f s; heap used after GC %d MiB%n",
        checks, checks * perCheck * perVisit, loadS,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
  }

  void figures(int n, int rows, int queries) throws Exception {
    PriceFigures figures = new PriceFigures(book);
    LocalDate from = LocalDate.parse("2026-01-01");
    LocalDate to = LocalDate.parse("2026-12-31");
    long[] floorData = new long[n];
    for (int i = 0; i < n; i++) {
      floorData[i] = rnd.nextInt(1000);
    }
    report("baseline: one pass over N longs", queries, () -> {
      long s = 0;
      for (long v : floorData) {
        if (v == 7) s++;
      }
      return s;
    });
    for (Dimension by : Dimension.values()) {
      report("compliance by " + by, queries, () -> json(figures.compliance(by, from, to, null)));
    }
    report("compliance by GROUP, one county", queries, () -> json(figures.compliance(Dimension.GROUP, from, to, BUREAUS.get(2))));
    report("repeat deviators (min 2)", queries, () -> json(figures.deviators(from, to, null, 2)));
    List<BorderPairs.Pair> pairs = book.borderPairs();
    report("border gaps (" + pairs.size() + " pairs from settings)", queries, () -> json(figures.gaps(from, to, pairs)));
    LocalDate edgeFrom = LocalDate.parse("2026-02-10");
    LocalDate edgeTo = LocalDate.parse("2026-11-20");
    report("compliance by GROUP, partial months", queries, () -> json(figures.compliance(Dimension.GROUP, edgeFrom, edgeTo, null)));
    report("repeat deviators, partial months", queries, () -> json(figures.deviators(edgeFrom, edgeTo, null, 2)));

    // import
    BureauId checked = BUREAUS.get(0);
    BureauId checking = BUREAUS.get(2);
    List<String[]> sheet = new ArrayList<>();
    LocalDate day = LocalDate.parse("2026-10-03");
    for (int r = 0; r < rows; r++) {
      RetailerVisit v = visit(checked, day, 1);
      ObservedItem i = v.items().get(0);
      sheet.add(new String[] {v.licence(), LocalDateTime.ofInstant(v.at(), PriceBook.ZONE).toString().replace('T', ' '), "城关镇", i.product().label(), i.unit() == PackUnit.PACK ? "盒" : "条", yuan(i.markedFen()), yuan(i.saleFen())});
    }
    byte[] xlsx = xlsx(sheet);
    byte[] csv = csv(sheet);
    System.out.printf(Locale.ROOT, "# sheet: %,d rows, xlsx %,d bytes, csv %,d bytes%n", rows, xlsx.length, csv.length);
    for (int round = 0; round < 5; round++) {
      for (String type : List.of(CheckSheet.CSV, CheckSheet.XLSX)) {
        byte[] body = type.equals(CheckSheet.CSV) ? csv : xlsx;
        long t0 = System.nanoTime();
        CheckSheet.Parsed parsed = CheckSheet.read(type, body);
        long t1 = System.nanoTime();
        if (!parsed.errors().isEmpty()) {
          throw new IllegalStateException("bad sheet: " + parsed.errors().get(0));
        }
        CheckPlan p = plan(checking + "-import-" + round + type.length(), checking, checked, day, day);
        String key = PriceKeys.of(PriceKeys.CHECK, p.id());
        append(key, PriceRecords.plan(p, trust.get(checking), p.plannedAt()));
        book.take(append(key, PriceRecords.findings(p, "甲", parsed.visits())));
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "import %-4s round %d: %,d rows → %,d visits; read+check %.0f ms, sign+verify+take %.0f ms, total %.2f s%n",
            type.equals(CheckSheet.CSV) ? "csv" : "xlsx", round, parsed.rows(), parsed.visits().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e9);
      }
    }
  }

  static String yuan(long fen) {
    return BigDecimal.valueOf(fen).movePointLeft(2).toPlainString();
  }

  static Object json(Object o) {
    try {
      return Json.mapper().writeValueAsBytes(o).length;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void report(String what, int queries, Supplier<Object> q) {
    for (int i = 0; i < Math.max(20, queries / 4); i++) {
      q.get();
    }
    long[] ns = new long[queries];
    for (int i = 0; i < queries; i++) {
      long t = System.nanoTime();
      q.get();
      ns[i] = System.nanoTime() - t;
    }
    Arrays.sort(ns);
    System.out.printf(Locale.ROOT, "%-36s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what, ns[queries / 2] / 1e6, ns[(int) Math.ceil(queries * 0.99) - 1] / 1e6, ns[queries - 1] / 1e6);
  }

  static byte[] xlsx(List<String[]> rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "liaison-bench", "1.0");
    Worksheet ws = wb.newWorksheet("价格互查");
    String[] h = {"许可证号", "检查时间", "地点", "品牌规格", "单位", "标价", "实际售价"};
    for (int c = 0; c < h.length; c++) {
      ws.value(0, c, h[c]);
    }
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int c = 0; c < row.length; c++) {
        if (c >= 5) {
          ws.value(r + 1, c, new BigDecimal(row[c]));
        } else {
          ws.value(r + 1, c, row[c]);
        }
      }
    }
    wb.finish();
    return out.toByteArray();
  }

  static byte[] csv(List<String[]> rows) {
    StringBuilder sb = new StringBuilder("许可证号,检查时间,地点,品牌规格,单位,标价,实际售价\n");
    for (String[] r : rows) {
      sb.append(String.join(",", r)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
