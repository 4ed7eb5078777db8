package io.liaison.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.crypto.KeyFiles;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.ProcessCluster;
import io.liaison.node.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md §13 as the authority and 天镇县's administrator do it, its command blocks run as
 * written ({@link Guide}): 天镇县's keys rotated (roster v3 made, published on 兴和县's node, the node
 * switched to the new key file and restarted), then the new signing key revoked as lost with a
 * rotation (roster v6). Between publication and switch 天镇县 refuses to sign; after each switch it
 * signs again and every node verifies what it signed, and what it signed before stays valid.
 */
class KeyRotationIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;

  @TempDir static Path dir;
  static ProcessCluster cluster;
  static Guide guide;
  static Path unit;
  static Path authority;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ProcessCluster(dir.resolve("region"), 3).startAll();
    guide = new Guide(dir);
    unit = Files.createDirectories(dir.resolve("unit"));
    authority = Files.createDirectories(dir.resolve("authority"));
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
  void rotationThenRevocationOfALostKeyAsTheGuideSays() throws Exception {
    String before = post(TIANZHEN);
    // the authority's machine; its key file's passphrase is the one the new key files get, so
    // the node's (LIAISON_KEY_PASSPHRASE here) must be it too
    Files.copy(cluster.rosterFile(), authority.resolve("roster-v1.json"));
    KeyFiles.writeAuthority(
        authority.resolve("authority.key"),
        cluster.authority(),
        "test-passphrase".toCharArray(),
        KeyFiles.Kdf.FAST);
    Files.writeString(authority.resolve("authority.pass"), "test-passphrase\n");
    cluster.serviceFiles(TIANZHEN, unit);
    Map<String, String> env = new HashMap<>();
    env.put("NODE", cluster.url(XINGHE));
    env.put("TOKEN", Http.token(cluster.url(XINGHE)));
    env.put("CONF", cluster.nodeDir(TIANZHEN).toString());
    env.put("LIAISON_UNIT", unit.toString());

    // rotation
    assertThat(guide.run("rotate-roster", authority, env, Duration.ofMinutes(2)))
        .contains("roster v3 written to roster-v3.json");
    guide.run("rotate-publish", authority, env, Duration.ofMinutes(1));
    awaitRoster(3);
    Http.Response refused = tryPost(TIANZHEN);
    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.json().get("type").asText()).endsWith("/signing-key-revoked");
    guide.run("rotate-switch", authority, env, Duration.ofMinutes(1));
    awaitBack(TIANZHEN);
    String rotated = post(TIANZHEN);
    verifiedEverywhere(before);
    verifiedEverywhere(rotated);

    // revocation of the new signing key, as lost, with a rotation
    String lost = signingKey(TIANZHEN);
    env.put("KEY_ID", lost);
    assertThat(guide.run("revoke-roster", authority, env, Duration.ofMinutes(2)))
        .contains("roster v6 written to roster-v6.json");
    guide.run("revoke-publish", authority, env, Duration.ofMinutes(1));
    awaitRoster(6);
    assertThat(key(XINGHE, lost).hasNonNull("revokedAt")).as("%s revoked", lost).isTrue();
    guide.run("revoke-switch", authority, env, Duration.ofMinutes(1));
    awaitBack(TIANZHEN);
    assertThat(signingKey(TIANZHEN)).isNotEqualTo(lost);
    String afterRevocation = post(TIANZHEN);
    verifiedEverywhere(afterRevocation);
    // signed before the revocation: still valid
    verifiedEverywhere(rotated);
    verifiedEverywhere(before);
  }

  static void awaitRoster(int version) {
    for (int i = 0; i < 3; i++) {
      String url = cluster.url(i);
      Await.until(
          Duration.ofSeconds(30),
          () -> Http.get(url + "/api/v1/roster").json().get("version").asInt() == version,
          "roster v" + version + " on " + url);
    }
  }

  /** Waits until the restarted node is ready and signs in again. */
  static void awaitBack(int i) {
    Await.until(Duration.ofSeconds(120), () -> cluster.ready(i), "node " + i + " back");
    Http.signIn(cluster.url(i), TestCluster.OFFICERS.get(i), TestCluster.PASSWORD);
  }

  /** The id of the signing key the roster on node {@code i} names for 天镇县 now. */
  static String signingKey(int i) {
    for (JsonNode m : Http.get(cluster.url(i) + "/api/v1/roster").json().get("members")) {
      if (m.get("bureau").asText().equals("140222")) {
        for (JsonNode k : m.get("keys")) {
          if (k.get("use").asText().equals("SIGNING") && !k.hasNonNull("revokedAt")) {
            return k.get("keyId").asText();
          }
        }
      }
    }
    throw new AssertionError("no valid signing key of 140222 on node " + i);
  }

  static JsonNode key(int i, String keyId) {
    for (JsonNode m : Http.get(cluster.url(i) + "/api/v1/roster").json().get("members")) {
      for (JsonNode k : m.get("keys")) {
        if (k.get("keyId").asText().equals(keyId)) {
          return k;
        }
      }
    }
    throw new AssertionError("no key " + keyId + " on node " + i);
  }

  static void verifiedEverywhere(String id) {
    for (int i = 0; i < 3; i++) {
      String url = cluster.url(i);
      Await.until(
          Duration.ofSeconds(30),
          () -> Http.get(url + "/api/v1/leads/" + id).status() == 200,
          id + " on " + url);
      JsonNode v = Http.get(url + "/api/v1/leads/" + id).json();
      assertThat(v.at("/proof/verified").asBoolean()).as("%s verified on %s", id, url).isTrue();
    }
  }

  static Http.Response tryPost(int i) {
    return Http.postJson(
        cluster.url(i) + "/api/v1/leads",
        """
        {"officer":"%s","category":"UNLICENSED_TRANSPORT","title":"无证运输线索",
         "narrative":"一辆晋B牌照厢式货车多次往返阳高、天镇运输卷烟。"}
        """
            .formatted(ProcessCluster.officer(i)));
  }

  static String post(int i) {
    Http.Response r = tryPost(i);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }
}
