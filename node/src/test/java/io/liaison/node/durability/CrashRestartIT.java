package io.liaison.node.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.ProcessCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * A node killed with SIGKILL under load starts again without reading its whole store first (the
 * main file is what its last checkpoint left), serves everything it acknowledged, and checks the
 * whole file in the background; a store damaged while the node was down is still refused, with
 * status 2, whether the damage shows in the file's fingerprint or only to the full check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRestartIT {
  @TempDir static Path dir;
  static ProcessCluster cluster;
  static final Set<String> posted = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws Exception {
    cluster = new ProcessCluster(dir, 1).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static Http.Response tryPost() {
    return Http.send(
        HttpRequest.newBuilder(URI.create(cluster.url(0) + "/api/v1/leads"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"officer":"%s","category":"UNLICENSED_TRANSPORT","title":"无证运输线索",
                     "narrative":"一辆晋B牌照厢式货车多次往返阳高、天镇运输卷烟。"}
                    """
                        .formatted(ProcessCluster.officer(0)))));
  }

  /**
   * Posts with four clients until {@code atLeast} are acknowledged and a checkpoint marked at
   * change {@code minSeq} or later has just completed (its marker seen changing between two polls),
   * then kills the node. A kill during a checkpoint (the marker removed, not yet written again)
   * rightly leads to the full check at start: these tests need the kill to miss that window.
   */
  static void killUnderLoadAfterACheckpoint(int atLeast, long minSeq) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    int before = posted.size();
    for (int i = 0; i < 4; i++) {
      clients.submit(
          () -> {
            while (running.get()) {
              try {
                Http.Response r = tryPost();
                if (r.status() == 201) {
                  posted.add(r.json().get("id").asText());
                }
              } catch (AssertionError connectionRefused) {
                // the killed node: nothing acknowledged
              }
            }
          });
    }
    long[] seen = {markedSeq()};
    Await.until(
        Duration.ofSeconds(180),
        () -> {
          long now = markedSeq();
          boolean fresh = now != seen[0] && now >= minSeq;
          seen[0] = now;
          return fresh && posted.size() >= before + atLeast;
        },
        atLeast + " posts and a checkpoint just marked");
    cluster.kill(0);
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  static String metrics() {
    return Http.get(cluster.url(0) + "/metrics").body();
  }

  /** Launches the node, expects it to exit with status 2 and returns what it logged. */
  static String assertExits2() throws Exception {
    int from = cluster.fullLog(0).length();
    Process p = cluster.launch(0);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    return cluster.fullLog(0).substring(from);
  }

  /** Launches the node and expects it to refuse its store before it serves anything. */
  static void assertRefused() throws Exception {
    assertThat(assertExits2())
        .contains("cannot start: store file")
        .contains("liaison.db is corrupt")
        .doesNotContain("node ready");
  }

  /** The change-log position of the last marked checkpoint (-1 without a marker). */
  static long markedSeq() {
    try {
      String[] w =
          Files.readString(cluster.dataDir(0).resolve("liaison.db.checkpoint")).strip().split(" ");
      return Long.parseLong(w[1]);
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  @Test
  @Order(1)
  void aNodeKilledUnderLoadStartsWithoutTheFullCheckAndServesEverythingItAcknowledged()
      throws Exception {
    killUnderLoadAfterACheckpoint(300, 0);
    cluster.startAsIs(0);
    assertThat(cluster.fullLog(0))
        .contains("main file unchanged since its last checkpoint: full integrity check skipped");
    assertThat(metrics()).containsPattern("liaison_store_open_check\\{[^}]*check=\"checkpoint\"");
    for (String id : posted) {
      assertThat(Http.get(cluster.url(0) + "/api/v1/leads/" + id).status())
          .as("lead %s acknowledged before the kill", id)
          .isEqualTo(200);
    }
    Await.until(
        Duration.ofSeconds(60),
        () -> metrics().contains("liaison_store_full_check_pending{bureau=\"150924\"} 0.0"),
        "the background full check passed");
    assertThat(cluster.fullLog(0)).contains("store full integrity check passed");
  }

  @Test
  @Order(2)
  void aStoreDamagedAfterTheKillIsRefused() throws Exception {
    // the background check passed: the next checkpoint is marked (at the latest when idle)
    Path marker = cluster.dataDir(0).resolve("liaison.db.checkpoint");
    Await.until(Duration.ofSeconds(30), () -> Files.exists(marker), "a marked checkpoint");
    killUnderLoadAfterACheckpoint(100, 0);
    Path db = cluster.dataDir(0).resolve("liaison.db");
    assertThat(marker).exists();
    byte[] bytes = Files.readAllBytes(db);
    for (int i = bytes.length / 3; i < bytes.length * 2 / 3; i += 5) {
      bytes[i] = 0x33;
    }
    Files.write(db, bytes);
    assertRefused();
  }

  @Test
  @Order(3)
  void damageTheFingerprintCannotSeeIsFoundByTheFullCheckAndRefusedFromThen() throws Exception {
    // a clean copy of the damaged store is not to be had: start from a fresh node's store
    Path data = cluster.dataDir(0);
    try (var files = Files.list(data)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("liaison.db")).toList()) {
        Files.delete(f);
      }
    }
    posted.clear();
    cluster.start(0);
    // until a checkpoint has taken a few hundred records into the main file (at the latest 30 s
    // after the WAL's first frame)
    killUnderLoadAfterACheckpoint(300, 200);
    Path db = data.resolve("liaison.db");
    assertThat(data.resolve("liaison.db.checkpoint")).exists();
    var mtime = Files.getLastModifiedTime(db);
    byte[] bytes = Files.readAllBytes(db);
    assertThat(bytes.length).isGreaterThan(4 * 64 * 1024);
    // pages between the first and the last 64 KiB, size and time kept: only the full check sees it
    for (int i = 128 * 1024; i < bytes.length - 128 * 1024; i += 5) {
      bytes[i] = 0x33;
    }
    Files.write(db, bytes);
    Files.setLastModifiedTime(db, mtime);
    // found at open (a damaged page on the path of what is checked there) or by the background
    // check after ready; either way status 2
    assertThat(assertExits2()).contains("is corrupt");
    // and from then on at once, by the full check at open (no marker was left to trust)
    assertRefused();
  }
}
