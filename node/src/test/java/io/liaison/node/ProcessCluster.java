package io.liaison.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.KeyFiles;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SigningKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Bureau nodes as separate JVM processes ({@code liaison-node run -c node.json}), so tests can
 * SIGKILL them: real keys and signed roster, a real SQLite file each, Hazelcast on 127.0.0.1 (or
 * the addresses of a {@link Placement}) with free ports and a random cluster name. Each node's
 * output goes to {@code <dir>/<bureau>/node.log}.
 */
public final class ProcessCluster implements AutoCloseable {
  static final String PASSPHRASE = "test-passphrase";
  private static final List<String> JVM_FLAGS =
      List.of(
          "-Xmx256m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Dfile.encoding=UTF-8",
          // the product's logging (INFO to standard output, i.e. node.log), not the tests' quiet
          // one
          "-Dlogback.configurationFile=logback.xml",
          "--add-exports",
          "java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.lang=ALL-UNNAMED",
          "--add-opens",
          "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens",
          "java.management/sun.management=ALL-UNNAMED",
          "--add-opens",
          "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  /**
   * Where and how each node runs: the address its Hazelcast member and HTTP API bind to, the words
   * put before its {@code java} command (e.g. {@code ip netns exec <namespace>}) and extra JVM
   * flags.
   */
  public record Placement(
      IntFunction<String> host, IntFunction<List<String>> commandPrefix, List<String> jvmFlags) {
    /** Every node on 127.0.0.1, started directly. */
    public static final Placement LOOPBACK =
        new Placement(i -> "127.0.0.1", i -> List.of(), List.of());
  }

  private final Path dir;
  private final int size;
  private final Placement placement;
  private final int[] httpPorts;
  private final Process[] processes;
  private final SigningKeyPair authority;

  public ProcessCluster(Path dir, int size) throws IOException {
    this(dir, size, Placement.LOOPBACK);
  }

  public ProcessCluster(Path dir, int size, Placement placement) throws IOException {
    this.dir = dir;
    this.size = size;
    this.placement = placement;
    this.httpPorts = new int[size];
    this.processes = new Process[size];
    String clusterName = "liaison-proc-" + UUID.randomUUID();
    int[] clusterPorts = new int[size];
    List<String> members = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      clusterPorts[i] = TestCluster.freePort();
      httpPorts[i] = TestCluster.freePort();
      members.add(placement.host().apply(i) + ":" + clusterPorts[i]);
    }
    SigningKeyPair authority = SigningKeyPair.generate();
    this.authority = authority;
    String authorityPub =
        Base64.getUrlEncoder().withoutPadding().encodeToString(authority.publicKey());
    Instant now = Instant.now().minusSeconds(60);
    List<Member> roster = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      BureauId id = TestCluster.BUREAUS.get(i);
      BureauKeys keys = BureauKeys.generate(id);
      Path nodeDir = dir.resolve(id.code());
      Files.createDirectories(nodeDir);
      KeyFiles.write(
          nodeDir.resolve("bureau.key"), keys, PASSPHRASE.toCharArray(), KeyFiles.Kdf.FAST);
      roster.add(
          new Member(
              id,
              "测试局" + i,
              "测试省",
              List.of(),
              List.of(
                  MemberKey.signing(keys.signing(), now), MemberKey.sealing(keys.sealing(), now))));
      ObjectNode cfg = Json.mapper().createObjectNode();
      cfg.put("bureau", id.code());
      cfg.putObject("http")
          .put("host", placement.host().apply(i))
          .put("port", httpPorts[i])
          .put("plaintext", true);
      ObjectNode cl = cfg.putObject("cluster");
      cl.put("name", clusterName)
          .put("host", placement.host().apply(i))
          .put("port", clusterPorts[i]);
      // no wait before joining: nodes start one after another (TestCluster says why)
      cl.put("joinWaitSeconds", 0);
      members.forEach(cl.putArray("members")::add);
      cfg.put("dataDir", "data");
      cfg.putObject("trust")
          .put("keyFile", "bureau.key")
          .put("rosterFile", "../roster.json")
          .put("authorityPublicKey", authorityPub);
      cfg.putObject("leads").put("sweepIntervalSeconds", 1);
      cfg.putObject("security").put("requestsPerMinute", 1_000_000).put("loginsPerMinute", 10_000);
      Files.writeString(nodeDir.resolve("node.json"), cfg.toString());
    }
    Files.writeString(
        dir.resolve("roster.json"),
        Json.mapper()
            .writeValueAsString(new RosterAuthority(authority).sign(new Roster(1, now, roster))));
  }

  public ProcessCluster startAll() throws Exception {
    for (int i = 0; i < size; i++) {
      start(i);
    }
    return this;
  }

  /** Starts node {@code i} and waits until it reports ready. */
  public void start(int i) throws Exception {
    TestCluster.enrol(dataDir(i), i);
    startAsIs(i);
  }

  /**
   * Starts node {@code i} on its data as they are (no officer enrolled first: that opens the store
   * before the node does) and waits until it reports ready.
   */
  public void startAsIs(int i) throws Exception {
    Process p = launch(i);
    processes[i] = p;
    Await.until(
        Duration.ofSeconds(90),
        () -> {
          if (!p.isAlive()) {
            throw new AssertionError("node " + i + " exited: " + log(i));
          }
          return ready(i);
        },
        "node " + i + " ready");
    Http.signIn(url(i), TestCluster.OFFICERS.get(i), TestCluster.PASSWORD);
  }

  /**
   * Starts node {@code i} without waiting until it is ready (for tests that talk to it while it
   * comes up); the cluster stops it like the others.
   */
  public Process startNoWait(int i) throws IOException {
    TestCluster.enrol(dataDir(i), i);
    processes[i] = launch(i);
    return processes[i];
  }

  /** Starts node {@code i} without waiting (for tests that expect it to fail). */
  public Process launch(int i) throws IOException {
    Path nodeDir = dir.resolve(TestCluster.BUREAUS.get(i).code());
    ProcessBuilder pb = new ProcessBuilder(command(i));
    pb.environment().put("LIAISON_KEY_PASSPHRASE", PASSPHRASE);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("node.log").toFile()));
    return pb.start();
  }

  /**
   * Hands node {@code i} to a service manager (the operations guide's tests: {@code systemctl}'s
   * stand-in): writes {@code unit/run}, a script that runs the node in the foreground, and {@code
   * unit/pid}, the running node's process id. The node keeps running; the service manager may stop
   * it and start another (whose process the caller ends); {@link #kill} still ends this one.
   */
  public void serviceFiles(int i, Path unit) throws IOException {
    StringBuilder run = new StringBuilder("#!/bin/sh\n");
    run.append("export LIAISON_KEY_PASSPHRASE='").append(PASSPHRASE).append("'\nexec");
    for (String word : command(i)) {
      run.append(" '").append(word.replace("'", "'\\''")).append('\'');
    }
    Path script = Files.writeString(unit.resolve("run"), run.append('\n').toString());
    Files.setPosixFilePermissions(
        script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(unit.resolve("pid"), Long.toString(processes[i].pid()));
  }

  /** The command that runs node {@code i} ({@code liaison-node run -c node.json}). */
  public List<String> command(int i) {
    Path nodeDir = dir.resolve(TestCluster.BUREAUS.get(i).code());
    List<String> cmd = new ArrayList<>(placement.commandPrefix().apply(i));
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM_FLAGS);
    cmd.addAll(placement.jvmFlags());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.liaison.node.Main");
    cmd.add("run");
    cmd.add("-c");
    cmd.add(nodeDir.resolve("node.json").toString());
    return cmd;
  }

  public static String officer(int i) {
    return TestCluster.OFFICERS.get(i);
  }

  public boolean ready(int i) {
    try {
      return Http.get(url(i) + "/health/ready").status() == 200;
    } catch (AssertionError e) {
      return false;
    }
  }

  /** SIGKILL: no shutdown hook, no goodbye to the cluster. */
  public void kill(int i) throws InterruptedException {
    Process p = processes[i];
    if (p != null) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      processes[i] = null;
    }
  }

  /** SIGTERM: the node leaves the cluster and closes its store. */
  public void stop(int i) throws InterruptedException {
    Process p = processes[i];
    if (p != null) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      processes[i] = null;
    }
  }

  /** The roster authority's key (tests make new roster versions with it). */
  public SigningKeyPair authority() {
    return authority;
  }

  /** The signed roster every node was configured with (version 1). */
  public Path rosterFile() {
    return dir.resolve("roster.json");
  }

  /** Node i's folder: its node.json (relative paths resolve against it), key file and node.log. */
  public Path nodeDir(int i) {
    return dir.resolve(TestCluster.BUREAUS.get(i).code());
  }

  public String url(int i) {
    return "http://" + placement.host().apply(i) + ":" + httpPorts[i];
  }

  public Path dataDir(int i) {
    return dir.resolve(TestCluster.BUREAUS.get(i).code()).resolve("data");
  }

  /** The whole output of node i since the cluster was made. */
  public String fullLog(int i) {
    try {
      return Files.readString(dir.resolve(TestCluster.BUREAUS.get(i).code()).resolve("node.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  public String log(int i) {
    try {
      String s =
          Files.readString(dir.resolve(TestCluster.BUREAUS.get(i).code()).resolve("node.log"));
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = 0; i < size; i++) {
      kill(i);
    }
  }
}
