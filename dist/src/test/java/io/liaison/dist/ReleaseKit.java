package io.liaison.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the release tests do as a bureau's administrator would: run the release's commands, edit the
 * sample configuration as docs/operations.md §2 says, and talk to the nodes over HTTP.
 */
final class ReleaseKit {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> TAKEN = new HashSet<>();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ReleaseKit() {}

  /**
   * The sample {@code etc/node.json} of {@code dist} edited for bureau {@code code} on loopback
   * (§2): bureau, http, cluster, dataDir and trust; plain HTTP instead of the sample's TLS files
   * (§4); written as {@code <region>/<code>/node-from-sample.json}.
   */
  static Path editSample(
      Path dist,
      Path region,
      String code,
      String clusterName,
      String authorityPub,
      int httpPort,
      int clusterPort,
      List<Integer> clusterPorts)
      throws IOException {
    ObjectNode cfg = (ObjectNode) JSON.readTree(dist.resolve("etc/node.json").toFile());
    cfg.put("bureau", code);
    ObjectNode httpCfg = (ObjectNode) cfg.path("http");
    httpCfg.put("host", "127.0.0.1").put("port", httpPort);
    httpCfg.remove("tls");
    httpCfg.put("plaintext", true);
    ObjectNode cluster = (ObjectNode) cfg.path("cluster");
    cluster.put("name", clusterName).put("host", "127.0.0.1").put("port", clusterPort);
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

  /** Starts {@code bin/liaison-node run -c cfg} of {@code dist}, its output to {@code log}. */
  static Process startNode(Path dist, Path cfg, Path workDir, Path log) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(dist.resolve("bin/liaison-node").toString(), "run", "-c", cfg.toString())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java") + "");
    pb.environment().put("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    return pb.start();
  }

  static String login(String base, String officer, String password) throws Exception {
    HttpResponse<String> r =
        post(
            base + "/api/v1/auth/login",
            null,
            "{\"officer\":\"" + officer + "\",\"password\":\"" + password + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("accessToken").asText();
  }

  static HttpResponse<String> post(String url, String token, String body) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  static HttpResponse<String> get(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return send(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The HTTP status of a GET, or -1 while nothing listens. */
  static int status(String url) {
    try {
      return get(url, null).statusCode();
    } catch (UncheckedIOException e) {
      return -1;
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void await(String what, Duration limit, BooleanSupplier condition)
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
  static String run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    return out.trim();
  }

  /** Unpacks a release tarball into the empty folder {@code into}, answers its one folder. */
  static Path unpack(Path tarball, Path into) throws Exception {
    Files.createDirectories(into);
    assertThat(into).isEmptyDirectory();
    run(into, "tar", "-xzf", tarball.toString());
    try (var children = Files.list(into)) {
      List<Path> all = children.toList();
      assertThat(all).as("one folder in " + tarball).hasSize(1);
      return all.get(0);
    }
  }

  /** A port below Linux's ephemeral range that this JVM has not handed out and that is free. */
  static synchronized int freePort() throws IOException {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20000, 32000);
      if (TAKEN.contains(port)) {
        continue;
      }
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
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
