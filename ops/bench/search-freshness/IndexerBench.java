import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.Disposition;
import io.liaison.search.CaseIndex;
import io.liaison.search.IndexOptions;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.Audience;
import io.liaison.search.link.LinkEngine;
import io.liaison.search.link.LinkRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The receiving node's indexer without the node: the freshness bench's cases written one by one to a
 * {@link CaseIndex} and a {@link LinkEngine} on one thread, as {@code SearchIndexer} does (upsert,
 * tell the engine, refresh at most every 200 ms of the bench's 200 cases/s = every 40 cases, commit
 * every 2,000). Prints the thread CPU per case of each block of cases (index, engine separately).
 *
 * <p>Args: total=8000 block=1000 dir=/tmp/…
 */
public final class IndexerBench {
  static final LocalDate DAY0 = LocalDate.of(1980, 1, 1);

  public static void main(String[] argv) throws Exception {
    java.util.Map<String, String> a = new java.util.HashMap<>();
    for (String s : argv) {
      String[] kv = s.split("=", 2);
      a.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int total = Integer.parseInt(a.getOrDefault("total", "8000"));
    int block = Integer.parseInt(a.getOrDefault("block", "1000"));
    Path dir = Path.of(a.getOrDefault("dir", Files.createTempDirectory("liaison-indexer").toString()));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    IndexOptions d = IndexOptions.defaults();
    IndexOptions options =
        new IndexOptions(Duration.ofSeconds(10), d.commitInterval(), d.ramBufferMb(), d.indexThreads());
    try (CaseIndex index = CaseIndex.open(dir.resolve("index"), options);
        LinkEngine engine = LinkEngine.open(dir.resolve("links"))) {
      long indexNs = 0;
      long linkNs = 0;
      for (int i = 0; i < total; i++) {
        SearchDocument doc = benchCase("150924", i);
        long t0 = mx.getCurrentThreadCpuTime();
        index.upsert(doc);
        if (i % 40 == 39) {
          index.refresh();
        }
        long t1 = mx.getCurrentThreadCpuTime();
        engine.upsert(new LinkRecord(doc, Audience.everyone()));
        if (i % 2000 == 1999) {
          index.commit("bench:" + i);
          engine.commit("bench:" + i);
        }
        long t2 = mx.getCurrentThreadCpuTime();
        indexNs += t1 - t0;
        linkNs += t2 - t1;
        if (i % block == block - 1) {
          System.out.printf(
              Locale.ROOT,
              "cases %5d–%5d: thread CPU per case %.3f ms (index %.3f, link engine %.3f); networks %d,"
                  + " largest %d%n",
              i + 1 - block,
              i + 1,
              (indexNs + linkNs) / 1e6 / block,
              indexNs / 1e6 / block,
              linkNs / 1e6 / block,
              engine.networks().size(),
              engine.networks().isEmpty() ? 0 : engine.networks().get(0).members().size());
          indexNs = 0;
          linkNs = 0;
        }
      }
    }
    System.out.println("# load average " + Files.readString(Path.of("/proc/loadavg")).trim());
  }

  /** The freshness bench's case {@code i} ({@code FreshnessBench.caseBody}) as the index gets it. */
  static SearchDocument benchCase(String bureau, int i) {
    long h = mix(i);
    String number = "基准〔2026〕第" + i + "号";
    String narrative =
        "执法人员在兴和县城关镇307国道检查站拦截白色面包车，车牌号为蒙J·"
            + String.format(Locale.ROOT, "%05d", Math.floorMod(h >>> 20, 100_000L))
            + "，查获中华(硬)卷烟三十条，当事人无法提供准运证，联系电话13"
            + String.format(Locale.ROOT, "%09d", Math.floorMod(h >>> 7, 1_000_000_000L))
            + "。";
    BureauId b = BureauId.of(bureau);
    return new SearchDocument(
        SearchDocument.caseId(b, CaseNumber.of(number)),
        SearchDocument.Kind.CASE,
        b,
        CaseCategory.UNLICENSED_TRANSPORT,
        DAY0.plusDays(i),
        1_350_000,
        6_000,
        Disposition.PENDING,
        List.of("中华"),
        number,
        narrative,
        "兴和县城关镇307国道检查站",
        List.of(),
        true,
        1);
  }

  static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
