package io.liaison.node;

import io.liaison.api.BureauId;
import io.liaison.api.access.Role;
import io.liaison.crypto.AuditReport;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.ChainAuditor;
import io.liaison.crypto.ChainLayout;
import io.liaison.crypto.KeyFiles;
import io.liaison.crypto.LocalCa;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedRoster;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.access.AuthService;
import io.liaison.node.access.Officer;
import io.liaison.node.config.ConfigLoader;
import io.liaison.node.store.Store;
import io.liaison.node.trust.AuditLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The administrator's and auditor's offline tools: chain audit and roster versions. */
final class AdminCommands {
  private AdminCommands() {}

  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description =
          "Verify an exported record set (JSON Lines from GET /api/v1/audit/export): every"
              + " bureau's audit chain (gaps, reordering, edits) and every record against it.")
  static final class Audit implements Callable<Integer> {
    @Parameters(index = "0", description = "the JSON Lines export")
    Path export;

    @Option(names = "--roster", required = true, description = "the signed roster (roster.json)")
    Path roster;

    @Option(
        names = "--authority-pub",
        required = true,
        description = "the pinned roster authority public key file (authority.pub)")
    Path authorityPub;

    @Override
    public Integer call() {
      AuditReport report =
          ChainAuditor.audit(
              export,
              roster,
              KeyFiles.readPublicKey(authorityPub),
              ChainLayout.entries(AuditLog.ENTRY, "envelope"));
      System.out.println(report.render());
      return report.exitCode();
    }
  }

  @Command(
      name = "roster",
      mixinStandardHelpOptions = true,
      description =
          "Make the next roster version with the authority key: add a member bureau, rotate a"
              + " bureau's keys or revoke one. Publish it with POST /api/v1/admin/roster on any"
              + " node.")
  static final class RosterCmd implements Callable<Integer> {
    @Option(names = "--roster", required = true, description = "the current signed roster")
    Path roster;

    @Option(names = "--authority-key", required = true, description = "authority.key")
    Path authorityKey;

    @Option(
        names = "--passphrase-file",
        required = true,
        description = "passphrase of the key files")
    Path passphraseFile;

    @Option(names = "--out", required = true, description = "where to write the new signed roster")
    Path out;

    @Option(names = "--revoke", description = "key id to revoke now")
    String revoke;

    @Option(
        names = "--rotate",
        description = "bureau whose keys to rotate; the new key file is written to --new-key-file")
    String rotate;

    @Option(
        names = "--add",
        description =
            "bureau code of a new member (with --name, --province); its keys are made now and"
                + " written to --new-key-file")
    String add;

    @Option(names = "--name", description = "the new member's name (with --add)")
    String name;

    @Option(names = "--province", description = "the new member's province (with --add)")
    String province;

    @Option(names = "--new-key-file", description = "key file for the new or rotated keys")
    Path newKeyFile;

    @Override
    public Integer call() throws Exception {
      char[] pass = Files.readString(passphraseFile).strip().toCharArray();
      SigningKeyPair authority = KeyFiles.readAuthority(authorityKey, pass);
      Roster current =
          RosterAuthority.verify(
              SignedRoster.fromJson(Files.readString(roster)), authority.publicKey());
      Instant now = Instant.now();
      Roster next = current;
      if (revoke != null) {
        next = next.withKeyRevoked(revoke, now, now);
      }
      if (add != null) {
        if (newKeyFile == null || name == null || province == null || rotate != null) {
          System.err.println("--add needs --name, --province and --new-key-file, and no --rotate");
          return 2;
        }
        BureauKeys keys = BureauKeys.generate(BureauId.of(add));
        if (current.member(keys.bureau()).isPresent()) {
          System.err.println("bureau " + add + " is already a member");
          return 2;
        }
        KeyFiles.write(newKeyFile, keys, pass);
        next =
            next.withMember(
                new Member(
                    keys.bureau(),
                    name,
                    province,
                    List.of(),
                    List.of(
                        MemberKey.signing(keys.signing(), now),
                        MemberKey.sealing(keys.sealing(), now))),
                now);
      }
      if (rotate != null) {
        if (newKeyFile == null) {
          System.err.println("--rotate needs --new-key-file");
          return 2;
        }
        BureauKeys keys = BureauKeys.generate(BureauId.of(rotate));
        KeyFiles.write(newKeyFile, keys, pass);
        next = next.withKeyRotated(keys.bureau(), MemberKey.signing(keys.signing(), now), now);
        next = next.withKeyRotated(keys.bureau(), MemberKey.sealing(keys.sealing(), now), now);
      }
      if (next == current) {
        System.err.println("nothing to do: give --revoke or --rotate");
        return 2;
      }
      SignedRoster signed = new RosterAuthority(authority).sign(next);
      Files.writeString(out, new String(signed.toJson(), StandardCharsets.UTF_8));
      System.out.println("roster v" + next.version() + " written to " + out);
      return 0;
    }
  }

  @Command(
      name = "officer-add",
      mixinStandardHelpOptions = true,
      description =
          "Enrol an officer directly into a stopped node's store (the first administrator; later"
              + " officers are enrolled with POST /api/v1/admin/officers).")
  static final class OfficerAdd implements Callable<Integer> {
    @Option(
        names = {"-c", "--config"},
        required = true,
        description = "the node's configuration")
    Path config;

    @Option(names = "--id", required = true, description = "officer number, <bureau>-<number>")
    String id;

    @Option(names = "--name", required = true, description = "the officer's name")
    String name;

    @Option(
        names = "--roles",
        required = true,
        split = ",",
        description = "LIAISON, INVESTIGATOR, CHIEF, PRICE_CHECKER, ADMIN, AUDITOR, SUPERVISOR")
    Set<Role> roles;

    @Option(names = "--password-file", required = true, description = "file holding the password")
    Path passwordFile;

    @Override
    public Integer call() throws Exception {
      var cfg = ConfigLoader.load(config, System.getenv());
      if (!id.startsWith(cfg.bureau().code() + "-")) {
        System.err.println("officer " + id + " does not belong to bureau " + cfg.bureau());
        return 2;
      }
      try (var store = Store.open(cfg.dataDir().resolve("liaison.db"))) {
        AuthService.enrolOffline(
            store, new Officer(id, name, roles, Files.readString(passwordFile).strip(), false));
      }
      System.out.println("officer " + id + " enrolled with roles " + roles);
      return 0;
    }
  }

  @Command(
      name = "tls-init",
      mixinStandardHelpOptions = true,
      description =
          "Create a small local certificate authority (ca.pem) and a server certificate and key"
              + " per node (<name>.crt.pem, <name>.key.pem) for the nodes' HTTPS.")
  static final class TlsInit implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "output directory")
    Path dir;

    @Option(
        names = "--nodes",
        split = ",",
        defaultValue = "150924,150981,140222,140221,130728,130725",
        description = "certificate names, one per node (default: the demo bureaus)")
    List<String> nodes;

    @Option(
        names = "--hosts",
        split = ",",
        defaultValue = "127.0.0.1,localhost",
        description =
            "host names and addresses the certificates are valid for (default: ${DEFAULT-VALUE})")
    List<String> hosts;

    @Option(names = "--days", defaultValue = "825", description = "validity in days")
    int days;

    @Override
    public Integer call() throws Exception {
      var ca = LocalCa.create("Liaison local CA", Duration.ofDays(days));
      Path caPem = ca.writeCa(dir);
      for (String n : nodes) {
        ca.issue(dir, n, hosts, Duration.ofDays(days));
      }
      System.out.println(
          "CA "
              + caPem
              + " and certificates for "
              + nodes
              + " written; set http.tls.certFile/keyFile in each node's configuration and give"
              + " clients ca.pem (curl --cacert)");
      return 0;
    }
  }
}
