package io.liaison.node;

import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.KeyFiles;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.config.NodeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Real bureau nodes for tests: real keys and signed roster in a temporary directory, a real SQLite
 * file per node, Hazelcast members on 127.0.0.1 with free ports and a random cluster name. Nodes
 * are started one after another (they form faster that way).
 */
public final class TestCluster implements AutoCloseable {
  public static final List<BureauId> BUREAUS =
      List.of(BureauId.of("150924"), BureauId.of("140222"), BureauId.of("140221"));

  /** The bureaus of a cluster of four: {@link #BUREAUS} and 怀安县. */
  public static final List<BureauId> FOUR =
      List.of(
          BureauId.of("150924"),
          BureauId.of("140222"),
          BureauId.of("140221"),
          BureauId.of("130728"));

  static final String PASSPHRASE = "test-passphrase";

  /** The officer enrolled (with every role) on node i, who signs in for the tests. */
  public static final List<String> OFFICERS =
      List.of("150924-017", "140222-009", "140221-001", "130728-003");

  public static final String PASSWORD = "test-password-一二三";

  /** The names of the bureaus in the roster (the demo region's), in the order of {@link #FOUR}. */
  public static final List<String> NAMES = List.of("兴和县烟草专卖局", "天镇县烟草专卖局", "阳高县烟草专卖局", "怀安县烟草专卖局");

  private static final List<String> PROVINCES = List.of("内蒙古自治区", "山西省", "山西省", "河北省");

  private final Path dir;
  private final String clusterName = "liaison-test-" + UUID.randomUUID();
  private final List<NodeConfig> configs = new ArrayList<>();
  private final LiaisonNode[] nodes;
  private final SigningKeyPair authority = SigningKeyPair.generate();
  private final List<BureauKeys> keys = new ArrayList<>();

  public TestCluster(Path dir, int size) throws IOException {
    this(dir, size, c -> c);
  }

  /** Nodes whose configuration {@code customize} may change (limits, lifetimes, TLS). */
  public TestCluster(Path dir, int size, java.util.function.UnaryOperator<NodeConfig> customize)
      throws IOException {
    this.dir = dir;
    this.nodes = new LiaisonNode[size];
    Instant now = Instant.now().minusSeconds(60);
    List<Member> members = new ArrayList<>();
    int[] clusterPorts = new int[size];
    for (int i = 0; i < size; i++) {
      clusterPorts[i] = freePort();
    }
    List<String> addresses = new ArrayList<>();
    for (int p : clusterPorts) {
      addresses.add("127.0.0.1:" + p);
    }
    for (int i = 0; i < size; i++) {
      BureauId id = FOUR.get(i);
      BureauKeys k = BureauKeys.generate(id);
      keys.add(k);
      Path nodeDir = dir.resolve(id.code());
      Files.createDirectories(nodeDir);
      KeyFiles.write(nodeDir.resolve("bureau.key"), k, PASSPHRASE.toCharArray(), KeyFiles.Kdf.FAST);
      members.add(
          new Member(
              id,
              NAMES.get(i),
              PROVINCES.get(i),
              List.of(),
              List.of(MemberKey.signing(k.signing(), now), MemberKey.sealing(k.sealing(), now))));
      configs.add(
          customize.apply(
              new NodeConfig(
                  id,
                  NodeConfig.Http.plaintext("127.0.0.1", 0),
                  // no wait before joining (Hazelcast's wait.seconds.before.join; a second on
                  // every start of every node): nodes start one after another, each ready before
                  // the next, so no member that starts at the same moment is waited for
                  new NodeConfig.Cluster(
                      clusterName, "127.0.0.1", clusterPorts[i], addresses, Duration.ZERO),
                  nodeDir.resolve("data"),
                  new NodeConfig.Trust(
                      nodeDir.resolve("bureau.key"),
                      dir.resolve("roster.json"),
                      Base64.getUrlEncoder().withoutPadding().encodeToString(authority.publicKey()),
                      null),
                  null,
                  new NodeConfig.Leads(Duration.ofMillis(300)),
                  // tests drive load from one address and one officer; limits are tested apart
                  new NodeConfig.Security(
                      Duration.ofMinutes(15),
                      Duration.ofHours(12),
                      5,
                      Duration.ofMinutes(15),
                      1_000_000,
                      10_000))));
    }
    Files.writeString(
        dir.resolve("roster.json"),
        Json.mapper()
            .writeValueAsString(new RosterAuthority(authority).sign(new Roster(1, now, members))));
  }

  /** Starts every node, one after another. */
  public TestCluster startAll() throws Exception {
    for (int i = 0; i < nodes.length; i++) {
      start(i);
    }
    return this;
  }

  public LiaisonNode start(int i) throws Exception {
    enrol(configs.get(i).dataDir(), i);
    nodes[i] =
        LiaisonNode.start(
                configs.get(i), Map.of("LIAISON_KEY_PASSPHRASE", PASSPHRASE), Clock.systemUTC())
            .toCompletionStage()
            .toCompletableFuture()
            .get(120, TimeUnit.SECONDS);
    Await.until(Duration.ofSeconds(60), nodes[i]::isReady, "node " + i + " ready");
    Http.signIn(url(i), OFFICERS.get(i), PASSWORD);
    return nodes[i];
  }

  public void stop(int i) throws Exception {
    if (nodes[i] != null) {
      nodes[i].stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      nodes[i] = null;
    }
  }

  public LiaisonNode node(int i) {
    return nodes[i];
  }

  public String url(int i) {
    return "http://127.0.0.1:" + nodes[i].httpPort();
  }

  public BureauKeys keys(int i) {
    return keys.get(i);
  }

  /** The roster authority's key (tests make new roster versions with it). */
  public SigningKeyPair authority() {
    return authority;
  }

  /** Changes node i's configuration for its next start. */
  public void reconfigure(int i, java.util.function.UnaryOperator<NodeConfig> change) {
    configs.set(i, change.apply(configs.get(i)));
  }

  public NodeConfig config(int i) {
    return configs.get(i);
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void close() throws Exception {
    for (int i = nodes.length - 1; i >= 0; i--) {
      stop(i);
    }
  }

  /** Enrols node i's test officer into its store before the node starts (once). */
  static void enrol(Path dataDir, int i) {
    try (var store = io.liaison.node.store.Store.open(dataDir.resolve("liaison.db"))) {
      if (!store.officers().exists(OFFICERS.get(i))) {
        io.liaison.node.access.AuthService.enrolOffline(
            store,
            new io.liaison.node.access.Officer(
                OFFICERS.get(i),
                "测试警官" + i,
                java.util.EnumSet.allOf(io.liaison.api.access.Role.class),
                PASSWORD,
                false));
      }
    }
  }

  /** Ports handed out in this JVM, never handed out twice. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /**
   * A port free now, below Linux's ephemeral range (32768–60999): a port the kernel picked with
   * {@code new ServerSocket(0)} is one it also gives to outgoing connections, and one was taken by
   * such a connection between this check and the node's bind (a clean-clone CI run failed with
   * "Port [34467] is already in use"). Below that range only a listener can take it.
   */
  public static int freePort() throws IOException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = random.nextInt(20_000, 32_000);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket s = new ServerSocket()) {
        s.setReuseAddress(false);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException inUse) {
        // taken: try another
      }
    }
    throw new IOException("no free port between 20000 and 32000 on 127.0.0.1");
  }
}
