package io.liaison.node;

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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liaison-node demo-init}: creates everything the six-bureau demo cluster needs in one
 * directory — a roster authority, a key file per bureau, the signed roster, and one node
 * configuration per bureau on loopback.
 */
@Command(
    name = "demo-init",
    mixinStandardHelpOptions = true,
    description = "Create keys, a signed roster and node configurations for the demo region.")
final class DemoInit implements Callable<Integer> {
  /** The border region of the demo (DESIGN.md, "Demo region"). */
  static final List<String[]> BUREAUS =
      List.of(
          new String[] {"150924", "兴和县烟草专卖局", "内蒙古自治区"},
          new String[] {"150981", "丰镇市烟草专卖局", "内蒙古自治区"},
          new String[] {"140222", "天镇县烟草专卖局", "山西省"},
          new String[] {"140221", "阳高县烟草专卖局", "山西省"},
          new String[] {"130728", "怀安县烟草专卖局", "河北省"},
          new String[] {"130725", "尚义县烟草专卖局", "河北省"});

  @Option(names = "--dir", required = true, description = "output directory")
  Path dir;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "interface (default: ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--http-base",
      defaultValue = "8081",
      description = "first HTTP port (default: ${DEFAULT-VALUE})")
  int httpBase;

  @Option(
      names = "--cluster-base",
      defaultValue = "5801",
      description = "first Hazelcast port (default: ${DEFAULT-VALUE})")
  int clusterBase;

  @Option(
      names = "--cluster-name",
      defaultValue = "liaison-demo",
      description = "Hazelcast cluster name (default: ${DEFAULT-VALUE})")
  String clusterName;

  @Option(
      names = "--passphrase",
      defaultValue = "demo-only-passphrase",
      description = "key file passphrase for the demo (default: ${DEFAULT-VALUE})")
  String passphrase;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(dir);
    Instant now = Instant.now();
    char[] pass = passphrase.toCharArray();
    SigningKeyPair authority = SigningKeyPair.generate();
    KeyFiles.writeAuthority(dir.resolve("authority.key"), authority, pass);
    KeyFiles.writePublicKey(dir.resolve("authority.pub"), authority.publicKey());
    String authorityPub =
        Base64.getUrlEncoder().withoutPadding().encodeToString(authority.publicKey());

    List<Member> members = new ArrayList<>();
    List<String> clusterMembers = new ArrayList<>();
    for (int i = 0; i < BUREAUS.size(); i++) {
      clusterMembers.add(host + ":" + (clusterBase + i));
    }
    for (int i = 0; i < BUREAUS.size(); i++) {
      String[] b = BUREAUS.get(i);
      BureauId id = BureauId.of(b[0]);
      BureauKeys keys = BureauKeys.generate(id);
      Path bdir = dir.resolve(b[0]);
      Files.createDirectories(bdir);
      KeyFiles.write(bdir.resolve("bureau.key"), keys, pass);
      Files.writeString(bdir.resolve("passphrase"), passphrase, StandardCharsets.UTF_8);
      restrict(bdir.resolve("passphrase"));
      members.add(
          new Member(
              id,
              b[1],
              b[2],
              List.of("http://" + host + ":" + (httpBase + i)),
              List.of(
                  MemberKey.signing(keys.signing(), now), MemberKey.sealing(keys.sealing(), now))));
      ObjectNode cfg = Json.mapper().createObjectNode();
      cfg.put("bureau", b[0]);
      // plain HTTP on loopback for the demo; production nodes serve TLS (docs/operations.md)
      cfg.putObject("http").put("host", host).put("port", httpBase + i).put("plaintext", true);
      ObjectNode cl = cfg.putObject("cluster");
      cl.put("name", clusterName)
          .put("host", host)
          .put("port", clusterBase + i)
          .put("joinWaitSeconds", 1);
      clusterMembers.forEach(cl.putArray("members")::add);
      cfg.put("dataDir", "data");
      cfg.putObject("trust")
          .put("keyFile", "bureau.key")
          .put("rosterFile", "../roster.json")
          .put("authorityPublicKey", authorityPub)
          .put("passphraseFile", "passphrase");
      // demo nodes share generated cases (POST /api/v1/cases/demo); production nodes do not
      cfg.putObject("demo").put("caseSeeding", true);
      enrolDemoOfficers(bdir.resolve("data"), b[0]);
      Files.writeString(
          bdir.resolve("node.json"),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(cfg),
          StandardCharsets.UTF_8);
    }
    SignedRoster roster = new RosterAuthority(authority).sign(new Roster(1, now, members));
    Files.writeString(
        dir.resolve("roster.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(roster),
        StandardCharsets.UTF_8);
    System.out.println("demo trust and configurations written to " + dir.toAbsolutePath());
    System.out.println(
        "demo officers: <bureau>-001 (liaison, investigator, chief) and <bureau>-900 (admin,"
            + " auditor) on each node; password liaison-<bureau>, e.g. 150924-001 / liaison-150924");
    return 0;
  }

  /** The demo password of a bureau's officers: {@code liaison-<bureau code>} (demo only). */
  static String demoPassword(String bureau) {
    return "liaison-" + bureau;
  }

  /**
   * Enrols two officers per demo bureau into its store: {@code <code>-001} (liaison officer,
   * investigator, chief) and {@code <code>-900} (administrator, auditor).
   */
  private static void enrolDemoOfficers(Path dataDir, String bureau) {
    try (Store store = Store.open(dataDir.resolve("liaison.db"))) {
      AuthService.enrolOffline(
          store,
          new Officer(
              bureau + "-001",
              "联络员" + bureau.substring(4),
              EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF),
              demoPassword(bureau),
              false));
      AuthService.enrolOffline(
          store,
          new Officer(
              bureau + "-900",
              "管理员" + bureau.substring(4),
              EnumSet.of(Role.ADMIN, Role.AUDITOR),
              demoPassword(bureau),
              false));
    }
  }

  private static void restrict(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system; leave as is
    }
  }
}
