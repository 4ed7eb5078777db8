import io.liaison.search.SearchDocument;
import io.liaison.fixtures.demo.DemoCases;
import io.liaison.fixtures.eval.Evaluation;
import io.liaison.fixtures.eval.LabelledCases;
import io.liaison.fixtures.eval.Metrics;
import io.liaison.fixtures.eval.Noise;
import io.liaison.search.link.LinkOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Link quality on labelled data (issue 8): ops/bench/link/eval.sh [N] [seed] [noise] [dataset].
 * noise: low | high | both; dataset: eval (io.liaison.fixtures.eval.LabelledCases) | demo
 * (io.liaison.fixtures.demo.DemoCases with its planted networks as truth) | all.
 */
public class Eval {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    String noise = args.length > 2 ? args[2] : "both";
    String dataset = args.length > 3 ? args[3] : "eval";
    System.out.println("| dataset | N | seed | noise | pairs true / predicted | pair P | pair R | pair F1 | B³ P | B³ R | B³ F1 | networks (cross-border) | proposals | link s | per record wall p50 / p99 ms | CPU p50 / p99 ms | relink s | relink = incremental |");
    System.out.println("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    if (!dataset.equals("demo")) {
      for (String level : noise.equals("both") ? List.of("low", "high") : List.of(noise)) {
        long g0 = System.nanoTime();
        List<LabelledCases.Labelled> data = LabelledCases.generate(seed, n, Noise.named(level));
        System.err.printf(Locale.ROOT, "generated %d records in %.1f s%n", data.size(), (System.nanoTime() - g0) / 1e9);
        report("eval", n, seed, level, data);
      }
    }
    if (!dataset.equals("eval")) {
      List<LabelledCases.Labelled> data =
          new DemoCases(seed, n).labelled()
              .map(l -> new LabelledCases.Labelled(SearchDocument.ofCase(l.record()), l.network() < 0 ? null : "N" + l.network()))
              .toList();
      report("demo", n, seed, "demo", data);
    }
  }

  static void report(String dataset, int n, long seed, String level, List<LabelledCases.Labelled> data) throws Exception {
    Path dir = Files.createTempDirectory("link-eval");
    try {
      Evaluation.Outcome o = Evaluation.run(data, dir, LinkOptions.defaults());
      Metrics m = o.metrics();
      System.out.printf(Locale.ROOT,
          "| %s | %d | %d | %s | %d / %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %d (%d) | %d | %.1f | %.2f / %.2f | %.2f / %.2f | %.1f | %s |%n",
          dataset, n, seed, level, m.truePairs(), m.predictedPairs(), m.pairPrecision(), m.pairRecall(), m.pairF1(),
          m.bcubedPrecision(), m.bcubedRecall(), m.bcubedF1(), o.networks(), o.crossBorder(), o.proposals(),
          o.linkSeconds(), o.wallP(0.5), o.wallP(0.99), o.cpuP(0.5), o.cpuP(0.99), o.relinkSeconds(), o.relinkSame() ? "yes" : "NO");
      StringBuilder cal = new StringBuilder("calibration " + dataset + "/" + level + " (score decile: candidate pairs, share truly together):");
      for (Evaluation.Bucket b : o.calibration()) {
        if (b.pairs() > 0) {
          cal.append(String.format(Locale.ROOT, " [%.1f,%.1f) %d %.3f;", b.from(), b.to(), b.pairs(), (double) b.sameCluster() / b.pairs()));
        }
      }
      System.err.println(cal);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
