package io.liaison.bench;

import java.util.List;

/** CPU time used by the node processes (together) and by this driver since the meter started. */
public final class CpuMeter {
  private final List<NodeHandle> nodes;
  private final long nodesAtStart;
  private final long[] eachAtStart;
  private final long driverAtStart;
  private final long jitAtStart;
  private final long startedAt = System.nanoTime();
  private static volatile double idleMillisPerSecond;

  private CpuMeter(List<NodeHandle> nodes) {
    this.nodes = nodes;
    this.eachAtStart = nodes.stream().mapToLong(NodeHandle::cpuMillis).toArray();
    this.nodesAtStart = nodesNow();
    this.jitAtStart = nodes.stream().mapToLong(NodeHandle::jitCpuMillis).sum();
    this.driverAtStart = NodeHandle.cpuMillis(ProcessHandle.current().pid());
  }

  public static CpuMeter start(List<NodeHandle> nodes) {
    return new CpuMeter(nodes);
  }

  /**
   * Sleeps {@code seconds} and returns the CPU milliseconds per second the nodes used meanwhile.
   */
  public static double idleFor(List<NodeHandle> nodes, int seconds) throws InterruptedException {
    CpuMeter m = start(nodes);
    Thread.sleep(seconds * 1000L);
    return m.nodesMillis() / (double) seconds;
  }

  /**
   * Waits until the nodes are back near their idle burn (work left over from the previous phase,
   * such as indexing a backlog, would otherwise be measured with the next one): two-second windows
   * until one uses at most twice the idle burn plus 100 ms per second, or {@code maxSeconds} have
   * passed. Returns the seconds waited.
   */
  public static double awaitQuiet(List<NodeHandle> nodes, int maxSeconds)
      throws InterruptedException {
    long t0 = System.nanoTime();
    double limit = 2 * idleMillisPerSecond + 100;
    while (idleFor(nodes, 2) > limit && System.nanoTime() - t0 < maxSeconds * 1_000_000_000L) {
      // still busy
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Remembers what the nodes burn per second when idle (timers, heartbeats, indexer polls). */
  public static void idle(double millisPerSecond) {
    idleMillisPerSecond = millisPerSecond;
  }

  /**
   * CPU of all nodes per operation, less what they would have burnt idle meanwhile: the work the
   * operations themselves cost. At low throughput the gross figure is mostly the idle burn.
   */
  public double netPer(long ops) {
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    return (nodesMillis() - idleMillisPerSecond * seconds) / ops;
  }

  /** Milliseconds of CPU all node JVMs used since the start. */
  public long nodesMillis() {
    return nodesNow() - nodesAtStart;
  }

  /**
   * Milliseconds of CPU the node JVMs' JIT compiler threads used since the start: on fresh JVMs
   * sharing two cores this is a large part of the total for minutes.
   */
  public long jitMillis() {
    return nodes.stream().mapToLong(NodeHandle::jitCpuMillis).sum() - jitAtStart;
  }

  /** Milliseconds of CPU node {@code i} used since the start. */
  public long nodeMillis(int i) {
    return nodes.get(i).cpuMillis() - eachAtStart[i];
  }

  /** Milliseconds of CPU the driver (load generator) used since the start. */
  public long driverMillis() {
    return NodeHandle.cpuMillis(ProcessHandle.current().pid()) - driverAtStart;
  }

  private long nodesNow() {
    long sum = 0;
    for (NodeHandle n : nodes) {
      sum += n.cpuMillis();
    }
    return sum;
  }
}
