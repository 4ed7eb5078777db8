package io.liaison.dist;

import static io.liaison.dist.ReleaseKit.JSON;
import static io.liaison.dist.ReleaseKit.await;
import static io.liaison.dist.ReleaseKit.editSample;
import static io.liaison.dist.ReleaseKit.freePort;
import static io.liaison.dist.ReleaseKit.get;
import static io.liaison.dist.ReleaseKit.json;
import static io.liaison.dist.ReleaseKit.login;
import static io.liaison.dist.ReleaseKit.post;
import static io.liaison.dist.ReleaseKit.run;
import static io.liaison.dist.ReleaseKit.startNode;
import static io.liaison.dist.ReleaseKit.status;
import static io.liaison.dist.ReleaseKit.unpack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BuildInfo;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as a bureau receives it: the tarball unpacked into an empty folder, three nodes
 * started from its {@code bin/liaison-node} with the sample configuration edited as
 * docs/operations.md §2 says, a lead posted on one and claimed on another; the OCI image's
 * configuration read back from its tar.
 */
class DistributionIT {
  private static final String VERSION = System.getProperty("liaison.dist.version");
  private static final List<String> CODES = List.of("150924", "150981", "140222");

  @TempDir Path tmp;
  private final List<Process> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (Process p : nodes) {
      p.destroy(); // SIGTERM: the node leaves the cluster and closes its store
    }
    for (Process p : nodes) {
      if (!p.waitFor(40, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void unpackedReleaseRunsThreeNodesThatShareAndClaimALead() throws Exception {
    Path dist = unpack(Path.of(System.getProperty("liaison.dist.tarball")), tmp.resolve("opt"));
    assertThat(dist.getFileName()).hasToString("liaison-" + VERSION);
    assertThat(dist.resolve("bin/liaison-node")).isExecutable();
    assertThat(dist.resolve("bin/liaison")).isExecutable();
    assertThat(dist.resolve("etc/node.json")).isRegularFile();
    assertThat(Files.readString(dist.resolve("etc/liaison-node.service")))
        .contains("ExecStart=/opt/liaison/bin/liaison-node run -c /etc/liaison/node.json");
    assertThat(dist.resolve("lib/liaison-node-" + VERSION + ".jar")).isRegularFile();
    assertThat(dist.resolve("lib/liaison-clients-" + VERSION + ".jar")).isRegularFile();
    assertThat(dist.resolve("licences/hazelcast-jar/META-INF")).isDirectory();
    assertThat(Files.readString(dist.resolve("LICENSE")))
        .contains("Apache License", "Version 2.0, January 2004");
    assertThat(Files.readString(dist.resolve("THIRD-PARTY.txt"))).contains("com.hazelcast");

    BuildInfo build = BuildInfo.current();
    String expected = " " + VERSION + " (commit " + build.commit() + ")";
    assertThat(run(dist, "bin/liaison-node", "--version")).isEqualTo("liaison-node" + expected);
    assertThat(run(dist, "bin/liaison", "--version")).isEqualTo("liaison" + expected);

    // keys, roster and demo officers (what the authority hands each bureau, §3)
    Path region = tmp.resolve("region");
    run(dist, "bin/liaison-node", "demo-init", "--dir", region.toString());
    String authorityPub = Files.readString(region.resolve("authority.pub")).trim();
    String clusterName = "dist-it-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    List<Integer> httpPorts = new ArrayList<>();
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < CODES.size(); i++) {
      httpPorts.add(freePort());
      clusterPorts.add(freePort());
    }
    for (int i = 0; i < CODES.size(); i++) {
      Path cfg =
          editSample(
              dist,
              region,
              CODES.get(i),
              clusterName,
              authorityPub,
              httpPorts.get(i),
              clusterPorts.get(i),
              clusterPorts);
      Path bureau = region.resolve(CODES.get(i));
      nodes.add(startNode(dist, cfg, bureau, bureau.resolve("node.log")));
    }
    for (int i = 0; i < CODES.size(); i++) {
      String base = "http://127.0.0.1:" + httpPorts.get(i);
      Path log = region.resolve(CODES.get(i)).resolve("node.log");
      int node = i;
      await(
          "node " + CODES.get(i) + " ready (log " + log + ")",
          Duration.ofSeconds(180),
          () -> nodes.get(node).isAlive() && status(base + "/health/ready") == 200);
      JsonNode health = json(get(base + "/health/ready", null));
      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.path("version").asText()).isEqualTo(VERSION);
      assertThat(health.path("commit").asText()).isEqualTo(build.commit());
      assertThat(Files.readAllLines(log).get(0))
          .contains("liaison-node starting version=" + VERSION + " commit=" + build.commit());
    }

    // a lead posted on 兴和县's node for 天镇县, claimed on 天镇县's node
    String n1 = "http://127.0.0.1:" + httpPorts.get(0);
    String n3 = "http://127.0.0.1:" + httpPorts.get(2);
    String t1 = login(n1, "150924-001", "liaison-150924");
    HttpResponse<String> posted =
        post(
            n1 + "/api/v1/leads",
            t1,
            """
            {"officer":"150924-001","category":"UNLICENSED_TRANSPORT",
             "title":"蒙J·3K582 面包车夜间往天镇方向运烟",
             "narrative":"车牌号为蒙J·3K582的白色面包车每周二夜间经307国道往天镇县方向运输卷烟。",
             "entities":[{"type":"PLATE","value":"蒙J·3K582"}],
             "location":"兴和县城关镇307国道","urgency":"PRIORITY","targetBureaus":["140222"]}
            """);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    String id = json(posted).path("id").asText();
    String t3 = login(n3, "140222-001", "liaison-140222");
    await(
        "lead " + id + " on 天镇县's node",
        Duration.ofSeconds(60),
        () -> get(n3 + "/api/v1/leads/" + id, t3).statusCode() == 200);
    HttpResponse<String> claimed =
        post(
            n3 + "/api/v1/leads/" + id + "/transitions",
            t3,
            "{\"event\":\"CLAIM\",\"officer\":\"140222-001\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
    assertThat(json(claimed).path("status").path("state").asText()).isEqualTo("CLAIMED");
  }

  @Test
  void imageTarHasTheNodeAsEntrypointAndNamesItsBuild() throws Exception {
    Path image = tmp.resolve("image");
    Files.createDirectories(image);
    run(image, "tar", "-xf", System.getProperty("liaison.dist.image"));
    assertThat(Files.readString(image.resolve("oci-layout"))).contains("imageLayoutVersion");
    JsonNode index = JSON.readTree(image.resolve("index.json").toFile());
    JsonNode manifest = blob(image, index.path("manifests").path(0).path("digest").asText());
    JsonNode config = blob(image, manifest.path("config").path("digest").asText()).path("config");

    List<String> entrypoint = texts(config.path("Entrypoint"));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint)
        .contains(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "-Dfile.encoding=UTF-8");
    assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo("io.liaison.node.Main");
    assertThat(texts(config.path("Cmd"))).containsExactly("run", "-c", "/etc/liaison/node.json");
    assertThat(config.path("ExposedPorts").has("8443/tcp")).isTrue();
    assertThat(config.path("Volumes").has("/var/lib/liaison")).isTrue();
    assertThat(config.path("User").asText()).isEqualTo("10001:10001");
    JsonNode labels = config.path("Labels");
    assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
    assertThat(labels.path("org.opencontainers.image.revision").asText())
        .isEqualTo(BuildInfo.current().commit());

    // the node's own jar is in a layer, where the class path file says
    StringBuilder listing = new StringBuilder();
    for (JsonNode layer : manifest.path("layers")) {
      listing.append(run(image, "tar", "-tzf", blobPath(image, layer.path("digest").asText())));
    }
    assertThat(listing.toString())
        .contains("app/libs/liaison-node-" + VERSION + ".jar", "app/jib-classpath-file");
  }

  private static JsonNode blob(Path image, String digest) throws IOException {
    return JSON.readTree(Files.readString(Path.of(blobPath(image, digest))));
  }

  private static String blobPath(Path image, String digest) {
    assertThat(digest).startsWith("sha256:");
    return image.resolve("blobs/sha256").resolve(digest.substring(7)).toString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
