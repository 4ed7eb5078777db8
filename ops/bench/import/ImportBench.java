import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.bench.BenchCluster;
import io.liaison.bench.LeadBodies;
import io.liaison.bench.NodeHandle;
import io.liaison.node.access.AuthService;
import io.liaison.node.access.Officer;
import io.liaison.api.access.Role;
import io.liaison.node.store.Store;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Register import (issue 32) against a same-run baseline, over the real HTTP API of node JVMs on
 * loopback.
 *
 * <p>Baseline: {@code baseline} cases shared on node A one {@code POST /api/v1/cases} each ({@code
 * inflight} at a time). Import: a generated XLSX register of {@code rows} cases in Chinese column
 * names (案件编号, 立案日期, 案由, 当事人, 车牌, 联系电话, 案值(万元), 品牌, 数量(条), 查获地点), the mapping saved, the
 * file uploaded to A. For each: the wall time from the first request until every case is searchable
 * on every other node (search total over the run's own date window) and the last case is linked
 * there (it shares a van and a phone with a case node C shared beforehand: the link engine follows
 * the index in change order), and the CPU every node JVM used meanwhile per shared record.
 *
 * <p>Args (key=value): rows=100000 baseline=3000 inflight=16 nodes=3 xmx=768m dir=/tmp/…
 */
public final class ImportBench {
  static final String PASSWORD = "bench-password-一二三";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(4))
          .build();
  static final String MAPPING =
      """
      {"columns":[
        {"column":"案件编号","field":"案件编号"},{"column":"立案日期","field":"立案日期"},
        {"column":"案由","field":"案件类别"},{"column":"当事人","field":"当事人"},
        {"column":"车牌","field":"车牌"},{"column":"联系电话","field":"电话"},
        {"column":"案值(万元)","field":"案值(万元)"},{"column":"品牌","field":"品牌"},
        {"column":"数量(条)","field":"数量(条)"},{"column":"查获地点","field":"地点"}],
       "defaults":{"disposition":"PENDING"}}
      """;

  public static void main(String[] argv) throws Exception {
    java.util.Map<String, String> a = new java.util.HashMap<>();
    for (String s : argv) {
      String[] kv = s.split("=", 2);
      a.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int rows = Integer.parseInt(a.getOrDefault("rows", "100000"));
    int baseline = Integer.parseInt(a.getOrDefault("baseline", "3000"));
    int inflight = Integer.parseInt(a.getOrDefault("inflight", "16"));
    int nodes = Integer.parseInt(a.getOrDefault("nodes", "3"));
    String xmx = a.getOrDefault("xmx", "768m");
    Path dir = Path.of(a.getOrDefault("dir", Files.createTempDirectory("liaison-import").toString()));
    System.out.printf(
        "# import: rows=%d baseline=%d inflight=%d nodes=%d xmx=%s dir=%s%n",
        rows, baseline, inflight, nodes, xmx, dir);

    Files.createDirectories(dir);
    Path register = dir.resolve("register.xlsx");
    long g0 = System.nanoTime();
    writeRegister(register, rows);
    System.out.printf(
        Locale.ROOT,
        "# register: %d rows, %.1f MB, written in %.1f s%n",
        rows,
        Files.size(register) / 1e6,
        (System.nanoTime() - g0) / 1e9);

    BenchCluster cluster = new BenchCluster(dir, nodes);
    List<NodeHandle> handles = new ArrayList<>();
    try {
      for (int i = 0; i < nodes; i++) {
        prepare(cluster, i);
        NodeHandle n =
            NodeHandle.launch(
                cluster.bureau(i).code(),
                cluster.config(i),
                cluster.nodeDir(i).resolve("node.log"),
                xmx,
                null);
        handles.add(n);
        NodeHandle.Ready r = n.awaitReady(Duration.ofMinutes(5));
        System.out.printf("# node %s ready on port %d in %d ms%n", n.name(), r.httpPort(), r.wallMillis());
      }
      List<String> urls = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        urls.add("http://127.0.0.1:" + handles.get(i).httpPort());
        tokens.add(login(urls.get(i), officer(cluster, i)));
      }
      String bureau = cluster.bureau(0).code();
      // the cases the last row of each run links to, shared by the last node beforehand
      String c = cluster.bureau(nodes - 1).code();
      for (String run : List.of("baseline", "import")) {
        String body = partnerCase(c, run);
        HttpResponse<String> r = send(urls.get(nodes - 1), tokens.get(nodes - 1), "POST", "/api/v1/cases", "application/json", HttpRequest.BodyPublishers.ofString(body));
        if (r.statusCode() != 201) {
          throw new IllegalStateException("partner case: " + r.body());
        }
      }
      Thread.sleep(2000); // let the partner cases settle everywhere

      // --- baseline: one POST per case ---
      List<java.util.Map<String, Long>> groups0 = groups(handles);
      long[] cpu0 = cpu(handles);
      long t0 = System.nanoTime();
      Semaphore window = new Semaphore(inflight);
      AtomicInteger failed = new AtomicInteger();
      for (int i = 0; i < baseline; i++) {
        window.acquire();
        HttpRequest req =
            HttpRequest.newBuilder(URI.create(urls.get(0) + "/api/v1/cases"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(0))
                .POST(HttpRequest.BodyPublishers.ofString(baselineCase(bureau, i, baseline)))
                .build();
        HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString())
            .whenComplete(
                (r, e) -> {
                  window.release();
                  if (e != null || r.statusCode() != 201) {
                    if (failed.getAndIncrement() < 3) {
                      System.out.println("# post failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
                    }
                  }
                });
      }
      window.acquire(inflight);
      double baseAcked = (System.nanoTime() - t0) / 1e9;
      double[] baseSeen = awaitAll(urls, tokens, bureau, "1990-01-01", "1999-12-31", baseline, "case:" + bureau + ":" + baselineNumber(baseline - 1), t0);
      long[] cpu1 = cpu(handles);
      byGroup(handles, groups0, groups(handles), baseline);
      report("baseline (one POST per case)", baseline, baseAcked, baseSeen, cpu0, cpu1, handles, failed.get());

      // --- import ---
      HttpResponse<String> m = send(urls.get(0), tokens.get(0), "PUT", "/api/v1/cases/imports/mapping", "application/json", HttpRequest.BodyPublishers.ofString(MAPPING));
      if (m.statusCode() != 200) {
        throw new IllegalStateException("mapping: " + m.body());
      }
      List<java.util.Map<String, Long>> groups2 = groups(handles);
      long[] cpu2 = cpu(handles);
      long t1 = System.nanoTime();
      HttpResponse<String> up = send(urls.get(0), tokens.get(0), "POST", "/api/v1/cases/imports?fileName=register.xlsx", XLSX, HttpRequest.BodyPublishers.ofFile(register));
      if (up.statusCode() != 202) {
        throw new IllegalStateException("upload: " + up.body());
      }
      String job = Json.mapper().readTree(up.body()).get("id").asText();
      double uploaded = (System.nanoTime() - t1) / 1e9;
      double validated = 0;
      JsonNode j;
      while (true) {
        j = Json.mapper().readTree(send(urls.get(0), tokens.get(0), "GET", "/api/v1/cases/imports/" + job, null, HttpRequest.BodyPublishers.noBody()).body());
        String state = j.get("state").asText();
        if (validated == 0 && !state.equals("VALIDATING")) {
          validated = (System.nanoTime() - t1) / 1e9;
        }
        if (state.equals("DONE") || state.equals("REFUSED") || state.equals("FAILED")) {
          break;
        }
        LockSupport.parkNanos(200_000_000);
      }
      double done = (System.nanoTime() - t1) / 1e9;
      if (!j.get("state").asText().equals("DONE")) {
        throw new IllegalStateException("import ended " + j);
      }
      double[] seen = awaitAll(urls, tokens, bureau, "2010-01-01", "2029-12-31", rows, "case:" + bureau + ":" + importNumber(rows), t1);
      long[] cpu3 = cpu(handles);
      List<java.util.Map<String, Long>> groups3 = groups(handles);
      System.out.printf(
          Locale.ROOT,
          "import job: uploaded in %.1f s, validated at %.1f s, %d stored at %.1f s (%d skipped)%n",
          uploaded, validated, j.get("rowsStored").asLong(), done, j.get("rowsSkipped").asLong());
      report("import (XLSX register)", rows, done, seen, cpu2, cpu3, handles, 0);
      byGroup(handles, groups2, groups3, rows);
      System.out.println("# load average after the run: " + Files.readString(Path.of("/proc/loadavg")).trim());
    } finally {
      for (NodeHandle n : handles) {
        n.close();
      }
    }
    System.exit(0);
  }

  static void report(String what, int n, double acked, double[] seen, long[] c0, long[] c1, List<NodeHandle> handles, int failed) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %d cases, all stored on A at %.1f s", what, n, acked));
    for (int i = 1; i < seen.length; i++) {
      b.append(String.format(Locale.ROOT, ", searchable and linked on %s at %.1f s", handles.get(i).name(), seen[i]));
    }
    b.append(String.format(Locale.ROOT, " (%.0f cases/s end to end)", n / max(seen)));
    if (failed > 0) {
      b.append(", ").append(failed).append(" failed");
    }
    System.out.println(b);
    StringBuilder cpu = new StringBuilder("  CPU per shared record:");
    for (int i = 0; i < handles.size(); i++) {
      cpu.append(String.format(Locale.ROOT, " %s %.3f ms;", handles.get(i).name(), (c1[i] - c0[i]) / (double) n));
    }
    System.out.println(cpu);
  }

  static List<java.util.Map<String, Long>> groups(List<NodeHandle> handles) {
    List<java.util.Map<String, Long>> g = new ArrayList<>();
    for (NodeHandle h : handles) {
      g.add(h.cpuMillisByGroup());
    }
    return g;
  }

  /** CPU per shared record of each node by thread group (NodeHandle.cpuMillisByGroup). */
  static void byGroup(List<NodeHandle> handles, List<java.util.Map<String, Long>> g0, List<java.util.Map<String, Long>> g1, int n) {
    for (int i = 0; i < handles.size(); i++) {
      StringBuilder b = new StringBuilder("  " + handles.get(i).name() + " by thread group (ms per record):");
      for (var e : g1.get(i).entrySet()) {
        long before = g0.get(i).getOrDefault(e.getKey(), 0L);
        b.append(String.format(Locale.ROOT, " %s %.3f;", e.getKey(), (e.getValue() - before) / (double) n));
      }
      System.out.println(b);
    }
  }

  static double max(double[] xs) {
    double m = 0;
    for (double x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }

  static long[] cpu(List<NodeHandle> handles) {
    long[] c = new long[handles.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = handles.get(i).cpuMillis();
    }
    return c;
  }

  /** Seconds from {@code t0} until each other node finds all {@code n} cases and links {@code last}. */
  static double[] awaitAll(List<String> urls, List<String> tokens, String bureau, String from, String to, int n, String last, long t0) throws Exception {
    double[] at = new double[urls.size()];
    boolean[] done = new boolean[urls.size()];
    done[0] = true;
    long deadline = System.nanoTime() + Duration.ofMinutes(40).toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (int i = 1; i < urls.size(); i++) {
        if (done[i]) {
          continue;
        }
        HttpResponse<String> r = send(urls.get(i), tokens.get(i), "GET", "/api/v1/search?kind=case&limit=1&highlight=false&bureau=" + bureau + "&from=" + from + "&to=" + to, null, HttpRequest.BodyPublishers.noBody());
        long total = r.statusCode() == 200 ? Json.mapper().readTree(r.body()).get("total").asLong() : -1;
        if (total >= n && send(urls.get(i), tokens.get(i), "GET", "/api/v1/networks", null, HttpRequest.BodyPublishers.noBody()).body().contains(last)) {
          done[i] = true;
          at[i] = (System.nanoTime() - t0) / 1e9;
        } else {
          all = false;
        }
      }
      if (all) {
        return at;
      }
      LockSupport.parkNanos(250_000_000);
    }
    throw new IllegalStateException("not all searchable within 40 minutes");
  }

  static HttpResponse<String> send(String base, String token, String method, String path, String type, HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + token)
            .method(method, body);
    if (type != null) {
      b.header("Content-Type", type);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Plate and phone of case {@code i}, spread like real ones (LeadBodies.mix). */
  static String plate(long i) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    long h = Math.floorMod(LeadBodies.mix(i) >>> 11, 1L << 40);
    StringBuilder b = new StringBuilder("蒙J·");
    for (int k = 0; k < 5; k++) {
      b.append(alphabet.charAt((int) (h % alphabet.length())));
      h /= alphabet.length();
    }
    return b.toString();
  }

  static String phone(long i) {
    return "13" + String.format(Locale.ROOT, "%09d", Math.floorMod(LeadBodies.mix(i) >>> 7, 1_000_000_000L));
  }

  static final String LINK_PLATE = "晋B·7Q777";
  static final String LINK_PHONE = "13700007777";

  /** A case on the last node that the last case of a run links to (same van, same phone). */
  static String partnerCase(String bureau, String run) {
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("caseNumber", "基准伙伴〔" + run + "〕第1号").put("category", "UNLICENSED_TRANSPORT").put("foundOn", "2009-06-01").put("filedOn", "2009-06-01")
        .put("valueYuan", "27000").put("disposition", "PENDING").put("narrative", "物流点查获无证运输卷烟，送货车辆与收货人电话见要素。");
    c.putObject("location").put("countyCode", bureau).put("town", "玉泉镇").put("address", "物流园");
    var e = c.putArray("entities");
    e.addObject().put("type", "PLATE").put("value", run.equals("import") ? LINK_PLATE : "晋B·6Q666");
    e.addObject().put("type", "PHONE").put("value", run.equals("import") ? LINK_PHONE : "13600006666");
    c.putArray("items").addObject().put("brand", "中华").put("spec", "硬").put("quantity", "60条");
    return c.toString();
  }

  static String baselineNumber(int i) {
    return "基准单件〔1990〕第" + i + "号";
  }

  /** Baseline case {@code i}, in 1990–1999; the last shares the baseline partner's van and phone. */
  static String baselineCase(String bureau, int i, int n) {
    String day = LocalDate.of(1990, 1, 1).plusDays(i % 3650).toString();
    boolean last = i == n - 1;
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("caseNumber", baselineNumber(i)).put("bureau", bureau).put("category", i % 3 == 0 ? "COUNTERFEIT" : "UNLICENSED_TRANSPORT")
        .put("foundOn", day).put("filedOn", day).put("valueYuan", "12500").put("disposition", "PENDING")
        .put("narrative", "案件登记表导入（第 " + (i + 2) + " 行）：无证运输；当事人张" + i + "号；车牌" + plate(i) + "；电话" + phone(i) + "；中华(硬) 30条；案值12500元；地点兴和县城关镇" + i + "号。");
    c.putObject("location").put("countyCode", bureau).put("address", "兴和县城关镇" + i + "号");
    var e = c.putArray("entities");
    e.addObject().put("type", "PERSON").put("value", "张" + i + "号").put("role", "当事人");
    e.addObject().put("type", "PLATE").put("value", last ? "晋B·6Q666" : plate(i));
    e.addObject().put("type", "PHONE").put("value", last ? "13600006666" : phone(i));
    c.putArray("items").addObject().put("brand", "中华").put("spec", "硬").put("quantity", "30条");
    return c.toString();
  }

  static String importNumber(int i) {
    return String.format(Locale.ROOT, "兴烟立字〔导入〕第%06d号", i);
  }

  /** The register: rows 1..n in 2010–2029; the last row shares the import partner's van and phone. */
  static void writeRegister(Path file, int n) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "liaison-bench", "1.0");
      Worksheet ws = wb.newWorksheet("案件登记");
      String[] h = {"案件编号", "立案日期", "案由", "当事人", "车牌", "联系电话", "案值(万元)", "品牌", "数量(条)", "查获地点"};
      for (int c = 0; c < h.length; c++) {
        ws.value(0, c, h[c]);
      }
      BigDecimal value = new BigDecimal("1.25");
      for (int i = 1; i <= n; i++) {
        boolean last = i == n;
        ws.value(i, 0, importNumber(i));
        ws.value(i, 1, LocalDate.of(2010, 1, 1).plusDays(i % 7300));
        ws.style(i, 1).format("yyyy-mm-dd").set();
        ws.value(i, 2, i % 3 == 0 ? "涉假" : "无证运输");
        ws.value(i, 3, "李" + i + "号");
        ws.value(i, 4, last ? LINK_PLATE : plate(1_000_000L + i));
        ws.value(i, 5, last ? LINK_PHONE : phone(1_000_000L + i));
        ws.value(i, 6, value);
        ws.value(i, 7, i % 2 == 0 ? "中华(硬)" : "玉溪(软)");
        ws.value(i, 8, 30);
        ws.value(i, 9, "兴和县城关镇" + i + "号");
        if (i % 10_000 == 0) {
          ws.flush();
        }
      }
      wb.finish();
    }
  }

  /** Plain HTTP on loopback, no rate limit, and an officer enrolled offline (as an admin would). */
  static void prepare(BenchCluster cluster, int i) throws Exception {
    ObjectNode cfg = (ObjectNode) Json.mapper().readTree(cluster.config(i).toFile());
    ((ObjectNode) cfg.get("http")).put("plaintext", true);
    cfg.putObject("security").put("requestsPerMinute", 100_000_000);
    Files.writeString(cluster.config(i), cfg.toString());
    try (Store s = Store.open(cluster.storeFile(i))) {
      AuthService.enrolOffline(s, new Officer(officer(cluster, i), "基准警官", EnumSet.allOf(Role.class), PASSWORD, false));
    }
  }

  static String officer(BenchCluster cluster, int i) {
    return cluster.bureau(i).code() + "-001";
  }

  static String login(String base, String officer) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"officer\":\"" + officer + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed on " + base + ": " + r.body());
    }
    return Json.mapper().readTree(r.body()).get("accessToken").asText();
  }
}
