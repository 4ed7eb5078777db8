import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.search.CaseIndex;
import io.liaison.search.IndexOptions;
import io.liaison.search.Facet;
import io.liaison.search.SearchDocument;
import io.liaison.search.SearchHit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResult;
import io.liaison.search.analysis.ChineseAnalyzers;
import io.liaison.fixtures.demo.DemoCases;
import io.liaison.fixtures.demo.DemoRegion;
import io.liaison.search.ident.EntityExtractor;
import io.liaison.search.ident.ExtractedEntity;
import io.liaison.search.internal.Schema;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Search benchmark (issue 7): rebuild N generated cases, then identifier lookups and full-text
 * queries with filters and facets through CaseIndex, each interleaved with a bare Lucene query of
 * the same shape on the same index. Usage: SearchBench [N] [indexDir].
 */
public class SearchBench {
  static final long SEED = 42;
  static final List<String> PHRASES =
      List.of("城关镇", "柴沟堡", "隆盛庄", "新平堡", "收费站", "寄递渠道", "假冒注册商标", "面包车", "准运证",
          "快递网点", "物流园", "农贸市场", "龙泉镇", "南壕堑", "举报线索", "中文警语");
  static final Facet[] FACETS = {Facet.BUREAU, Facet.CATEGORY, Facet.MONTH, Facet.BRAND};

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("search-bench");
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "N = %,d cases, index in %s, -Xmx%dm, load average at start %s",
        n, dir, Runtime.getRuntime().maxMemory() >> 20, loadAverage()));

    // Generator alone, so that its share of the rebuild time is known.
    DemoCases.cases(SEED + 7, 20_000).forEach(c -> {}); // JIT warm-up
    long g0 = System.nanoTime();
    long gc0 = threadCpu();
    long chars = DemoCases.cases(SEED, 100_000).mapToLong(c -> c.narrative().length()).sum();
    double genCpuPerCase = (threadCpu() - gc0) / 1e9 / 100_000;
    double genRate = 100_000 / ((System.nanoTime() - g0) / 1e9);
    out.add(String.format(Locale.ROOT, "generator alone: %,.0f cases/s wall, %.0f µs CPU per case (avg narrative %d chars)", genRate, genCpuPerCase * 1e6, chars / 100_000));

    HeapSampler heap = new HeapSampler();
    heap.start();
    IndexOptions options = IndexOptions.defaults();
    CaseIndex index = CaseIndex.open(dir, options);
    long t0 = System.nanoTime();
    long cpu0 = processCpu();
    long[] lastReport = {0};
    long indexed = index.rebuild(
        () -> DemoCases.cases(SEED, n).map(SearchDocument::ofCase).iterator(),
        done -> {
          if (done - lastReport[0] >= 100_000) {
            lastReport[0] = done;
            System.err.printf("indexed %,d%n", done);
          }
        });
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (processCpu() - cpu0) / 1e9;
    double indexCpuPerDoc = (cpuSeconds - n * genCpuPerCase) / n;
    out.add(String.format(Locale.ROOT,
        "rebuild (generate + extract + analyse + write, %d index threads, generator on the caller thread): %,d docs in %.1f s = **%,.0f docs/s** wall",
        options.indexThreads(), indexed, seconds, indexed / seconds));
    out.add(String.format(Locale.ROOT,
        "rebuild CPU: %.0f s of process CPU (JIT included), of which ~%.0f s generating; indexing alone %.0f µs CPU per case = **%,.0f docs/s per core, %,.0f docs/s on 2 idle cores**",
        cpuSeconds, n * genCpuPerCase, indexCpuPerDoc * 1e6, 1 / indexCpuPerDoc, 2 / indexCpuPerDoc));
    long peak = heap.finish();
    out.add(String.format(Locale.ROOT, "heap: peak sampled during rebuild %,d MB (includes garbage); live after GC %,d MB",
        peak >> 20, liveHeap() >> 20));
    out.add(String.format(Locale.ROOT, "index size on disk after rebuild: **%,.0f MB** (%.0f bytes/case)", size(dir) / 1e6, size(dir) / (double) n));

    // Incremental upserts, one thread (the node's indexing worker).
    int extra = 20_000;
    DemoCases more = new DemoCases(SEED + 1, extra + 1_000);
    List<SearchDocument> fresh = new ArrayList<>();
    for (int i = 0; i < extra; i++) {
      fresh.add(renamed(SearchDocument.ofCase(more.generate(i).record()), "new-"));
    }
    long u0 = System.nanoTime();
    long uc0 = processCpu();
    for (SearchDocument d : fresh) {
      index.upsert(d);
    }
    double upsertRate = extra / ((System.nanoTime() - u0) / 1e9);
    double upsertCpu = (processCpu() - uc0) / 1e9 / extra;
    out.add(String.format(Locale.ROOT, "incremental upsert, one thread: %,.0f docs/s wall; %.0f µs process CPU per upsert (refreshes and merges included) = %,.0f docs/s per core (%,d new cases)",
        upsertRate, upsertCpu * 1e6, 1 / upsertCpu, extra));
    out.add(freshness(index, more, extra, 1_000, 200, options.refreshInterval()));
    index.commit("bench");

    Analyzer analyzer = ChineseAnalyzers.bigram();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher bare = new IndexSearcher(reader);
      out.add(String.format(Locale.ROOT, "segments: %d, docs %,d", reader.leaves().size(), reader.numDocs()));
      out.addAll(lookups(index, bare, n));
      out.addAll(fullText(index, bare, reader, analyzer));
    }
    index.close();
    out.add("live heap after GC at the end: " + (liveHeap() >> 20) + " MB; load average at end " + loadAverage());
    System.out.println();
    out.forEach(System.out::println);
  }

  /** Time from upsert until the record is searchable, at {@code rate} upserts per second. */
  static String freshness(CaseIndex index, DemoCases more, int from, int count, int rate, Duration refresh) throws Exception {
    List<String> ids = new ArrayList<>();
    long[] written = new long[count];
    long[] visible = new long[count];
    List<SearchDocument> docs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      docs.add(renamed(SearchDocument.ofCase(more.generate(from + i).record()), "fresh-"));
      ids.add(docs.get(i).id());
    }
    AtomicLong writtenCount = new AtomicLong();
    Thread poller = new Thread(() -> {
      int k = 0;
      try {
        while (k < count) {
          if (k < writtenCount.get() && index.get(ids.get(k)).isPresent()) {
            visible[k++] = System.nanoTime();
          } else {
            LockSupport.parkNanos(200_000);
          }
        }
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    poller.start();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (int i = 0; i < count; i++) {
      long due = start + i * interval;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime());
      }
      written[i] = System.nanoTime();
      index.upsert(docs.get(i));
      writtenCount.incrementAndGet();
    }
    poller.join();
    long[] lag = new long[count];
    for (int i = 0; i < count; i++) {
      lag[i] = visible[i] - written[i];
    }
    Arrays.sort(lag);
    return String.format(Locale.ROOT,
        "freshness (upsert → searchable on this node, %d upserts at %d/s, refresh every %d ms): p50 %.0f ms, p99 %.0f ms, max %.0f ms",
        count, rate, refresh.toMillis(), pct(lag, 50) / 1e6, pct(lag, 99) / 1e6, lag[count - 1] / 1e6);
  }

  record Lookup(io.liaison.search.ident.IdentifierType type, String raw, String term) {}

  static List<String> lookups(CaseIndex index, IndexSearcher bare, int n) throws Exception {
    Random r = new Random(7);
    DemoCases cases = new DemoCases(SEED, n);
    List<Lookup> queries = new ArrayList<>();
    while (queries.size() < 5_000) {
      List<ExtractedEntity> found = EntityExtractor.extract(cases.generate(r.nextInt(n)).record().narrative());
      if (!found.isEmpty()) {
        ExtractedEntity e = found.get(r.nextInt(found.size()));
        queries.add(new Lookup(e.type(), e.raw(), e.identifier().term()));
      }
    }
    Sort newest = new Sort(IntField.newSortField(Schema.DATE, true, SortedNumericSelector.Type.MIN), SortField.FIELD_DOC);
    Timer ours = new Timer();
    Timer base = new Timer();
    long oursHits = 0;
    long bareHits = 0;
    for (int round = 0; round < 2; round++) {
      boolean measure = round == 1;
      for (int i = 0; i < queries.size(); i++) {
        Lookup q = queries.get(i);
        for (int k = 0; k < 2; k++) {
          if ((i + k) % 2 == 0) {
            ours.start();
            List<SearchHit> hits = index.lookup(q.type(), q.raw());
            ours.stop(measure);
            oursHits += hits.size();
          } else {
            base.start();
            Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.IDENT, q.term())), Occur.FILTER)
                .add(Schema.HIDDEN_QUERY, Occur.MUST_NOT).build();
            ScoreDoc[] docs = bare.search(query, 10_000, newest).scoreDocs;
            StoredFields stored = bare.storedFields();
            for (ScoreDoc d : docs) {
              stored.document(d.doc, Schema.HIT_FIELDS);
            }
            base.stop(measure);
            bareHits += docs.length;
          }
        }
      }
    }
    return List.of(
        String.format(Locale.ROOT, "identifier lookup (%,d lookups of identifiers as written in narratives, all hits fetched, avg %.1f hits; our hits %,d = bare hits %,d):", queries.size(), oursHits / 2.0 / queries.size(), oursHits, bareHits),
        ours.row("CaseIndex.lookup(type, raw)"),
        base.row("bare Lucene: TermQuery(ident) − hidden, sorted by date, stored fields"),
        ratio(ours, base));
  }

  static List<String> fullText(CaseIndex index, IndexSearcher bare, DirectoryReader reader, Analyzer analyzer) throws Exception {
    Random r = new Random(11);
    List<SearchRequest> requests = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      SearchRequest.Builder b = SearchRequest.builder(PHRASES.get(r.nextInt(PHRASES.size())));
      if (r.nextBoolean()) {
        for (int k = 0; k <= r.nextInt(3); k++) {
          b.bureau(DemoRegion.COUNTIES.get(r.nextInt(6)).bureau());
        }
      }
      if (r.nextBoolean()) {
        b.category(CaseCategory.values()[r.nextInt(7)]);
      }
      if (r.nextBoolean()) {
        LocalDate from = DemoCases.FIRST_DAY.plusDays(r.nextInt(1000));
        b.dates(from, from.plusDays(30 + r.nextInt(300)));
      }
      b.facets(FACETS).facetSize(50).page(0, 20);
      requests.add(b.build());
    }
    SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
    QueryBuilder phrases = new QueryBuilder(analyzer);
    Timer ours = new Timer();
    Timer base = new Timer();
    Timer highlighted = new Timer();
    long oursTotal = 0;
    long bareTotal = 0;
    for (int round = 0; round < 2; round++) {
      boolean measure = round == 1;
      for (int i = 0; i < requests.size(); i++) {
        SearchRequest q = requests.get(i);
        for (int k = 0; k < 2; k++) {
          if ((i + k) % 2 == 0) {
            ours.start();
            SearchResult result = index.search(q);
            ours.stop(measure);
            oursTotal += result.total();
          } else {
            base.start();
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(hanPhrase(phrases, q.query()), Occur.MUST);
            if (!q.bureaus().isEmpty()) {
              b.add(new TermInSetQuery(Schema.BUREAU, q.bureaus().stream().map(BureauId::code).map(BytesRef::new).toList()), Occur.FILTER);
            }
            if (!q.categories().isEmpty()) {
              b.add(new TermQuery(new Term(Schema.CATEGORY, q.categories().iterator().next().name())), Occur.FILTER);
            }
            if (q.from() != null) {
              b.add(IntField.newRangeQuery(Schema.DATE, (int) q.from().toEpochDay(), (int) q.to().toEpochDay()), Occur.FILTER);
            }
            b.add(Schema.HIDDEN_QUERY, Occur.MUST_NOT);
            FacetsCollectorManager.FacetsResult res = FacetsCollectorManager.search(bare, b.build(), 20, new FacetsCollectorManager());
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, res.facetsCollector());
            for (Facet f : FACETS) {
              counts.getTopChildren(50, f.dim());
            }
            StoredFields stored = bare.storedFields();
            for (ScoreDoc d : res.topDocs().scoreDocs) {
              stored.document(d.doc, Schema.HIT_FIELDS);
            }
            base.stop(measure);
            bareTotal += res.facetsCollector().getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
          }
        }
      }
    }
    for (int round = 0; round < 2; round++) {
      for (SearchRequest q : requests.subList(0, 500)) {
        SearchRequest h = new SearchRequest(q.query(), q.bureaus(), q.categories(), q.dispositions(), q.brands(), q.kinds(),
            q.from(), q.to(), q.minValueFen(), q.maxValueFen(), q.sort(), q.offset(), q.limit(), q.facets(), q.facetSize(), true);
        highlighted.start();
        index.search(h);
        highlighted.stop(round == 1);
      }
    }
    return List.of(
        String.format(Locale.ROOT, "full text + filters + 4 facets, top 20 (%,d requests: a phrase, 0–3 bureaus, 0–1 category, 0–1 date range; avg %,.0f matches; our totals %,d = bare totals %,d):", requests.size(), oursTotal / 2.0 / requests.size(), oursTotal, bareTotal),
        ours.row("CaseIndex.search(request)"),
        base.row("bare Lucene: trigram TermQuery (3 chars) or trigrams + bigram PhraseQuery filter, + filters, FacetsCollectorManager, SSDV facet counts (state built once), stored fields"),
        ratio(ours, base),
        highlighted.row("CaseIndex.search with highlighted snippets (500 requests)"));
  }

  /**
   * The bare Lucene form of CaseIndex's query for a phrase of Han characters (all bench phrases
   * are): three characters are one term of the trigram field; longer ones need the trigrams side by
   * side that cover them (scored) and the bigram phrase as a filter.
   */
  static Query hanPhrase(QueryBuilder phrases, String text) {
    if (text.length() == 3) {
      return new TermQuery(new Term(Schema.TEXT3, text));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int start = 0; ; start = Math.min(start + 3, text.length() - 3)) {
      b.add(new TermQuery(new Term(Schema.TEXT3, text.substring(start, start + 3))), Occur.MUST);
      if (start == text.length() - 3) {
        break;
      }
    }
    b.add(phrases.createPhraseQuery(Schema.TEXT, text), Occur.FILTER);
    return b.build();
  }

  /** Wall and thread-CPU time per operation. */
  static final class Timer {
    final List<Long> nanos = new ArrayList<>();
    final List<Long> cpus = new ArrayList<>();
    long wall0;
    long cpu0;

    void start() {
      cpu0 = threadCpu();
      wall0 = System.nanoTime();
    }

    void stop(boolean measure) {
      long wall = System.nanoTime() - wall0;
      long cpu = threadCpu() - cpu0;
      if (measure) {
        nanos.add(wall);
        cpus.add(cpu);
      }
    }

    static long[] sorted(List<Long> values) {
      long[] a = values.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(a);
      return a;
    }

    String row(String what) {
      long[] a = sorted(nanos);
      long[] c = sorted(cpus);
      return String.format(Locale.ROOT, "  %s: wall p50 %.3f ms, p99 %.3f ms, mean %.3f ms; CPU p50 %.3f ms, p99 %.3f ms", what,
          pct(a, 50) / 1e6, pct(a, 99) / 1e6, Arrays.stream(a).average().orElse(0) / 1e6, pct(c, 50) / 1e6, pct(c, 99) / 1e6);
    }
  }

  static String ratio(Timer ours, Timer base) {
    long[] a = Timer.sorted(ours.nanos);
    long[] b = Timer.sorted(base.nanos);
    long[] ac = Timer.sorted(ours.cpus);
    long[] bc = Timer.sorted(base.cpus);
    return String.format(Locale.ROOT, "  ratio ours / bare: wall p50 **%.2f×**, p99 **%.2f×**; CPU p50 **%.2f×**, p99 **%.2f×**",
        pct(a, 50) / (double) pct(b, 50), pct(a, 99) / (double) pct(b, 99), pct(ac, 50) / (double) pct(bc, 50), pct(ac, 99) / (double) pct(bc, 99));
  }

  static long pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static long size(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static long threadCpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** A new id for a generated case, so that upserts add rather than replace. */
  static SearchDocument renamed(SearchDocument d, String prefix) {
    return new SearchDocument(prefix + d.id(), d.kind(), d.bureau(), d.category(), d.date(), d.valueFen(), d.sticks(),
        d.disposition(), d.brands(), d.title(), d.narrative(), d.address(), d.entities(), d.readable(), d.version());
  }

  static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static String loadAverage() throws Exception {
    return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
  }

  /** Samples heap use every 100 ms. */
  static final class HeapSampler extends Thread {
    volatile boolean running = true;
    volatile long peak;

    HeapSampler() {
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        LockSupport.parkNanos(100_000_000);
      }
    }

    long finish() throws InterruptedException {
      running = false;
      join();
      return peak;
    }
  }
}
