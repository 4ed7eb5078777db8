package io.liaison.node.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.cases.CaseRecord;
import io.liaison.crypto.Hashes;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import io.liaison.node.cluster.GridConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes take in a batch of cases put on the grid together (as a register import puts
 * them, one {@code setAll}): every node — the signer's included — verifies each record, stores,
 * indexes and links the good ones and quarantines a forged one in the middle on its own. A node
 * that was stopped takes in what it missed in batches: one store transaction and a few index writes
 * for many records (the intake metrics; one of each per record before the batching).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseIntakeIT {
  static final Duration WAIT = Duration.ofSeconds(90);
  static final String PLATE = "蒙J·8K316";

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new TestCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  @Order(1)
  void aForgedRecordInTheMiddleOfABatchIsQuarantinedAndTheOthersAreTakenInOnEveryNode()
      throws Exception {
    // 天镇县 shared a case by hand: same van as batch case 7
    Http.Response tianzhen =
        Http.postJson(
            cluster.url(1) + "/api/v1/cases",
            """
            {"caseNumber":"天烟立字〔2025〕第301号","category":"无证运输","foundOn":"2025-03-02",
             "filedOn":"2025-03-02","valueYuan":"27000","disposition":"PENDING",
             "narrative":"天镇县物流点查获无证运输卷烟，送货车辆蒙J8K316。",
             "location":{"countyCode":"140222","town":"玉泉镇","address":"天镇县玉泉镇物流园"},
             "entities":[{"type":"PLATE","value":"蒙J·8K316"}],
             "items":[{"brand":"中华","spec":"硬","quantity":"60条"}]}
            """);
    assertThat(tianzhen.status()).as(tianzhen.body()).isEqualTo(201);

    int good = 40;
    Map<String, String> batch = new LinkedHashMap<>();
    String forgedKey = null;
    for (int i = 1; i <= good + 1; i++) {
      SharedCase rec = sign(number(2023, i), i == 7 ? PLATE : null, "2023-05-" + day(i));
      String json = rec.json();
      if (i == good / 2) {
        // altered after signing: the value says 1,350 元 more than what was signed
        forgedKey = rec.id();
        String altered = json.replace("1350000", "1485000");
        assertThat(altered).isNotEqualTo(json);
        batch.put(rec.id(), altered);
      } else {
        batch.put(rec.id(), json);
      }
    }
    IMap<String, String> grid = cluster.node(0).hazelcast().getMap(GridConfig.CASES);
    grid.setAll(batch);

    String forged = forgedKey;
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          WAIT,
          () -> total(node, "from=2023-01-01&to=2023-12-31&kind=case&bureau=150924") == good,
          good + " good cases of the batch searchable on node " + node);
      Await.until(
          WAIT,
          () -> quarantined(node, "case/" + forged),
          "the forged case quarantined on node " + node);
      assertThat(Http.get(cluster.url(node) + "/api/v1/cases/" + enc(forged)).status())
          .as("the forged case is not stored on node %d", node)
          .isEqualTo(404);
      String first = "case:150924:" + number(2023, 1);
      assertThat(Http.get(cluster.url(node) + "/api/v1/cases/" + enc(first)).status())
          .isEqualTo(200);
      Await.until(
          WAIT,
          () -> {
            String body = Http.get(cluster.url(node) + "/api/v1/networks").body();
            return body.contains("case:150924:" + number(2023, 7))
                && body.contains("case:140222:天烟立字〔2025〕第301号");
          },
          "batch case 7 linked with 天镇县's case on node " + node);
    }
  }

  @Test
  @Order(2)
  void aNodeThatWasStoppedTakesInWhatItMissedInBatches() throws Exception {
    cluster.stop(2);
    int missed = 120;
    Map<String, String> batch = new LinkedHashMap<>();
    for (int i = 1; i <= missed; i++) {
      SharedCase rec = sign(number(2022, i), null, "2022-04-" + day(i));
      batch.put(rec.id(), rec.json());
    }
    IMap<String, String> grid = cluster.node(0).hazelcast().getMap(GridConfig.CASES);
    grid.setAll(batch);
    Await.until(
        WAIT,
        () -> total(0, "from=2022-01-01&to=2022-12-31&kind=case&bureau=150924") == missed,
        missed + " cases on node 0");

    cluster.start(2);
    Await.until(
        WAIT,
        () -> total(2, "from=2022-01-01&to=2022-12-31&kind=case&bureau=150924") == missed,
        missed + " missed cases searchable on node 2 after its restart");
    // the counters start at the restart: everything node 2 took in since came from the grid in
    // the reconciliation's pages of 500 values
    String metrics = Http.get(cluster.url(2) + "/metrics").body();
    org.slf4j.LoggerFactory.getLogger(CaseIntakeIT.class)
        .info("node 2 after its restart: {}", intake(metrics));
    double records = value(metrics, "liaison_cases_intake_records_total");
    double transactions = value(metrics, "liaison_cases_intake_transactions_total");
    assertThat(records).isGreaterThanOrEqualTo(missed);
    assertThat(transactions)
        .as("store transactions that took in %s cases (scrape: %s)", records, intake(metrics))
        .isLessThanOrEqualTo(2);
    double docs = value(metrics, "liaison_search_index_documents_total");
    double writes = value(metrics, "liaison_search_index_writes_total");
    assertThat(docs).isGreaterThanOrEqualTo(missed);
    // the indexer reads the store's change log 500 changes at a time: one store transaction's
    // changes are written in one call (more only if it woke while the transaction was committing)
    assertThat(writes).as("index write calls for %s documents", docs).isLessThanOrEqualTo(6);
  }

  /** A case of 兴和县 (150924), version 1, signed with node 0's key as sharing it would. */
  static SharedCase sign(String number, String plate, String foundOn) throws Exception {
    ObjectNode body = CaseBodies.tree(number, plate, foundOn, "批量" + tail(number) + "号案件，查获卷烟。");
    CaseRecord c = CaseInput.read(body, cluster.node(0).trust().bureau(), null).record();
    return SharedCase.first(
        cluster
            .node(0)
            .trust()
            .sign(
                SharedCase.payload(c),
                Hashes.GENESIS,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
  }

  static String number(int year, int i) {
    return "兴烟立字〔" + year + "〕第" + String.format("%04d", i) + "号";
  }

  static int tail(String number) {
    return Integer.parseInt(number.replaceAll(".*第0*(\\d+)号", "$1"));
  }

  static String day(int i) {
    return String.format("%02d", 1 + i % 28);
  }

  static boolean quarantined(int node, String recordKey) {
    for (JsonNode item :
        Http.get(cluster.url(node) + "/api/v1/admin/quarantine").json().get("items")) {
      if (recordKey.equals(item.path("recordKey").asText())) {
        return true;
      }
    }
    return false;
  }

  static JsonNode search(int node, String query) {
    return Http.get(cluster.url(node) + "/api/v1/search?" + query).json();
  }

  static long total(int node, String query) {
    return search(node, query + "&limit=1").get("total").asLong();
  }

  static String intake(String scrape) {
    return scrape
        .lines()
        .filter(l -> l.startsWith("liaison_cases_intake") || l.startsWith("liaison_search_index"))
        .toList()
        .toString();
  }

  static double value(String scrape, String meter) {
    Matcher m = Pattern.compile("(?m)^" + meter + "\\{[^}]*} ([0-9.eE+-]+)$").matcher(scrape);
    assertThat(m.find()).as("meter %s in the scrape", meter).isTrue();
    return Double.parseDouble(m.group(1));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
