package io.liaison.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.access.Role;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.KeyFiles;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedRoster;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.access.AuthService;
import io.liaison.node.access.Officer;
import io.liaison.node.store.Store;
import io.liaison.node.trust.TrustService;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The files a benchmark cluster needs, as an administrator would lay them out: a roster authority,
 * one encrypted key file and one JSON configuration per bureau (HTTP on a free port, Hazelcast on
 * 127.0.0.1 with fixed free ports and a random cluster name), and the signed roster. Nodes are then
 * started as separate JVMs by {@link NodeHandle}.
 */
public final class BenchCluster {
  public static final List<BureauId> BUREAUS =
      List.of(BureauId.of("150924"), BureauId.of("140222"), BureauId.of("140221"));
  public static final String PASSPHRASE = "bench-only-passphrase";

  /** The password of each node's benchmark officer ({@link #officer}). */
  public static final String OFFICER_PASSWORD = "bench-only-officer-password";

  private final Path dir;
  private final List<BureauKeys> keys = new ArrayList<>();
  private final SigningKeyPair authority = SigningKeyPair.generate();
  private final SignedRoster roster;

  public BenchCluster(Path dir, int size) throws IOException {
    this.dir = dir;
    Instant since = Instant.now().minusSeconds(400L * 24 * 3600);
    String clusterName = "liaison-bench-" + UUID.randomUUID();
    List<String> members = new ArrayList<>();
    int[] ports = new int[size];
    for (int i = 0; i < size; i++) {
      ports[i] = freePort();
      members.add("127.0.0.1:" + ports[i]);
    }
    String authorityPub =
        Base64.getUrlEncoder().withoutPadding().encodeToString(authority.publicKey());
    List<Member> rosterMembers = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      BureauId id = BUREAUS.get(i);
      BureauKeys k = BureauKeys.generate(id);
      keys.add(k);
      Path nodeDir = nodeDir(i);
      Files.createDirectories(nodeDir);
      KeyFiles.write(nodeDir.resolve("bureau.key"), k, PASSPHRASE.toCharArray(), KeyFiles.Kdf.FAST);
      rosterMembers.add(
          new Member(
              id,
              "基准局" + i,
              "测试省",
              List.of(),
              List.of(
                  MemberKey.signing(k.signing(), since), MemberKey.sealing(k.sealing(), since))));
      ObjectNode cfg = Json.mapper().createObjectNode();
      cfg.put("bureau", id.code());
      // loopback only: plain HTTP (TLS would add its own cost, not measured here)
      cfg.putObject("http").put("host", "127.0.0.1").put("port", 0).put("plaintext", true);
      // one officer per node stands for many: lift the per-officer/per-address rate limit
      // (default 1200/min) that a real officer never reaches, and outlive the run with the token
      cfg.putObject("security")
          .put("requestsPerMinute", 100_000_000)
          .put("loginsPerMinute", 1000)
          .put("accessTtlSeconds", 6 * 3600)
          .put("refreshTtlSeconds", 6 * 3600);
      ObjectNode cl = cfg.putObject("cluster");
      cl.put("name", clusterName)
          .put("host", "127.0.0.1")
          .put("port", ports[i])
          .put("joinWaitSeconds", 1);
      members.forEach(cl.putArray("members")::add);
      cfg.put("dataDir", "data");
      cfg.putObject("trust")
          .put("keyFile", "bureau.key")
          .put("rosterFile", "../roster.json")
          .put("authorityPublicKey", authorityPub);
      Files.writeString(config(i), Json.mapper().writeValueAsString(cfg), StandardCharsets.UTF_8);
    }
    roster = new RosterAuthority(authority).sign(new Roster(1, since, rosterMembers));
    for (int i = 0; i < size; i++) {
      // as `liaison-node officer-add` does, into the stopped node's store
      try (Store s = Store.open(storeFile(i))) {
        AuthService.enrolOffline(
            s, new Officer(officer(i), "基准联络员" + i, Set.of(Role.LIAISON), OFFICER_PASSWORD, false));
      }
    }
    Files.writeString(
        dir.resolve("roster.json"),
        Json.mapper().writeValueAsString(roster),
        StandardCharsets.UTF_8);
  }

  public int size() {
    return keys.size();
  }

  public Path dir() {
    return dir;
  }

  public Path nodeDir(int i) {
    return dir.resolve(BUREAUS.get(i).code());
  }

  public Path config(int i) {
    return nodeDir(i).resolve("node.json");
  }

  /** The node's store file, where {@code LiaisonNode} opens it. */
  public Path storeFile(int i) {
    return nodeDir(i).resolve("data").resolve("liaison.db");
  }

  /** The officer number of node {@code i}'s benchmark officer (role LIAISON). */
  public String officer(int i) {
    return BUREAUS.get(i).code() + "-1";
  }

  public BureauId bureau(int i) {
    return BUREAUS.get(i);
  }

  /** The bureau's trust service, as its node would load it (for writing real signed records). */
  public TrustService trust(int i) {
    return new TrustService(keys.get(i), authority.publicKey(), roster);
  }

  /** Environment for a node process: the key passphrase. */
  public static Map<String, String> env() {
    return Map.of("LIAISON_KEY_PASSPHRASE", PASSPHRASE);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
