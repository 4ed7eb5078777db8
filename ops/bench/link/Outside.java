import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.api.cases.Location;
import io.liaison.api.network.Network;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.LinkEngine;
import io.liaison.search.link.LinkRecord;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Links an outside evaluation set (cases.jsonl.gz, docs/linking.md "Evaluation on case files") the
 * way a node takes shared cases: each line becomes a {@link CaseRecord} (entities with their role),
 * {@link SearchDocument#ofCase}, and is upserted into a link engine with the default options, one
 * case at a time in date order from an empty engine. Writes, for each pool size N (the first N cases
 * by date): pred-N.jsonl (the networks, as {"cases":[…]}), truth-N/ (the set's truth cut to those N
 * cases, for score.py) and, with --relink, checks that a full relink gives the same networks.
 *
 * <p>Usage: Outside SET_DIR OUT_DIR POOLS(comma-separated, "all" = every case) [--relink]
 */
public class Outside {
  static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Path set = Path.of(args[0]);
    Path out = Path.of(args[1]);
    boolean relink = Arrays.asList(args).contains("--relink");
    Files.createDirectories(out);
    List<JsonNode> cases = new ArrayList<>();
    try (BufferedReader r = gz(set.resolve("cases.jsonl.gz"))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) cases.add(JSON.readTree(line));
      }
    }
    cases.sort(Comparator.comparing((JsonNode c) -> c.get("date").asText()).thenComparing(c -> c.get("caseId").asText()));
    List<Integer> pools = new ArrayList<>();
    for (String p : args[2].split(",")) {
      pools.add(p.equals("all") ? cases.size() : Math.min(cases.size(), Integer.parseInt(p)));
    }
    for (int n : pools) {
      run(set, out, cases.subList(0, n), relink);
    }
  }

  static void run(Path set, Path out, List<JsonNode> pool, boolean relink) throws Exception {
    int n = pool.size();
    Map<String, String> caseIdOf = new HashMap<>();
    List<SearchDocument> docs = new ArrayList<>();
    for (JsonNode c : pool) {
      SearchDocument d = SearchDocument.ofCase(caseRecord(c));
      caseIdOf.put(d.id(), c.get("caseId").asText());
      docs.add(d);
    }
    Path work = Files.createTempDirectory("link-outside");
    var cpu = ManagementFactory.getThreadMXBean();
    double[] ms = new double[n];
    List<Set<String>> nets;
    long t0 = System.nanoTime();
    try (LinkEngine engine = LinkEngine.open(work.resolve("incremental"))) {
      for (int i = 0; i < n; i++) {
        long c0 = cpu.getCurrentThreadCpuTime();
        engine.upsert(docs.get(i));
        ms[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
      }
      nets = partition(engine.networks(), caseIdOf);
      if (System.getenv("EXPLAIN") != null) explain(set, engine, caseIdOf);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    String same = "-";
    if (relink) {
      try (LinkEngine engine = LinkEngine.open(work.resolve("relink"))) {
        engine.relink(docs.stream().map(LinkRecord::open).toList(), x -> {});
        same = new HashSet<>(partition(engine.networks(), caseIdOf)).equals(new HashSet<>(nets)) ? "yes" : "NO";
      }
    }
    delete(work);
    Path pred = out.resolve("pred-" + n + ".jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(pred, StandardCharsets.UTF_8)) {
      for (Set<String> net : nets) {
        w.write(JSON.writeValueAsString(Map.of("cases", new ArrayList<>(net))));
        w.write('\n');
      }
    }
    truth(set, out.resolve("truth-" + n), pool);
    Arrays.sort(ms);
    System.err.printf(Locale.ROOT, "pool %d: %d networks, linked in %.1f s, CPU per case p50 %.2f ms p99 %.2f ms, relink = incremental: %s%n",
        n, nets.size(), secs, ms[n / 2], ms[Math.min(n - 1, (int) (n * 0.99))], same);
    System.out.println("POOL " + n + " " + pred + " " + out.resolve("truth-" + n) + " " + same);
  }

  /** Prints the links that join cases of different true networks (or a true singleton), with evidence. */
  static void explain(Path set, LinkEngine engine, Map<String, String> caseIdOf) throws Exception {
    Map<String, String> net = new HashMap<>();
    try (BufferedReader r = gz(set.resolve("networks.jsonl.gz"))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode n = JSON.readTree(line);
        n.get("cases").forEach(x -> net.put(x.asText(), n.get("networkId").asText()));
      }
    }
    int good = 0, bad = 0;
    for (Network n : engine.networks()) {
      var g = engine.graph(n.id()).orElseThrow();
      for (var e : g.edges()) {
        String a = caseIdOf.get(e.a()), b = caseIdOf.get(e.b());
        boolean ok = net.get(a) != null && net.get(a).equals(net.get(b));
        if (ok) { good++; if (System.getenv("EXPLAIN").equals("all")) System.err.println("GOOD " + a + " " + b + " " + e.evidence()); continue; }
        bad++;
        System.err.println("BAD " + a + "(" + net.get(a) + ") " + b + "(" + net.get(b) + ") " + String.format(Locale.ROOT, "%.3f", e.score()) + " " + e.evidence().stream().filter(x -> x.counted()).map(x -> x.kind() + "/" + x.type() + "/" + x.left() + "|" + x.right() + "/" + x.records() + "/" + x.weight()).toList());
      }
    }
    System.err.println("links true " + good + " false " + bad);
    Map<String, String> docOf = new HashMap<>();
    caseIdOf.forEach((d, c) -> docOf.put(c, d));
    Map<String, String> comp = new HashMap<>();
    for (Network n : engine.networks()) for (Network.Member m : n.members()) comp.put(caseIdOf.get(m.id()), n.id());
    Map<String, List<String>> byNet = new HashMap<>();
    net.forEach((c, nid) -> { if (docOf.containsKey(c)) byNet.computeIfAbsent(nid, k -> new ArrayList<>()).add(c); });
    for (var en : byNet.entrySet()) {
      List<String> cs = en.getValue();
      for (int i = 0; i < cs.size(); i++) for (int j = i + 1; j < cs.size(); j++) {
        String a = cs.get(i), b = cs.get(j);
        if (comp.get(a) != null && comp.get(a).equals(comp.get(b))) continue;
        var l = engine.explain(docOf.get(a), docOf.get(b));
        if (l.isPresent() && !l.get().evidence().isEmpty())
          System.err.println("MISS " + en.getKey() + " " + a + " " + b + String.format(Locale.ROOT, " %.3f ", l.get().score()) + l.get().evidence().stream().map(x -> x.kind() + "/" + x.type() + "/" + x.left() + "|" + x.right() + "/" + x.records() + "/" + x.weight()).toList());
      }
    }
  }

  /** The case as the case API would carry it: validated wire records, entities with role. */
  static CaseRecord caseRecord(JsonNode c) {
    String bureau = c.get("bureau").asText();
    LocalDate date = LocalDate.parse(c.get("date").asText());
    List<Entity> entities = new ArrayList<>();
    for (JsonNode e : c.path("entities")) {
      EntityType type = type(e.get("type").asText());
      String value = e.get("value").asText();
      if (type == null || value.isBlank()) continue;
      String role = e.hasNonNull("role") ? e.get("role").asText() : null;
      entities.add(Roles.entity(type, value, role));
    }
    String location = c.path("location").asText("");
    return new CaseRecord(
        CaseNumber.of(c.get("caseId").asText()),
        BureauId.of(bureau),
        CaseCategory.of(c.get("category").asText()),
        date,
        date,
        null,
        Location.of(bureau, null, location.isBlank() ? "不详" : location),
        entities,
        List.of(),
        0,
        Disposition.PENDING,
        0,
        List.of(),
        c.path("narrative").asText(""),
        1, 0, 0, 0L);
  }

  static EntityType type(String t) {
    return switch (t) {
      case "person" -> EntityType.PERSON;
      case "phone" -> EntityType.PHONE;
      case "plate" -> EntityType.PLATE;
      case "idcard" -> EntityType.ID_NUMBER;
      case "waybill" -> EntityType.WAYBILL;
      case "licence" -> EntityType.LICENCE;
      case "bank", "wechat" -> EntityType.ACCOUNT;
      case "address" -> EntityType.ADDRESS;
      case "brand" -> EntityType.BRAND;
      default -> null;
    };
  }

  static List<Set<String>> partition(List<Network> networks, Map<String, String> caseIdOf) {
    List<Set<String>> out = new ArrayList<>();
    for (Network net : networks) {
      Set<String> s = new TreeSet<>();
      for (Network.Member m : net.members()) s.add(caseIdOf.get(m.id()));
      out.add(s);
    }
    return out;
  }

  /** The set's truth restricted to the pool (networks with at least two members in it). */
  static void truth(Path set, Path dir, List<JsonNode> pool) throws Exception {
    Files.createDirectories(dir);
    Set<String> ids = new HashSet<>();
    try (var w = gzw(dir.resolve("cases.jsonl.gz"))) {
      for (JsonNode c : pool) {
        ids.add(c.get("caseId").asText());
        w.write(JSON.writeValueAsString(Map.of("caseId", c.get("caseId").asText())) + "\n");
      }
    }
    try (BufferedReader r = gz(set.resolve("networks.jsonl.gz")); var w = gzw(dir.resolve("networks.jsonl.gz"))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode net = JSON.readTree(line);
        List<String> in = new ArrayList<>();
        net.get("cases").forEach(x -> { if (ids.contains(x.asText())) in.add(x.asText()); });
        if (in.size() >= 2) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("networkId", net.get("networkId").asText());
          m.put("size", in.size());
          m.put("cases", in);
          w.write(JSON.writeValueAsString(m) + "\n");
        }
      }
    }
    try (BufferedReader r = gz(set.resolve("truth_pairs.jsonl.gz")); var w = gzw(dir.resolve("truth_pairs.jsonl.gz"))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode p = JSON.readTree(line);
        if (ids.contains(p.get("a").asText()) && ids.contains(p.get("b").asText())) w.write(line + "\n");
      }
    }
  }

  static BufferedReader gz(Path p) throws Exception {
    return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8));
  }

  static BufferedWriter gzw(Path p) throws Exception {
    return new BufferedWriter(new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(p)), StandardCharsets.UTF_8));
  }

  static void delete(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Entities with their role (Entity#role). */
  static final class Roles {
    static Entity entity(EntityType type, String value, String role) {
      return new Entity(type, value, role);
    }
  }
}
