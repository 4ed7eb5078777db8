package io.liaison.search.eval;

import io.liaison.search.link.Link;
import io.liaison.search.link.LinkEngine;
import io.liaison.search.link.LinkOptions;
import io.liaison.search.link.LinkRecord;
import io.liaison.search.link.Network;
import io.liaison.search.link.NetworkMember;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the link engine over labelled records and measures it: incremental linking in arrival order
 * (quality, time per record), a full relink of the same records (time, and whether it gives the
 * same networks), and the calibration of scores over every candidate pair.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Share of candidate pairs in one true cluster, per score decile. */
  public record Bucket(double from, double to, long pairs, long sameCluster) {}

  /**
   * What one run measured.
   *
   * @param wallMs incremental linking wall time per record, sorted
   * @param cpuMs incremental linking CPU time of the calling thread per record, sorted
   * @param relinkSame whether the relink gave exactly the networks of the incremental run
   */
  public record Outcome(
      int records,
      Metrics metrics,
      int networks,
      int crossBorder,
      int proposals,
      double linkSeconds,
      double[] wallMs,
      double[] cpuMs,
      double relinkSeconds,
      boolean relinkSame,
      List<Bucket> calibration) {
    public double wallP(double q) {
      return wallMs[(int) Math.min(wallMs.length - 1, Math.floor(q * wallMs.length))];
    }

    public double cpuP(double q) {
      return cpuMs[(int) Math.min(cpuMs.length - 1, Math.floor(q * cpuMs.length))];
    }
  }

  public static Outcome run(List<LabelledCases.Labelled> data, Path workDir, LinkOptions options)
      throws IOException {
    Map<String, String> truth = new HashMap<>();
    data.forEach(l -> truth.put(l.document().id(), l.cluster()));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] wall = new double[data.size()];
    double[] cpuMs = new double[data.size()];
    Map<String, String> predicted;
    int networks;
    int crossBorder;
    int proposals;
    List<Bucket> calibration;
    double linkSeconds;
    long t0 = System.nanoTime();
    try (LinkEngine engine = LinkEngine.open(workDir.resolve("incremental"), options)) {
      for (int i = 0; i < data.size(); i++) {
        long c0 = cpu.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        engine.upsert(data.get(i).document());
        wall[i] = (System.nanoTime() - w0) / 1e6;
        cpuMs[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
      }
      linkSeconds = (System.nanoTime() - t0) / 1e9;
      predicted = clusters(engine.networks());
      networks = engine.networks().size();
      crossBorder = (int) engine.networks().stream().filter(Network::crossBorder).count();
      proposals = engine.proposals().size();
      calibration = calibration(engine, data, truth);
    }
    long t1 = System.nanoTime();
    Map<String, String> relinked;
    try (LinkEngine engine = LinkEngine.open(workDir.resolve("relink"), options)) {
      engine.relink(data.stream().map(l -> LinkRecord.open(l.document())).toList(), n -> {});
      relinked = clusters(engine.networks());
    }
    double relinkSeconds = (System.nanoTime() - t1) / 1e9;
    Arrays.sort(wall);
    Arrays.sort(cpuMs);
    return new Outcome(
        data.size(),
        Metrics.of(truth, predicted),
        networks,
        crossBorder,
        proposals,
        linkSeconds,
        wall,
        cpuMs,
        relinkSeconds,
        partition(predicted).equals(partition(relinked)),
        calibration);
  }

  private static Map<String, String> clusters(List<Network> networks) {
    Map<String, String> out = new HashMap<>();
    for (Network n : networks) {
      for (NetworkMember m : n.members()) {
        out.put(m.id(), n.id());
      }
    }
    return out;
  }

  private static Set<Set<String>> partition(Map<String, String> clusters) {
    Map<String, Set<String>> byCluster = new HashMap<>();
    clusters.forEach((id, c) -> byCluster.computeIfAbsent(c, k -> new HashSet<>()).add(id));
    return new HashSet<>(byCluster.values());
  }

  private static List<Bucket> calibration(
      LinkEngine engine, List<LabelledCases.Labelled> data, Map<String, String> truth)
      throws IOException {
    long[] pairs = new long[10];
    long[] same = new long[10];
    for (LabelledCases.Labelled l : data) {
      String id = l.document().id();
      for (Link link : engine.candidates(id)) {
        if (!link.a().equals(id)) {
          continue;
        }
        int b = (int) Math.min(9, Math.floor(link.score() * 10));
        pairs[b]++;
        String ta = truth.get(link.a());
        if (ta != null && ta.equals(truth.get(link.b()))) {
          same[b]++;
        }
      }
    }
    List<Bucket> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      out.add(new Bucket(i / 10.0, (i + 1) / 10.0, pairs[i], same[i]));
    }
    return out;
  }
}
