package io.liaison.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BuildInfo;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERSION = System.getProperty("liaison.dist.version");
  private static final List<String> CODES = List.of("150924", "150981", "140222");
  private static final Set<Integer> TAKEN = new HashSet<>();

  @TempDir Path tmp;
  private final List<Process> nodes = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
    Path home = tmp.resolve("opt");
    Files.createDirectories(home);
    assertThat(home).isEmptyDirectory();
    run(home, "tar", "-xzf", System.getProperty("liaison.dist.tarball"));
    Path dist = home.resolve("liaison-" + VERSION);
    assertThat(dist.resolve("bin/liaison-node")).isExecutable();
    assertThat(dist.resolve("bin/liaison")).isExecutable();
    assertThat(dist.resolve("etc/node.json")).isRegularFile();
    assertThat(Files.readString(dist.resolve("etc/liaison-node.service")))
        .contains("ExecStart=/opt/liaison/bin/liaison-node run -c /etc/liaison/node.json");
    assertThat(dist.resolve("lib/liaison-node-" + VERSION + ".jar")).isRegularFile();
    assertThat(dist.resolve("lib/liaison-clients-" + VERSION + ".jar")).isRegularFile();
    assertThat(dist.resolve("licences/hazelcast-jar/META-INF")).isDirectory();
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
      Path cfg = editSample(dist, region, i, clusterName, authorityPub, httpPorts, clusterPorts);
      Path log = region.resolve(CODES.get(i)).resolve("node.log");
      ProcessBuilder pb =
          new ProcessBuilder(
                  dist.resolve("bin/liaison-node").toString(), "run", "-c", cfg.toString())
              .directory(region.resolve(CODES.get(i)).toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java") + "");
      pb.environment().put("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
      nodes.add(pb.start());
    }
    for (int i = 0; i < CODES.size(); i++) {
      String base = "http://127.0.0.1:" + httpPorts.get(i);
      Path log = region.resolve(CODES.get(i)).resolve("node.log");
      int node = i;
      await(
          "node " + CODES.get(i) + " ready (log " + log + ")",
          Duration.ofSeconds(180),
          () -> nodes.get(node).isAlive() && status(base + "/health/ready") == 200);
      JsonNode health = JSON.readTree(get(base + "/health/ready", null).body());
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
    String id = JSON.readTree(posted.body()).path("id").asText();
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
    assertThat(JSON.readTree(claimed.body()).path("status").path("state").asText())
        .isEqualTo("CLAIMED");
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

  private static Path editSample(
      Path dist,
      Path region,
      int i,
      String clusterName,
      String authorityPub,
      List<Integer> httpPorts,
      List<Integer> clusterPorts)
      throws IOException {
    String code = CODES.get(i);
    ObjectNode cfg = (ObjectNode) JSON.readTree(dist.resolve("etc/node.json").toFile());
    cfg.put("bureau", code);
    ObjectNode httpCfg = (ObjectNode) cfg.path("http");
    httpCfg.put("host", "127.0.0.1").put("port", httpPorts.get(i));
    // loopback test: plain HTTP instead of the sample's TLS files (§4)
    httpCfg.remove("tls");
    httpCfg.put("plaintext", true);
    ObjectNode cluster = (ObjectNode) cfg.path("cluster");
    cluster.put("name", clusterName).put("host", "127.0.0.1").put("port", clusterPorts.get(i));
    var members = cluster.putArray("members");
    clusterPorts.forEach(p -> members.add("127.0.0.1:" + p));
    Path bureau = region.resolve(code);
    cfg.put("dataDir", bureau.resolve("data").toString());
    ObjectNode trust = (ObjectNode) cfg.path("trust");
    trust.put("keyFile", bureau.resolve("bureau.key").toString());
    trust.put("rosterFile", region.resolve("roster.json").toString());
    trust.put("authorityPublicKey", authorityPub);
    trust.put("passphraseFile", bureau.resolve("passphrase").toString());
    Path file = bureau.resolve("node-from-sample.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), cfg);
    return file;
  }

  private String login(String base, String officer, String password) throws Exception {
    HttpResponse<String> r =
        post(
            base + "/api/v1/auth/login",
            null,
            "{\"officer\":\"" + officer + "\",\"password\":\"" + password + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("accessToken").asText();
  }

  private HttpResponse<String> post(String url, String token, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int status(String url) {
    try {
      return get(url, null).statusCode();
    } catch (java.io.UncheckedIOException e) {
      return -1; // not listening yet
    }
  }

  private static void await(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      TimeUnit.MILLISECONDS.sleep(250); // polling interval of a condition with a deadline
    }
  }

  /** Runs a command in {@code dir}, asserts exit status 0, answers its output trimmed. */
  private static String run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    return out.trim();
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

  /** A port below Linux's ephemeral range that this JVM has not handed out and that is free. */
  private static synchronized int freePort() throws IOException {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20000, 32000);
      if (TAKEN.contains(port)) {
        continue;
      }
      try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
        TAKEN.add(port);
        return port;
      } catch (IOException busy) {
        // try another
      }
    }
    throw new IOException("no free port");
  }
}
