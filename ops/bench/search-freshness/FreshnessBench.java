import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.bench.BenchCluster;
import io.liaison.bench.Lat;
import io.liaison.bench.LeadBodies;
import io.liaison.bench.NodeHandle;
import io.liaison.node.access.AuthService;
import io.liaison.node.access.Officer;
import io.liaison.api.access.Role;
import io.liaison.node.store.Store;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Search freshness (issue 7): cases posted on node A at a fixed rate (open loop) until they are
 * searchable on node B, over the real HTTP API of node JVMs on loopback.
 *
 * <p>A poller on B alternates two searches of at most 100 hits, oldest first: the bench cases after
 * the newest one seen, and those from the oldest case not yet seen (each bench case has its own day,
 * so date order is post order). A case counts as searchable when the first answer that contains it arrives, so the
 * figure is an upper bound, coarse by one poll (a few ms). Latency is measured from the moment the
 * POST was sent to A and, separately, from A's 201.
 *
 * <p>Args (key=value): rate=200 seconds=60 warmup=10 nodes=3 xmx=384m pollMs=5 dir=/tmp/…
 */
public final class FreshnessBench {
  static final String PASSWORD = "bench-password-一二三";
  static final LocalDate DAY0 = LocalDate.of(1980, 1, 1);
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(4))
          .build();

  public static void main(String[] argv) throws Exception {
    java.util.Map<String, String> a = new java.util.HashMap<>();
    for (String s : argv) {
      String[] kv = s.split("=", 2);
      a.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int rate = Integer.parseInt(a.getOrDefault("rate", "200"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
    int nodes = Integer.parseInt(a.getOrDefault("nodes", "3"));
    String xmx = a.getOrDefault("xmx", "384m");
    long pollNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(a.getOrDefault("pollMs", "5")));
    Path dir =
        Path.of(a.getOrDefault("dir", Files.createTempDirectory("liaison-freshness").toString()));
    System.out.printf(
        "# freshness: rate=%d/s seconds=%d warmup=%d nodes=%d xmx=%s pollMs=%d dir=%s%n",
        rate, seconds, warmup, nodes, xmx, pollNanos / 1_000_000, dir);

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
      String a0 = "http://127.0.0.1:" + handles.get(0).httpPort();
      String b = "http://127.0.0.1:" + handles.get(nodes - 1).httpPort();
      String tokenA = login(a0, officer(cluster, 0));
      String tokenB = login(b, officer(cluster, nodes - 1));
      int total = rate * (warmup + seconds);
      AtomicLongArray sent = new AtomicLongArray(total);
      AtomicLongArray acked = new AtomicLongArray(total);
      AtomicLongArray seen = new AtomicLongArray(total);
      AtomicInteger failed = new AtomicInteger();
      Histogram post = Lat.histogram();
      AtomicInteger next = new AtomicInteger();
      Poller poller =
          new Poller(b, tokenB, cluster.bureau(0).code(), seen, next, pollNanos);
      Thread pollThread = new Thread(poller, "poller");
      pollThread.setDaemon(true);
      pollThread.start();

      long[] cpuStart = new long[nodes];
      long[] jitStart = new long[nodes];
      List<java.util.Map<String, Long>> threadsStart = new ArrayList<>();
      ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
      long period = 1_000_000_000L / rate;
      long t0 = System.nanoTime();
      clock.scheduleAtFixedRate(
          () -> {
            int i = next.get();
            if (i >= total) {
              return;
            }
            if (i == rate * warmup) {
              for (int n = 0; n < nodes; n++) {
                cpuStart[n] = handles.get(n).cpuMillis();
                jitStart[n] = handles.get(n).jitCpuMillis();
                threadsStart.add(threadTicks(handles.get(n).pid()));
              }
            }
            String body = caseBody(cluster.bureau(0).code(), i);
            HttpRequest req =
                HttpRequest.newBuilder(URI.create(a0 + "/api/v1/cases"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokenA)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            sent.set(i, System.nanoTime());
            next.incrementAndGet();
            HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                    (r, e) -> {
                      long now = System.nanoTime();
                      if (e != null || r.statusCode() != 201) {
                        // never stored, never searchable: the poller stops waiting for it (its
                        // search from the oldest case not yet seen would stay there for good)
                        seen.compareAndSet(i, 0, -1);
                        if (failed.getAndIncrement() < 3) {
                          System.out.println(
                              "# post failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
                        }
                        return;
                      }
                      acked.set(i, now);
                      if (i >= rate * warmup) {
                        synchronized (post) {
                          post.recordValue(now - sent.get(i));
                        }
                      }
                    });
          },
          0,
          period,
          TimeUnit.NANOSECONDS);
      while (next.get() < total) {
        LockSupport.parkNanos(50_000_000);
      }
      double postSeconds = (System.nanoTime() - t0) / 1e9;
      clock.shutdown();
      long[] cpuEnd = new long[nodes];
      long[] jitEnd = new long[nodes];
      List<java.util.Map<String, Long>> threadsEnd = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        cpuEnd[n] = handles.get(n).cpuMillis();
        jitEnd[n] = handles.get(n).jitCpuMillis();
        threadsEnd.add(threadTicks(handles.get(n).pid()));
      }
      // stragglers: wait up to 30 s for everything posted to be seen
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && poller.unseenFrom() < total) {
        LockSupport.parkNanos(50_000_000);
      }
      poller.stop();
      Histogram fromSend = Lat.histogram();
      Histogram fromAck = Lat.histogram();
      int unseen = 0;
      for (int i = rate * warmup; i < total; i++) {
        if (acked.get(i) == 0) {
          continue;
        }
        if (seen.get(i) == 0) {
          unseen++;
          continue;
        }
        fromSend.recordValue(Math.max(0, seen.get(i) - sent.get(i)));
        fromAck.recordValue(Math.max(0, seen.get(i) - acked.get(i)));
      }
      System.out.printf(
          Locale.ROOT,
          "posted %d cases in %.1f s (%.1f/s offered %d/s), %d failed; measured after %d s warm-up%n",
          total,
          postSeconds,
          total / postSeconds,
          rate,
          failed.get(),
          warmup);
      System.out.println("POST on A (send → 201):            " + Lat.summary(post));
      System.out.println("searchable on B, from send to A:   " + Lat.summary(fromSend));
      System.out.println("searchable on B, from A's 201:     " + Lat.summary(fromAck));
      System.out.printf(
          "poller: %d searches on B (%.0f/s), %d cases never seen within 30 s%n",
          poller.polls(), poller.polls() / postSeconds, unseen);
      int measured = rate * seconds;
      for (int n = 0; n < nodes; n++) {
        System.out.printf(
            Locale.ROOT,
            "CPU of node %s (%s) while measuring: %.2f ms per case posted, of which JIT compiler"
                + " threads %.2f ms%n",
            handles.get(n).name(),
            n == 0 ? "A, posts" : n == nodes - 1 ? "B, searched" : "receives",
            (cpuEnd[n] - cpuStart[n]) / (double) measured,
            (jitEnd[n] - jitStart[n]) / (double) measured);
      }
      printThreads(handles, threadsStart, threadsEnd, cpuStart, cpuEnd, rate * seconds);
      System.out.println("# load average after the run: " + Files.readString(Path.of("/proc/loadavg")).trim());
    } finally {
      for (NodeHandle n : handles) {
        n.close();
      }
    }
    System.exit(0);
  }

  /** CPU ticks used so far by each live thread of {@code pid}, keyed by {@code tid name}. */
  static java.util.Map<String, Long> threadTicks(long pid) {
    java.util.Map<String, Long> ticks = new java.util.HashMap<>();
    try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path t : tasks) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.put(
              t.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (java.io.IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (java.io.IOException e) {
      // the process ended
    }
    return ticks;
  }

  /** A thread's group for the CPU breakdown, from its name. */
  static String group(String name) {
    String[][] groups = {
      {"C\\d CompilerThre.*", "JIT compiler"},
      {"liaison-indexer.*", "liaison-indexer"},
      {"liaison-store.*", "liaison-store"},
      {"vert\\.x-eventloop.*", "event loops"},
      {"vert\\.x-(internal-)?worker.*", "vert.x workers"},
      {"hz\\..*", "hazelcast"},
      {"case-index.*", "case-index"},
      {"Lucene.*", "lucene merges"},
      {"(GC Thread|G1 |VM Thread|VM Periodic).*", "GC and VM"},
      {"JFR.*", "JFR"},
    };
    for (String[] g : groups) {
      if (name.matches(g[0])) {
        return g[1];
      }
    }
    return "other";
  }

  static void printThreads(
      List<NodeHandle> handles,
      List<java.util.Map<String, Long>> start,
      List<java.util.Map<String, Long>> end,
      long[] cpuStart,
      long[] cpuEnd,
      int cases) {
    double msPerTick = 1000.0 / io.liaison.bench.Machine.clockTicks();
    for (int n = 0; n < handles.size() && n < start.size(); n++) {
      java.util.Map<String, Double> byGroup = new java.util.TreeMap<>();
      double sum = 0;
      for (var e : end.get(n).entrySet()) {
        long before = start.get(n).getOrDefault(e.getKey(), 0L);
        double ms = (e.getValue() - before) * msPerTick;
        sum += ms;
        String name = e.getKey().substring(e.getKey().indexOf(' ') + 1);
        byGroup.merge(group(name), ms, Double::sum);
      }
      byGroup.put("threads that ended", Math.max(0, cpuEnd[n] - cpuStart[n] - sum));
      StringBuilder line = new StringBuilder();
      byGroup.entrySet().stream()
          .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
          .forEach(
              e ->
                  line.append(
                      String.format(Locale.ROOT, " %s %.2f;", e.getKey(), e.getValue() / cases)));
      System.out.printf("CPU of node %s by thread, ms per case:%s%n", handles.get(n).name(), line);
    }
  }

  /** Plain HTTP on loopback, no rate limit, and an officer enrolled offline (as an admin would). */
  static void prepare(BenchCluster cluster, int i) throws Exception {
    ObjectNode cfg = (ObjectNode) Json.mapper().readTree(cluster.config(i).toFile());
    ((ObjectNode) cfg.get("http")).put("plaintext", true);
    cfg.putObject("security").put("requestsPerMinute", 100_000_000);
    Files.writeString(cluster.config(i), cfg.toString());
    try (Store s = Store.open(cluster.storeFile(i))) {
      AuthService.enrolOffline(
          s,
          new Officer(officer(cluster, i), "基准警官", EnumSet.allOf(Role.class), PASSWORD, false));
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
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"officer\":\"" + officer + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed on " + base + ": " + r.body());
    }
    return Json.mapper().readTree(r.body()).get("accessToken").asText();
  }

  /** Bench case {@code i}: its own case number and its own day (so date order is post order). */
  static String caseBody(String bureau, int i) {
    String day = DAY0.plusDays(i).toString();
    // identifiers spread like real ones: sequential phones would all be one digit apart, which
    // makes every case a typo-neighbour of the last ten (not what a region's phones look like)
    long h = LeadBodies.mix(i);
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("caseNumber", number(i))
        .put("bureau", bureau)
        .put("category", "UNLICENSED_TRANSPORT")
        .put("foundOn", day)
        .put("filedOn", day)
        .put("valueYuan", "13500")
        .put("disposition", "PENDING")
        .put(
            "narrative",
            "执法人员在兴和县城关镇307国道检查站拦截白色面包车，车牌号为蒙J·"
                + String.format(Locale.ROOT, "%05d", Math.floorMod(h >>> 20, 100_000L))
                + "，查获中华(硬)卷烟三十条，当事人无法提供准运证，联系电话13"
                + String.format(Locale.ROOT, "%09d", Math.floorMod(h >>> 7, 1_000_000_000L))
                + "。");
    c.putObject("location")
        .put("countyCode", bureau)
        .put("town", "城关镇")
        .put("address", "兴和县城关镇307国道检查站");
    c.putArray("items").addObject().put("brand", "中华").put("spec", "硬").put("quantity", "30条");
    return c.toString();
  }

  static String number(int i) {
    return "基准〔2026〕第" + i + "号";
  }

  /** Polls B for the newest bench cases and for the oldest not yet seen, one search at a time. */
  static final class Poller implements Runnable {
    private final String base;
    private final String token;
    private final String bureau;
    private final AtomicLongArray seen;
    private final AtomicInteger posted;
    private final long pollNanos;
    private volatile boolean stop;
    private volatile int unseenFrom;
    private long polls;

    Poller(
        String base,
        String token,
        String bureau,
        AtomicLongArray seen,
        AtomicInteger posted,
        long pollNanos) {
      this.base = base;
      this.token = token;
      this.bureau = bureau;
      this.seen = seen;
      this.posted = posted;
      this.pollNanos = pollNanos;
    }

    int unseenFrom() {
      return unseenFrom;
    }

    long polls() {
      return polls;
    }

    void stop() {
      stop = true;
    }

    @Override
    public void run() {
      boolean newest = true;
      int highest = -1; // the newest case seen so far
      while (!stop) {
        long t = System.nanoTime();
        try {
          // both searches ask only for what may be new to the poller, oldest first: the cases after
          // the newest seen (it used to be the newest 100, which were nearly all seen already and
          // cost B a stored-field fetch and a JSON answer of 100 hits per poll), and from the oldest
          // case not yet seen (cases that became searchable out of order)
          int from = newest ? highest + 1 : unseenFrom;
          String q = "sort=oldest&from=" + DAY0.plusDays(Math.max(0, from));
          HttpResponse<String> r =
              HTTP.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              base
                                  + "/api/v1/search?kind=case&limit=100&highlight=false&bureau="
                                  + bureau
                                  + "&"
                                  + q))
                      .header("Authorization", "Bearer " + token)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          long now = System.nanoTime();
          polls++;
          if (r.statusCode() == 200) {
            for (JsonNode item : Json.mapper().readTree(r.body()).get("items")) {
              String title = item.get("title").asText();
              int i = Integer.parseInt(title.substring(title.indexOf('第') + 1, title.indexOf('号')));
              seen.compareAndSet(i, 0, now);
              highest = Math.max(highest, i);
            }
          }
          int u = unseenFrom;
          while (u < posted.get() && u < seen.length() && seen.get(u) != 0) {
            u++;
          }
          unseenFrom = u;
        } catch (Exception e) {
          System.out.println("# poll failed: " + e);
        }
        newest = !newest;
        long wait = pollNanos - (System.nanoTime() - t);
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
    }
  }
}
