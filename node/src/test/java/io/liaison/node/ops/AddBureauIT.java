package io.liaison.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.crypto.KeyFiles;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md §16 as the authority and the new bureau's administrator do it, its command
 * blocks run as written ({@link Guide}): a running region of three bureaus (兴和县, 天镇县, 阳高县) gets a
 * new member, 阳原县 130727 — the next roster version made with {@code liaison-node roster --add},
 * published on one node, the new node configured and started as a service — and the new bureau
 * works with the others at once: its lead is read and verified on every node, it claims another
 * bureau's lead, and every node stays ready (the newcomer proves its roster key).
 */
class AddBureauIT {
  static final String NEW = "130727";

  @TempDir static Path dir;
  static TestCluster cluster;
  static Guide guide;
  static Path unit;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir.resolve("region"), 3).startAll();
    guide = new Guide(dir);
    unit = Files.createDirectories(dir.resolve("unit"));
  }

  @AfterAll
  static void stop() throws Exception {
    Path pid = unit == null ? null : unit.resolve("pid");
    if (pid != null && Files.exists(pid)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
          .ifPresent(
              p -> {
                p.destroy();
                p.onExit().join();
              });
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aNewBureauJoinsTheRunningRegionAndWorksWithTheOthersAtOnce() throws Exception {
    // the authority's machine: the newest roster, the authority key and its passphrase
    Path authorityDir = Files.createDirectories(dir.resolve("authority"));
    Files.copy(cluster.dir().resolve("roster.json"), authorityDir.resolve("roster-v3.json"));
    char[] pass = "authority-passphrase-一二三".toCharArray();
    KeyFiles.writeAuthority(
        authorityDir.resolve("authority.key"), cluster.authority(), pass, KeyFiles.Kdf.FAST);
    Files.writeString(authorityDir.resolve("authority.pass"), new String(pass) + "\n");
    String made = guide.run("add-bureau-roster", authorityDir, Map.of(), Duration.ofMinutes(2));
    assertThat(made).contains("roster v2 written to roster-v4.json");

    // published on 天镇县's node; every node adopts it
    guide.run(
        "add-bureau-publish",
        authorityDir,
        Map.of("NODE", cluster.url(1), "TOKEN", Http.token(cluster.url(1))),
        Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      String url = cluster.url(i);
      Await.until(
          Duration.ofSeconds(20),
          () -> Http.get(url + "/api/v1/roster").json().get("version").asInt() == 2,
          "roster v2 on node " + url);
    }

    // the new bureau's machine: node.json as §2 says, the files carried over, the service started
    Path conf = Files.createDirectories(dir.resolve("yangyuan").resolve("etc"));
    int httpPort = TestCluster.freePort();
    int clusterPort = TestCluster.freePort();
    ObjectNode cfg = Json.mapper().createObjectNode();
    cfg.put("bureau", NEW);
    cfg.putObject("http").put("host", "127.0.0.1").put("port", httpPort).put("plaintext", true);
    ObjectNode cl = cfg.putObject("cluster");
    cl.put("name", cluster.config(0).cluster().name())
        .put("host", "127.0.0.1")
        .put("port", clusterPort)
        .put("joinWaitSeconds", 0);
    List<String> members = new ArrayList<>(cluster.config(0).cluster().members());
    members.add("127.0.0.1:" + clusterPort);
    members.forEach(cl.putArray("members")::add);
    cfg.put("dataDir", dir.resolve("yangyuan").resolve("data").toString());
    cfg.putObject("trust")
        .put("keyFile", NEW + ".key")
        .put("rosterFile", "roster-v4.json")
        .put(
            "authorityPublicKey",
            Base64.getUrlEncoder().withoutPadding().encodeToString(cluster.authority().publicKey()))
        .put("passphraseFile", "key-passphrase");
    cfg.putObject("security").put("requestsPerMinute", 1_000_000).put("loginsPerMinute", 10_000);
    Files.writeString(conf.resolve("node.json"), cfg.toPrettyString());
    Files.writeString(conf.resolve("key-passphrase"), new String(pass) + "\n");
    Path adminPass = Files.writeString(dir.resolve("admin.pass"), TestCluster.PASSWORD + "\n");
    Path run =
        Files.writeString(
            unit.resolve("run"),
            "#!/bin/sh\nexec "
                + dir.resolve("bin").resolve("liaison-node")
                + " run -c "
                + conf.resolve("node.json")
                + "\n");
    run.toFile().setExecutable(true);
    String newNode = "http://127.0.0.1:" + httpPort;
    guide.run(
        "add-bureau-start",
        authorityDir,
        Map.of(
            "CONF",
            conf.toString(),
            "ADMIN_PASS",
            adminPass.toString(),
            "NEW_NODE",
            newNode,
            "LIAISON_UNIT",
            unit.toString()),
        Duration.ofMinutes(3));

    // it works with the others at once
    Http.signIn(newNode, NEW + "-900", TestCluster.PASSWORD);
    for (int i = 0; i < 3; i++) {
      assertThat(Http.get(cluster.url(i) + "/health/ready").status())
          .as("node %d ready with the newcomer in the grid", i)
          .isEqualTo(200);
    }
    // (the first administrator has ADMIN only: enrol a liaison officer to post and claim)
    Http.Response enrolled =
        Http.postJson(
            newNode + "/api/v1/admin/officers",
            """
            {"id":"130727-001","name":"联络员","roles":["LIAISON"],"password":"%s"}
            """
                .formatted(TestCluster.PASSWORD));
    assertThat(enrolled.status()).as(enrolled.body()).isBetween(200, 201);
    Http.signIn(newNode, NEW + "-001", TestCluster.PASSWORD);
    Http.Response posted =
        Http.postJson(
            newNode + "/api/v1/leads",
            """
            {"officer":"130727-001","category":"UNLICENSED_TRANSPORT","title":"无证运输线索",
             "narrative":"一辆冀G牌照货车从阳原运卷烟到天镇。"}
            """);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String theirs = posted.json().get("id").asText();
    for (int i = 0; i < 3; i++) {
      String url = cluster.url(i);
      Await.until(
          Duration.ofSeconds(20),
          () -> Http.get(url + "/api/v1/leads/" + theirs).status() == 200,
          "阳原县's lead on " + url);
      assertThat(Http.get(url + "/api/v1/leads/" + theirs).json().at("/proof/verified").asBoolean())
          .isTrue();
    }
    Http.Response ours =
        Http.postJson(
            cluster.url(0) + "/api/v1/leads",
            """
            {"officer":"%s","category":"UNLICENSED_TRADE","title":"无证批发线索",
             "narrative":"怀疑有人在阳原县境内无证批发卷烟。"}
            """
                .formatted(TestCluster.OFFICERS.get(0)));
    assertThat(ours.status()).as(ours.body()).isEqualTo(201);
    String id = ours.json().get("id").asText();
    Await.until(
        Duration.ofSeconds(20),
        () -> Http.get(newNode + "/api/v1/leads/" + id).status() == 200,
        "兴和县's lead on 阳原县's node");
    Http.Response claimed =
        Http.postJson(
            newNode + "/api/v1/leads/" + id + "/transitions",
            "{\"event\":\"CLAIM\",\"officer\":\"130727-001\"}");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
    Await.until(
        Duration.ofSeconds(20),
        () ->
            Http.get(cluster.url(0) + "/api/v1/leads/" + id)
                .json()
                .at("/status/owner")
                .asText()
                .equals(NEW),
        "阳原县's claim seen by 兴和县");
  }
}
