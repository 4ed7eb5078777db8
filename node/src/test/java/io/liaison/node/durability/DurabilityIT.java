package io.liaison.node.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.ProcessCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: three nodes as separate JVM processes under a load of posts and
 * claims, one killed with SIGKILL mid-load and restarted; then every node killed and restarted;
 * then a node that was down catching up while the author of the records is down too; and a corrupt
 * store refused at start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurabilityIT {
  @TempDir static Path dir;
  static ProcessCluster cluster;

  /** Acknowledged posts: lead id → node that acknowledged it. */
  static final Map<String, Integer> posted = new ConcurrentHashMap<>();

  /** Acknowledged claims: lead id → winning bureau. */
  static final Map<String, String> claimed = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = new ProcessCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static Http.Response tryPost(int node) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(cluster.url(node) + "/api/v1/leads"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"officer":"%s","category":"UNLICENSED_TRANSPORT","title":"无证运输线索",
                     "narrative":"一辆晋B牌照厢式货车多次往返阳高、天镇运输卷烟。"}
                    """
                        .formatted(ProcessCluster.officer(node)))));
  }

  static Http.Response tryClaim(int node, String id) {
    return Http.send(
        HttpRequest.newBuilder(
                URI.create(cluster.url(node) + "/api/v1/leads/" + id + "/transitions"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"event\":\"CLAIM\",\"officer\":\"" + ProcessCluster.officer(node) + "\"}")));
  }

  /** Posts and claims on random live nodes until stopped; records what was acknowledged. */
  static void load(AtomicBoolean running, List<Integer> nodes) {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    while (running.get()) {
      int node = nodes.get(rnd.nextInt(nodes.size()));
      try {
        Http.Response r = tryPost(node);
        if (r.status() == 201) {
          String id = r.json().get("id").asText();
          posted.put(id, node);
          int claimer = 1 + rnd.nextInt(2); // 天镇县 or 阳高县 (兴和县 posts on node 0)
          if (node != 0 || rnd.nextBoolean()) {
            claimer = nodes.contains(claimer) ? claimer : nodes.get(0);
          }
          Http.Response c = tryClaim(claimer, id);
          if (c.status() == 200) {
            String winner = c.json().at("/status/owner").asText();
            String prior = claimed.putIfAbsent(id, winner);
            assertThat(prior == null || prior.equals(winner)).isTrue();
          }
        }
      } catch (AssertionError connectionRefused) {
        // a killed node: nothing was acknowledged
      }
    }
  }

  static void assertEverythingAcknowledgedIsEverywhere() {
    for (int node = 0; node < 3; node++) {
      int n = node;
      Await.until(
          Duration.ofSeconds(60),
          () ->
              posted.keySet().stream()
                  .allMatch(id -> Http.get(cluster.url(n) + "/api/v1/leads/" + id).status() == 200),
          "all " + posted.size() + " acknowledged leads on node " + n);
    }
    for (String id : posted.keySet()) {
      Await.until(
          Duration.ofSeconds(30),
          () -> {
            JsonNode a = Http.get(cluster.url(0) + "/api/v1/leads/" + id).json();
            JsonNode b = Http.get(cluster.url(1) + "/api/v1/leads/" + id).json();
            JsonNode c = Http.get(cluster.url(2) + "/api/v1/leads/" + id).json();
            return a.get("status").equals(b.get("status"))
                && b.get("status").equals(c.get("status"));
          },
          "identical status of " + id + " on all nodes");
      JsonNode v = Http.get(cluster.url(2) + "/api/v1/leads/" + id).json();
      assertThat(v.at("/proof/verified").asBoolean()).isTrue();
      long claims =
          v.get("history").findValuesAsText("event").stream().filter("CLAIM"::equals).count();
      assertThat(claims).as("claims of %s", id).isLessThanOrEqualTo(1);
      if (claimed.containsKey(id)) {
        assertThat(v.at("/status/owner").asText()).isEqualTo(claimed.get(id));
      }
    }
  }

  @Test
  @Order(1)
  void aNodeKilledMidLoadLosesNothingAcknowledged() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      pool.submit(() -> load(running, List.of(0, 1, 2)));
    }
    Await.until(Duration.ofSeconds(60), () -> posted.size() >= 100, "100 acknowledged posts");
    cluster.kill(2);
    int atKill = posted.size();
    Await.until(Duration.ofSeconds(60), () -> posted.size() >= atKill + 100, "load continues");
    running.set(false);
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    cluster.start(2);
    assertEverythingAcknowledgedIsEverywhere();
    assertThat(claimed).isNotEmpty();
  }

  @Test
  @Order(2)
  void aFullClusterRestartAfterSigkillBringsEverythingBack() throws Exception {
    for (int i = 0; i < 30; i++) {
      Http.Response r = tryPost(i % 3);
      assertThat(r.status()).isEqualTo(201);
      posted.put(r.json().get("id").asText(), i % 3);
    }
    for (int i = 0; i < 3; i++) {
      cluster.kill(i);
    }
    for (int i = 0; i < 3; i++) {
      cluster.start(i);
    }
    assertEverythingAcknowledgedIsEverywhere();
    for (int i = 0; i < 3; i++) {
      for (String bureau : List.of("150924", "140222", "140221")) {
        int n = i;
        Await.until(
            Duration.ofSeconds(20),
            () ->
                Http.get(cluster.url(n) + "/api/v1/audit/chains/" + bureau)
                    .json()
                    .get("intact")
                    .asBoolean(),
            "chain of " + bureau + " intact on node " + n);
      }
    }
  }

  @Test
  @Order(3)
  void aNodeThatWasDownCatchesUpEvenWhenTheAuthorIsDown() throws Exception {
    cluster.stop(2);
    List<String> fresh = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Http.Response r = tryPost(0);
      assertThat(r.status()).isEqualTo(201);
      fresh.add(r.json().get("id").asText());
    }
    Await.until(
        Duration.ofSeconds(20),
        () ->
            fresh.stream()
                .allMatch(id -> Http.get(cluster.url(1) + "/api/v1/leads/" + id).status() == 200),
        "node 1 has the new leads");
    cluster.kill(0);
    cluster.start(2);
    for (String id : fresh) {
      JsonNode v = Http.get(cluster.url(2) + "/api/v1/leads/" + id).json();
      assertThat(v.get("originBureau").asText()).isEqualTo("150924");
    }
    cluster.start(0);
  }

  @Test
  @Order(4)
  void aCorruptStoreIsRefusedAtStartWithAClearMessage() throws Exception {
    cluster.stop(1);
    Path db = cluster.dataDir(1).resolve("liaison.db");
    byte[] bytes = Files.readAllBytes(db);
    for (int i = 8192; i < bytes.length; i += 5) {
      bytes[i] = 0x33;
    }
    Files.write(db, bytes);
    Files.deleteIfExists(cluster.dataDir(1).resolve("liaison.db-wal"));
    Process p = cluster.launch(1);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(cluster.fullLog(1)).contains("is corrupt").contains("liaison.db");
  }
}
