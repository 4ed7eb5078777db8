import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.Network;
import io.liaison.fixtures.demo.DemoCases;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.LinkEngine;
import io.liaison.search.link.LinkRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Link engine open benchmark (issue 32, "ready after kill -9"): {@code build N dir} relinks N
 * generated cases (DemoCases, seed 8, as LinkBench) into {@code dir} and commits; {@code open dir}
 * opens that index once in this (fresh) JVM — as a node does after a restart — and prints the
 * open's wall and process CPU time, the counts, and a digest of every network and merge proposal
 * (equal digests: equal networks and proposals, whichever code opened the index).
 *
 * <p>java -cp search/target/classes:... ops/bench/link/OpenBench.java build|open N dir
 */
public class OpenBench {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    long n = Long.parseLong(args[1]);
    Path links = Path.of(args[2]);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (mode.equals("build")) {
      DemoCases demo = new DemoCases(8, n);
      long t0 = System.nanoTime();
      try (LinkEngine engine = LinkEngine.open(links)) {
        Iterable<LinkRecord> base =
            () ->
                LongStream.range(0, n)
                    .mapToObj(i -> LinkRecord.open(SearchDocument.ofCase(demo.generate(i).record())))
                    .iterator();
        engine.relink(base, k -> {});
        engine.commit("built");
        LinkEngine.Stats s = engine.stats();
        System.out.printf(
            Locale.ROOT,
            "built: %d records in %.1f s; %d linked records, %d networks, %d proposals%n",
            n, (System.nanoTime() - t0) / 1e9, s.linkedRecords(), s.networks(), s.proposals());
      }
      return;
    }
    long size;
    try (Stream<Path> files = Files.walk(links)) {
      size = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    LinkEngine engine = LinkEngine.open(links);
    long t1 = System.nanoTime();
    long cpu1 = os.getProcessCpuTime();
    try (engine) {
      List<MergeProposal> proposals = engine.proposals(); // waits for them if open deferred them
      long t2 = System.nanoTime();
      long cpu2 = os.getProcessCpuTime();
      List<Network> networks = engine.networks();
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Network x : networks) {
        md.update(x.toString().getBytes(StandardCharsets.UTF_8));
      }
      for (MergeProposal x : proposals) {
        md.update(x.toString().getBytes(StandardCharsets.UTF_8));
      }
      LinkEngine.Stats s = engine.stats();
      System.out.printf(
          Locale.ROOT,
          "open: %.2f s wall, %.2f s process CPU; with the proposals read: %.2f s wall, %.2f s CPU; index %.1f MB, status %s, %d records, %d linked records, %d networks, %d proposals, digest %s%n",
          (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, (t2 - t0) / 1e9, (cpu2 - cpu0) / 1e9, size / 1e6, engine.status(), s.records(),
          s.linkedRecords(), s.networks(), s.proposals(),
          HexFormat.of().formatHex(md.digest()).substring(0, 16));
    }
  }
}
