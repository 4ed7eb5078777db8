package io.liaison.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.ProcessCluster;
import io.liaison.node.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md §17 as 兴和县's administrator does it, its command blocks run as written ({@link
 * Guide}): the node's configuration and data carried from its old machine to a new one (another
 * folder here) while 天镇县 and 阳高县 keep running; on the new machine it serves what it had, takes in
 * what was posted while it moved, and works with the others.
 */
class ReplaceMachineIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;

  @TempDir static Path dir;
  static ProcessCluster cluster;
  static Guide guide;
  static Path oldUnit;
  static Path newUnit;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ProcessCluster(dir.resolve("region"), 3).startAll();
    guide = new Guide(dir);
    oldUnit = Files.createDirectories(dir.resolve("old-unit"));
    newUnit = Files.createDirectories(dir.resolve("new-unit"));
  }

  @AfterAll
  static void stop() throws Exception {
    for (Path unit : new Path[] {oldUnit, newUnit}) {
      Path pid = unit == null ? null : unit.resolve("pid");
      if (pid != null && Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
            .ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aNodeMovedToANewMachineServesWhatItHadAndWhatCameMeanwhile() throws Exception {
    String xinghe = cluster.url(XINGHE);
    String before = post(XINGHE);
    cluster.serviceFiles(XINGHE, oldUnit);
    Path move = Files.createDirectories(dir.resolve("removable-media"));
    // the new machine's folders; node.json names the roster as ../roster.json, which the
    // region's folder holds for every node here
    Path newConf = dir.resolve("region").resolve("new-machine");
    Map<String, String> env = new HashMap<>();
    env.put("NODE", xinghe);
    env.put("MOVE", move.toString());

    env.put("CONF", cluster.nodeDir(XINGHE).toString());
    env.put("DATA", cluster.dataDir(XINGHE).toString());
    env.put("LIAISON_UNIT", oldUnit.toString());
    guide.run("replace-old", dir, env, Duration.ofMinutes(2));
    assertThat(cluster.ready(XINGHE)).as("the old machine's node stopped").isFalse();

    // while it moves, 天镇县 posts
    String meanwhile = post(TIANZHEN);

    List<String> command = new ArrayList<>(cluster.command(XINGHE));
    command.set(command.size() - 1, newConf.resolve("node.json").toString());
    StringBuilder run =
        new StringBuilder("#!/bin/sh\nexport LIAISON_KEY_PASSPHRASE='test-passphrase'\nexec");
    command.forEach(w -> run.append(" '").append(w).append('\''));
    Path script = Files.writeString(newUnit.resolve("run"), run.append('\n').toString());
    script.toFile().setExecutable(true);
    env.put("CONF", newConf.toString());
    env.put("DATA", newConf.resolve("data").toString());
    env.put("LIAISON_UNIT", newUnit.toString());
    guide.run("replace-new", dir, env, Duration.ofMinutes(3));

    Http.signIn(xinghe, TestCluster.OFFICERS.get(XINGHE), TestCluster.PASSWORD);
    assertThat(
            Http.get(xinghe + "/api/v1/leads/" + before).json().at("/proof/verified").asBoolean())
        .isTrue();
    Await.until(
        Duration.ofSeconds(30),
        () -> Http.get(xinghe + "/api/v1/leads/" + meanwhile).status() == 200,
        "天镇县's lead posted during the move, on the moved node");
    Http.Response claim =
        Http.postJson(
            xinghe + "/api/v1/leads/" + meanwhile + "/transitions",
            "{\"event\":\"CLAIM\",\"officer\":\"" + ProcessCluster.officer(XINGHE) + "\"}");
    assertThat(claim.status()).as(claim.body()).isEqualTo(200);
    String after = post(XINGHE);
    Await.until(
        Duration.ofSeconds(30),
        () -> Http.get(cluster.url(TIANZHEN) + "/api/v1/leads/" + after).status() == 200,
        "the moved node's new lead on 天镇县");
    // the store now lives on the new machine only
    assertThat(newConf.resolve("data").resolve("liaison.db")).exists();
  }

  static String post(int i) {
    Http.Response r =
        Http.postJson(
            cluster.url(i) + "/api/v1/leads",
            """
            {"officer":"%s","category":"UNLICENSED_TRANSPORT","title":"无证运输线索",
             "narrative":"一辆晋B牌照厢式货车多次往返阳高、天镇运输卷烟。"}
            """
                .formatted(ProcessCluster.officer(i)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }
}
