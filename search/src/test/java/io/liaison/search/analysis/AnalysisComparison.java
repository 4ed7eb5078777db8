package io.liaison.search.analysis;

import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.search.demo.DemoCases;
import io.liaison.search.demo.DemoRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * Measures recall and precision of CJK bigrams vs smartcn word segmentation (vs both) for the
 * phrase queries officers type, on generated cases. Truth is what the user means: for places and
 * phrases every case whose text contains the words; for brands the cases that seized the brand; for
 * people the cases naming exactly that person. Run: {@code ops/bench/search/compare-analysis.sh}.
 */
public final class AnalysisComparison {
  /** One mode of analysis and how its query is built. */
  enum Mode {
    BIGRAM,
    SMARTCN,
    BOTH
  }

  record Metrics(double recall, double precision, double precisionAt10, int queries) {}

  record QueryCase(String group, String text, Predicate<CaseRecord> truth) {}

  /** One query's outcome, for the list of worst queries. */
  record Outcome(Mode mode, String query, double recall, double precision) {}

  record Result(
      Map<String, Map<Mode, Metrics>> byGroup,
      List<Outcome> worst,
      Map<Mode, Metrics> overall,
      Map<Mode, Double> docsPerSecond,
      Map<Mode, Long> indexBytes) {}

  private AnalysisComparison() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Result r = run(n, 42);
    System.out.println(format(n, r));
  }

  static Result run(int n, long seed) throws IOException, ParseException {
    List<CaseRecord> cases = DemoCases.cases(seed, n).toList();
    Map<Mode, Double> rate = new LinkedHashMap<>();
    Map<Mode, Long> bytes = new LinkedHashMap<>();
    Path dir = Files.createTempDirectory("analysis-comparison");
    try {
      for (Mode m : List.of(Mode.BIGRAM, Mode.SMARTCN)) {
        if (n > 5_000) {
          index(dir.resolve("warm-" + m), cases.subList(0, 2_000), m); // JIT warm-up
        }
        Path single = dir.resolve(m.name());
        rate.put(m, n / (index(single, cases, m) / 1e9));
        bytes.put(m, size(single));
      }
      Path both = dir.resolve("both");
      index(both, cases, Mode.BOTH);
      bytes.put(Mode.BOTH, size(both));
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(both))) {
        return evaluate(new IndexSearcher(reader), cases, seed, rate, bytes);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Indexes the cases; returns the nanoseconds spent adding them (without the final merge). */
  private static long index(Path path, List<CaseRecord> cases, Mode mode) throws IOException {
    Analyzer analyzer =
        new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(
            ChineseAnalyzers.bigram(), Map.of("sm", ChineseAnalyzers.words()));
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64);
    try (IndexWriter w = new IndexWriter(FSDirectory.open(path), config)) {
      long t0 = System.nanoTime();
      for (CaseRecord c : cases) {
        Document d = new Document();
        String text = c.narrative() + "\n" + c.location().address();
        if (mode != Mode.SMARTCN) {
          d.add(new TextField("bi", text, Field.Store.NO));
        }
        if (mode != Mode.BIGRAM) {
          d.add(new TextField("sm", text, Field.Store.NO));
        }
        w.addDocument(d);
      }
      w.commit();
      long took = System.nanoTime() - t0;
      w.forceMerge(1);
      return took;
    }
  }

  private static Result evaluate(
      IndexSearcher searcher,
      List<CaseRecord> cases,
      long seed,
      Map<Mode, Double> rate,
      Map<Mode, Long> bytes)
      throws IOException, ParseException {
    QueryParser bi = parser("bi", ChineseAnalyzers.bigram());
    QueryParser sm = parser("sm", ChineseAnalyzers.words());
    Map<String, Map<Mode, List<double[]>>> raw = new LinkedHashMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (QueryCase q : queries(cases)) {
      BitSet truth = new BitSet(cases.size());
      for (int i = 0; i < cases.size(); i++) {
        if (q.truth().test(cases.get(i))) {
          truth.set(i);
        }
      }
      if (truth.isEmpty()) {
        continue;
      }
      Query qb = bi.parse(QueryParser.escape(q.text()));
      Query qs = sm.parse(QueryParser.escape(q.text()));
      Query both =
          new BooleanQuery.Builder()
              .add(qb, BooleanClause.Occur.SHOULD)
              .add(qs, BooleanClause.Occur.SHOULD)
              .build();
      Map<Mode, Query> byMode = Map.of(Mode.BIGRAM, qb, Mode.SMARTCN, qs, Mode.BOTH, both);
      for (Mode m : Mode.values()) {
        ScoreDoc[] hits = searcher.search(byMode.get(m), cases.size()).scoreDocs;
        int tp = 0;
        int top = 0;
        for (int k = 0; k < hits.length; k++) {
          if (truth.get(hits[k].doc)) {
            tp++;
            top += k < 10 ? 1 : 0;
          }
        }
        double recall = tp / (double) truth.cardinality();
        double precision = hits.length == 0 ? 1.0 : tp / (double) hits.length;
        double p10 = hits.length == 0 ? 0 : top / (double) Math.min(10, truth.cardinality());
        outcomes.add(new Outcome(m, q.text(), recall, precision));
        raw.computeIfAbsent(q.group(), g -> new LinkedHashMap<>())
            .computeIfAbsent(m, x -> new ArrayList<>())
            .add(new double[] {recall, precision, p10});
      }
    }
    Map<String, Map<Mode, Metrics>> byGroup = new LinkedHashMap<>();
    Map<Mode, List<double[]>> all = new LinkedHashMap<>();
    raw.forEach(
        (group, modes) -> {
          Map<Mode, Metrics> g = new LinkedHashMap<>();
          modes.forEach(
              (m, list) -> {
                g.put(m, mean(list));
                all.computeIfAbsent(m, x -> new ArrayList<>()).addAll(list);
              });
          byGroup.put(group, g);
        });
    Map<Mode, Metrics> overall = new LinkedHashMap<>();
    all.forEach((m, list) -> overall.put(m, mean(list)));
    List<Outcome> worst = new ArrayList<>();
    for (Mode m : Mode.values()) {
      outcomes.stream()
          .filter(o -> o.mode() == m && Math.min(o.recall(), o.precision()) < 1)
          .sorted(java.util.Comparator.comparingDouble(o -> Math.min(o.recall(), o.precision())))
          .limit(5)
          .forEach(worst::add);
    }
    return new Result(byGroup, worst, overall, rate, bytes);
  }

  private static QueryParser parser(String field, Analyzer analyzer) {
    QueryParser p = new QueryParser(field, analyzer);
    p.setSplitOnWhitespace(true);
    p.setAutoGeneratePhraseQueries(true);
    p.setDefaultOperator(QueryParser.Operator.AND);
    return p;
  }

  static List<QueryCase> queries(List<CaseRecord> cases) {
    List<QueryCase> q = new ArrayList<>();
    for (DemoRegion.County c : DemoRegion.COUNTIES) {
      q.add(contains("county", c.name().substring(0, 2)));
      for (String town : c.towns()) {
        q.add(contains("town", town));
        if (town.length() > 3) {
          q.add(contains("town without 镇/乡", town.substring(0, town.length() - 1)));
        }
      }
    }
    Set<String> brands = new LinkedHashSet<>();
    DemoRegion.BRANDS.forEach(b -> brands.add(b.name()));
    for (String b : brands) {
      q.add(
          new QueryCase(
              "brand", b, c -> c.items().stream().map(BrandItem::brand).anyMatch(b::equals)));
    }
    for (String p :
        List.of(
            "无证运输", "准运证", "假冒注册商标", "寄递渠道", "非渠道", "走私卷烟", "移送", "公安交警", "收费站", "快递网点", "朋友圈",
            "行政处罚", "来源证明", "举报线索", "中文警语", "先行登记保存", "物流园", "面包车", "越野车", "厢式货车", "烟酒商行", "便利店",
            "民房", "仓库", "农贸市场", "汽车站")) {
      q.add(contains("phrase", p));
    }
    Set<String> everyone = new LinkedHashSet<>();
    for (CaseRecord c : cases) {
      for (Entity e : c.entities()) {
        if (e.type() == EntityType.PERSON) {
          everyone.add(e.value());
        }
      }
    }
    Set<String> people = new LinkedHashSet<>();
    for (int i = 0; i < cases.size() && people.size() < 150; i += 97) {
      for (Entity e : cases.get(i).entities()) {
        if (e.type() == EntityType.PERSON) {
          people.add(e.value());
        }
      }
    }
    for (String name : people) {
      List<String> longer =
          everyone.stream().filter(x -> !x.equals(name) && x.contains(name)).toList();
      q.add(new QueryCase("person", name, c -> names(c, name, longer)));
    }
    return q;
  }

  /**
   * Whether the case names the person: listed as a PERSON entity, or written in the narrative and
   * not merely as part of a longer name (王伟 inside 王伟强 is someone else).
   */
  private static boolean names(CaseRecord c, String name, List<String> longer) {
    if (c.entities().stream()
        .anyMatch(e -> e.type() == EntityType.PERSON && e.value().equals(name))) {
      return true;
    }
    return c.narrative().contains(name) && longer.stream().noneMatch(c.narrative()::contains);
  }

  private static QueryCase contains(String group, String text) {
    return new QueryCase(
        group, text, c -> c.narrative().contains(text) || c.location().address().contains(text));
  }

  private static Metrics mean(List<double[]> list) {
    double r = 0;
    double p = 0;
    double t = 0;
    for (double[] x : list) {
      r += x[0];
      p += x[1];
      t += x[2];
    }
    return new Metrics(r / list.size(), p / list.size(), t / list.size(), list.size());
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static String format(int n, Result r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(Locale.ROOT, "Analysis comparison on %,d generated cases (seed 42)%n%n", n));
    b.append("| queries | n | mode | recall | precision | P@10 |\n|---|---|---|---|---|---|\n");
    r.byGroup()
        .forEach(
            (g, modes) ->
                modes.forEach(
                    (m, x) ->
                        b.append(
                            String.format(
                                Locale.ROOT,
                                "| %s | %d | %s | %.3f | %.3f | %.3f |%n",
                                g,
                                x.queries(),
                                m,
                                x.recall(),
                                x.precision(),
                                x.precisionAt10()))));
    r.overall()
        .forEach(
            (m, x) ->
                b.append(
                    String.format(
                        Locale.ROOT,
                        "| **all** | %d | %s | %.3f | %.3f | %.3f |%n",
                        x.queries(),
                        m,
                        x.recall(),
                        x.precision(),
                        x.precisionAt10())));
    b.append(
        "\nWorst queries per mode:\n\n| mode | query | recall | precision |\n|---|---|---|---|\n");
    for (Outcome o : r.worst()) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.3f | %.3f |%n",
              o.mode(),
              o.query(),
              o.recall(),
              o.precision()));
    }
    b.append(
        "\n| mode | index docs/s (1 thread, narrative + address) | index size |\n|---|---|---|\n");
    r.indexBytes()
        .forEach(
            (m, size) ->
                b.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %s | %.1f MB |%n",
                        m,
                        r.docsPerSecond().containsKey(m)
                            ? String.format(Locale.ROOT, "%,.0f", r.docsPerSecond().get(m))
                            : "(both fields)",
                        size / 1e6)));
    return b.toString();
  }
}
