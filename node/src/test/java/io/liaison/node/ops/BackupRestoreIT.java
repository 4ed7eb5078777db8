package io.liaison.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.crypto.Hashes;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.ProcessCluster;
import io.liaison.node.TestCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md §14 as an operator does it, its command blocks run as written ({@link Guide}):
 * 兴和县's node is backed up with its attachments; leads are posted, claimed and fetched afterwards;
 * its disk is lost; it is restored from the backup while 天镇县 and 阳高县 keep running, and has back
 * what the backup held (leads and attachment files, served to the other bureaus again) and what was
 * made after it (from the grid).
 */
class BackupRestoreIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;

  @TempDir static Path dir;
  static ProcessCluster cluster;
  static Guide guide;
  static Path unit;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ProcessCluster(dir.resolve("region"), 3).startAll();
    guide = new Guide(dir);
    unit = Files.createDirectories(dir.resolve("unit"));
  }

  @AfterAll
  static void stop() throws Exception {
    Path pid = unit == null ? null : unit.resolve("pid");
    if (pid != null && Files.exists(pid)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aBureauRestoredFromItsBackupWhileTheOthersRunHasItsLeadsAndAttachmentsBack()
      throws Exception {
    String xinghe = cluster.url(XINGHE);
    byte[] before = bytes();
    String beforeHash = Hashes.sha256Hex(before);
    String leadBefore = post(XINGHE, before, "现场照片.jpg");

    // the node runs as the service the guide's commands stop and start
    cluster.serviceFiles(XINGHE, unit);
    Path vault = Files.createDirectories(dir.resolve("vault"));
    Map<String, String> env = new HashMap<>();
    env.put("NODE", xinghe);
    env.put("TOKEN", Http.token(xinghe));
    env.put("DATA", cluster.dataDir(XINGHE).toString());
    env.put("VAULT", vault.toString());
    env.put("LIAISON_UNIT", unit.toString());
    guide.run("backup", dir, env, Duration.ofMinutes(2));
    Path backup;
    try (Stream<Path> files = Files.list(vault)) {
      List<Path> dbs = files.filter(f -> f.toString().endsWith(".db")).toList();
      assertThat(dbs).as("the backup file in the vault").hasSize(1);
      backup = dbs.get(0);
    }
    assertThat(vault.resolve("attachments").resolve(beforeHash)).hasBinaryContent(before);

    // after the backup: 天镇县 claims the first lead; 兴和县 posts another with a file, which
    // 天镇县 fetches; 天镇县 posts one of its own
    assertThat(claim(TIANZHEN, leadBefore).status()).isEqualTo(200);
    byte[] after = bytes();
    String afterHash = Hashes.sha256Hex(after);
    String leadAfter = post(XINGHE, after, "询问笔录.pdf");
    assertThat(fetch(TIANZHEN, afterHash).body()).isEqualTo(after);
    String theirs = post(TIANZHEN, null, null);
    Await.until(
        Duration.ofSeconds(20),
        () -> Http.get(xinghe + "/api/v1/leads/" + theirs).status() == 200,
        "天镇县's lead on 兴和县");

    // the disk is lost: the node dies, its data folder is gone
    cluster.kill(XINGHE);
    deleteTree(cluster.dataDir(XINGHE));
    Files.createDirectories(cluster.dataDir(XINGHE));

    env.put("BACKUP", backup.toString());
    String out = guide.run("restore", dir, env, Duration.ofMinutes(3));
    assertThat(out).contains("\"indexedSeq\"");
    Http.signIn(xinghe, TestCluster.OFFICERS.get(XINGHE), TestCluster.PASSWORD);

    // what the backup held, with its file, served again to the other bureaus
    assertThat(Http.get(xinghe + "/api/v1/leads/" + leadBefore).status()).isEqualTo(200);
    assertThat(fetch(XINGHE, beforeHash).body()).isEqualTo(before);
    // (天镇县 never fetched it: this copy is fetched from 兴和县's restored node now)
    assertThat(fetch(TIANZHEN, beforeHash).body()).isEqualTo(before);
    // what was made after it, back from the grid: the claim, the later lead, 天镇县's lead
    Await.until(
        Duration.ofSeconds(30),
        () -> {
          var v = Http.get(xinghe + "/api/v1/leads/" + leadBefore).json();
          return v.at("/status/state").asText().equals("CLAIMED")
              && v.at("/status/owner").asText().equals("140222");
        },
        "the claim made after the backup, on the restored node");
    Await.until(
        Duration.ofSeconds(30),
        () ->
            Http.get(xinghe + "/api/v1/leads/" + leadAfter).status() == 200
                && Http.get(xinghe + "/api/v1/leads/" + theirs).status() == 200,
        "the leads posted after the backup, on the restored node");
    // the file uploaded after the backup was on the lost disk only: 天镇县 still serves its copy
    assertThat(fetch(TIANZHEN, afterHash).body()).isEqualTo(after);
    // and the restored node searches what it has again
    Await.until(
        Duration.ofSeconds(30),
        () -> {
          var s = Http.get(xinghe + "/api/v1/search/status").json();
          return s.get("indexedSeq").asLong() >= s.get("storeSeq").asLong();
        },
        "the rebuilt index caught up");
  }

  static byte[] bytes() {
    byte[] b = new byte[40_000];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  /** Posts a lead on node i, with a file when {@code file} is given; its id. */
  static String post(int i, byte[] file, String name) {
    String url = cluster.url(i);
    String attachments = "";
    if (file != null) {
      Http.Response up =
          Http.send(
              HttpRequest.newBuilder(URI.create(url + "/api/v1/attachments"))
                  .header("Content-Type", "application/octet-stream")
                  .header("X-Filename", "file")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
      assertThat(up.status()).as(up.body()).isEqualTo(201);
      attachments =
          ",\"attachments\":["
              + up.body().replace("\"name\":\"file\"", "\"name\":\"" + name + "\"")
              + "]";
    }
    Http.Response r =
        Http.postJson(
            url + "/api/v1/leads",
            """
            {"officer":"%s","category":"UNLICENSED_TRANSPORT","title":"无证运输线索",
             "narrative":"一辆晋B牌照厢式货车多次往返阳高、天镇运输卷烟。"%s}
            """
                .formatted(ProcessCluster.officer(i), attachments));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static Http.Response claim(int i, String id) {
    return Http.postJson(
        cluster.url(i) + "/api/v1/leads/" + id + "/transitions",
        "{\"event\":\"CLAIM\",\"officer\":\"" + ProcessCluster.officer(i) + "\"}");
  }

  /** An attachment of 兴和县's through node i (from its copy or fetched from 兴和县). */
  static HttpResponse<byte[]> fetch(int i, String hash) throws Exception {
    HttpResponse<byte[]> r =
        Http.client()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            cluster.url(i) + "/api/v1/attachments/" + hash + "?origin=150924"))
                    .header("Authorization", "Bearer " + Http.token(cluster.url(i)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as("attachment %s through node %d", hash, i).isEqualTo(200);
    return r;
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
