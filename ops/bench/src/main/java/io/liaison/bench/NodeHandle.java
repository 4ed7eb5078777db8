package io.liaison.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A node running in its own JVM ({@link NodeProcess}), seen from the driver: launch, wait for
 * ready, send commands, stop. The node's log goes to a file; lines that match the regular
 * expression {@code keep} are also remembered (e.g. the reconciliation report).
 */
public final class NodeHandle implements AutoCloseable {
  /** JVM flags Hazelcast wants on Java 17 (DESIGN.md, "Pitfalls"). */
  public static final List<String> HAZELCAST_FLAGS =
      List.of(
          "--add-exports",
          "java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.lang=ALL-UNNAMED",
          "--add-opens",
          "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens",
          "java.management/sun.management=ALL-UNNAMED",
          "--add-opens",
          "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  /** What a node said when it became ready. */
  public record Ready(int httpPort, long startMillis, long jvmUptimeMillis, long wallMillis) {}

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final List<String> kept = new ArrayList<>();
  private final long launchedAt = System.nanoTime();
  private final java.time.Instant launchedAtWall = java.time.Instant.now();
  private Ready ready;
  private long stopMillis;

  private NodeHandle(String name, Process process, Path log, Pattern keep) throws IOException {
    this.name = name;
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Writer logFile =
        Files.newBufferedWriter(
            log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  Writer w = new BufferedWriter(logFile)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  if (line.startsWith("BENCH ")) {
                    replies.add(line.substring(6));
                  } else {
                    w.write(line);
                    w.write('\n');
                    if (!r.ready()) {
                      w.flush(); // nothing more waiting: let the log file follow the node
                    }
                    if (keep != null && keep.matcher(line).find()) {
                      synchronized (kept) {
                        kept.add(line);
                      }
                    }
                  }
                }
              } catch (IOException e) {
                replies.add("ERR output lost: " + e.getMessage());
              }
              replies.add("EXIT");
            },
            "pump-" + name);
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts {@link NodeProcess} for {@code config} on this JVM's class path. */
  public static NodeHandle launch(String name, Path config, Path log, String xmx, String keep)
      throws IOException {
    return launch(name, config, log, xmx, keep, List.of());
  }

  /** As {@link #launch(String, Path, Path, String, String)}, with JVM flags of its own. */
  public static NodeHandle launch(
      String name, Path config, Path log, String xmx, String keep, List<String> jvmFlags)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(HAZELCAST_FLAGS);
    cmd.addAll(jvmFlags);
    cmd.add("-Xms" + xmx);
    cmd.add("-Xmx" + xmx);
    cmd.add("-Dfile.encoding=UTF-8");
    // extra JVM options for the nodes only, e.g. a flight recording from launch (attaching one
    // later makes the JIT compile JFR itself in the middle of the measurement): {name} is the node
    String extra = System.getenv("BENCH_NODE_JVM_OPTS");
    if (extra != null && !extra.isBlank()) {
      for (String o : extra.trim().split("\\s+")) {
        cmd.add(o.replace("{name}", name));
      }
    }
    cmd.add("-cp");
    // BENCH_NODE_CP: the nodes run another build than the driver (a same-run baseline whose store
    // the driver filled; see ops/bench/heap/run.sh)
    String nodeCp = System.getenv("BENCH_NODE_CP");
    cmd.add(nodeCp == null || nodeCp.isBlank() ? System.getProperty("java.class.path") : nodeCp);
    cmd.add(NodeProcess.class.getName());
    cmd.add(config.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(BenchCluster.env());
    Process p = pb.start();
    // a driver stopped by timeout or Ctrl-C takes its nodes with it
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "kill-" + name));
    return new NodeHandle(name, p, log, keep == null ? null : Pattern.compile(keep));
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * CPU time (user + system) the node's JVM has used so far, in milliseconds, from {@code
   * /proc/<pid>/stat}. On a shared machine CPU per operation is steadier than throughput.
   */
  public long cpuMillis() {
    return cpuMillis(process.pid());
  }

  /** CPU time of any process (this driver: {@code ProcessHandle.current().pid()}). */
  public static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / Machine.clockTicks();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * CPU time the node's JIT compiler threads ({@code C1/C2 CompilerThread}) have used so far, in
   * milliseconds, from {@code /proc/<pid>/task/*}: a fresh JVM spends much of its first minute
   * compiling, which a short run counts as the cost of its operations.
   */
  public long jitCpuMillis() {
    long ticks = 0;
    try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + process.pid() + "/task"))) {
      for (Path t : tasks) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.matches("C\\d CompilerThre.*")) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return ticks * 1000 / Machine.clockTicks();
  }

  /**
   * CPU time used so far by the node's live threads, in milliseconds, summed by what they do (from
   * the thread names in {@code /proc/<pid>/task/*}): {@code store} (the store thread), {@code
   * index+link} (the indexer, whose listeners include the link engine, and the index's own
   * threads), {@code grid} (Hazelcast's threads and the grid callbacks), {@code vertx} (event loops
   * and workers), {@code gc}, {@code jit}, {@code import} and {@code other}. A thread that ended is
   * not counted.
   */
  public java.util.Map<String, Long> cpuMillisByGroup() {
    java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
    try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + process.pid() + "/task"))) {
      for (Path t : tasks) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.merge(group(name), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      return java.util.Map.of();
    }
    ticks.replaceAll((k, v) -> v * 1000 / Machine.clockTicks());
    return ticks;
  }

  static String group(String thread) {
    if (thread.startsWith("liaison-store")) {
      return "store";
    }
    if (thread.startsWith("liaison-indexe")
        || thread.startsWith("case-index")
        || thread.startsWith("relink")) {
      return "index+link";
    }
    if (thread.startsWith("hz.") || thread.startsWith("liaison-grid")) {
      return "grid";
    }
    if (thread.startsWith("vert.x-")) {
      return "vertx";
    }
    if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.equals("VM Thread")) {
      return "gc";
    }
    if (thread.matches("C\\d CompilerThre.*")) {
      return "jit";
    }
    if (thread.startsWith("liaison-import")) {
      return "import";
    }
    return "other";
  }

  /** Waits until the node reports ready (its store reconciled with the grid). */
  public Ready awaitReady(Duration timeout) throws InterruptedException {
    String r = reply(timeout);
    if (!r.startsWith("READY ")) {
      throw new IllegalStateException(name + " did not start: " + r);
    }
    String[] a = r.split(" ");
    ready =
        new Ready(
            Integer.parseInt(a[1]),
            Long.parseLong(a[2]),
            Long.parseLong(a[3]),
            (System.nanoTime() - launchedAt) / 1_000_000);
    return ready;
  }

  public int httpPort() {
    return ready.httpPort();
  }

  /** Sends a command without waiting (so that several nodes can run one at the same time). */
  public void send(String command) throws IOException {
    stdin.write(command + "\n");
    stdin.flush();
  }

  /** The answer to the last command sent. */
  public JsonNode await(Duration timeout) throws InterruptedException {
    String r = reply(timeout);
    if (!r.startsWith("OK ")) {
      throw new IllegalStateException(name + ": " + r);
    }
    try {
      return Json.mapper().readTree(r.substring(3));
    } catch (IOException e) {
      throw new IllegalStateException(name + ": unreadable answer " + r, e);
    }
  }

  public JsonNode call(String command, Duration timeout) throws IOException, InterruptedException {
    send(command);
    return await(timeout);
  }

  /** Waits until a log line that matched {@code keep} also contains {@code text}; returns it. */
  public String awaitKept(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String l : kept()) {
        if (l.contains(text)) {
          return l;
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited while waiting for '" + text + "'");
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + ": no '" + text + "' within " + timeout);
  }

  /** When the JVM was launched (to set log line times against). */
  public java.time.Instant launchedAt() {
    return launchedAtWall;
  }

  /** Log lines that matched {@code keep} so far. */
  public List<String> kept() {
    synchronized (kept) {
      return List.copyOf(kept);
    }
  }

  private String reply(Duration timeout) throws InterruptedException {
    String r = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (r == null) {
      throw new IllegalStateException(name + ": no answer within " + timeout);
    }
    return r;
  }

  /** Stops the node cleanly (leaves the cluster, closes the store); kills it if it hangs. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      send("quit");
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    stopMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  /** SIGKILL: no shutdown hook, the store left as a crash leaves it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** How long the last {@link #close} took (a clean stop, or 90 s and a kill). */
  public long stopMillis() {
    return stopMillis;
  }
}
