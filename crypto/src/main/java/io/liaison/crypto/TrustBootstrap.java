package io.liaison.crypto;

import io.liaison.api.BureauId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates a complete trust setup from nothing: a roster authority key, keys for every bureau and
 * the signed roster version 1 (all keys valid from {@code now}). For demos, tests and the admin
 * CLI; a production authority key is generated once, offline, and kept off the nodes.
 *
 * <p>Files written by {@link #create}: {@code authority.key} (encrypted authority key), {@code
 * authority.pub} (the authority public key, base64url: pin this in every node's configuration),
 * {@code roster.json} (the {@link SignedRoster}) and {@code <bureau code>.key} per bureau
 * (encrypted {@link BureauKeys}, readable with {@link KeyFiles#read}). All are encrypted with the
 * same passphrase.
 */
public final class TrustBootstrap {
  public static final String AUTHORITY_KEY_FILE = "authority.key";
  public static final String AUTHORITY_PUBLIC_KEY_FILE = "authority.pub";
  public static final String ROSTER_FILE = "roster.json";

  /** One bureau to enrol. */
  public record MemberSpec(BureauId bureau, String name, String province, List<String> endpoints) {
    public MemberSpec {
      Objects.requireNonNull(bureau, "bureau");
      Member.requireText(name, "name");
      Member.requireText(province, "province");
      endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }
  }

  /** Keys and roster held in memory. */
  public record InMemory(
      SigningKeyPair authority, Map<BureauId, BureauKeys> keys, SignedRoster signedRoster) {
    public InMemory {
      Objects.requireNonNull(authority, "authority");
      keys = Map.copyOf(keys);
      Objects.requireNonNull(signedRoster, "signedRoster");
    }

    public Roster roster() {
      return signedRoster.roster();
    }

    /** The raw authority public key to pin. */
    public byte[] authorityPublicKey() {
      return authority.publicKey();
    }

    public BureauKeys keys(BureauId bureau) {
      BureauKeys found = keys.get(bureau);
      if (found == null) {
        throw new IllegalArgumentException("no keys for bureau " + bureau);
      }
      return found;
    }

    /** A signer for a bureau with its signing key. */
    public EnvelopeSigner signer(BureauId bureau) {
      return new EnvelopeSigner(bureau, keys(bureau).signing());
    }

    /** A verifier over this (fixed) roster. */
    public EnvelopeVerifier verifier() {
      Roster roster = roster();
      return new EnvelopeVerifier(() -> roster);
    }
  }

  /** What {@link #create} wrote, and the keys in memory. */
  public record Result(
      Path authorityKeyFile,
      Path authorityPublicKeyFile,
      Path rosterFile,
      Map<BureauId, Path> keyFiles,
      InMemory trust) {
    public Result {
      keyFiles = Map.copyOf(keyFiles);
    }
  }

  private TrustBootstrap() {}

  /** Keys and signed roster v1 in memory only. */
  public static InMemory inMemory(List<MemberSpec> members, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    SigningKeyPair authority = SigningKeyPair.generate();
    Map<BureauId, BureauKeys> keys = new LinkedHashMap<>();
    List<Member> rosterMembers = new ArrayList<>();
    for (MemberSpec spec : members) {
      BureauKeys bureauKeys = BureauKeys.generate(spec.bureau());
      if (keys.put(spec.bureau(), bureauKeys) != null) {
        throw new IllegalArgumentException("bureau " + spec.bureau() + " listed twice");
      }
      rosterMembers.add(
          new Member(
              spec.bureau(),
              spec.name(),
              spec.province(),
              spec.endpoints(),
              bureauKeys.memberKeys(at)));
    }
    Roster roster = new Roster(1, at, rosterMembers);
    return new InMemory(authority, keys, new RosterAuthority(authority).sign(roster));
  }

  /** Creates the files in {@code dir} with the default (strong) scrypt cost. */
  public static Result create(Path dir, List<MemberSpec> members, char[] passphrase, Instant now) {
    return create(dir, members, passphrase, now, KeyFiles.Kdf.DEFAULT);
  }

  /** Creates the files in {@code dir}; refuses to overwrite an existing setup. */
  public static Result create(
      Path dir, List<MemberSpec> members, char[] passphrase, Instant now, KeyFiles.Kdf kdf) {
    Path authorityKeyFile = dir.resolve(AUTHORITY_KEY_FILE);
    if (Files.exists(authorityKeyFile) || Files.exists(dir.resolve(ROSTER_FILE))) {
      throw new IllegalStateException("a trust setup already exists in " + dir);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    InMemory trust = inMemory(members, now);
    KeyFiles.writeAuthority(authorityKeyFile, trust.authority(), passphrase, kdf);
    Path publicKeyFile = dir.resolve(AUTHORITY_PUBLIC_KEY_FILE);
    KeyFiles.writePublicKey(publicKeyFile, trust.authorityPublicKey());
    Path rosterFile = dir.resolve(ROSTER_FILE);
    try {
      Files.write(rosterFile, trust.signedRoster().toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + rosterFile, e);
    }
    Map<BureauId, Path> keyFiles = new LinkedHashMap<>();
    for (MemberSpec spec : members) {
      Path file = dir.resolve(spec.bureau().code() + ".key");
      KeyFiles.write(file, trust.keys(spec.bureau()), passphrase, kdf);
      keyFiles.put(spec.bureau(), file);
    }
    return new Result(authorityKeyFile, publicKeyFile, rosterFile, keyFiles, trust);
  }

  /**
   * Reads {@code roster.json} and verifies it against {@code authority.pub} in the same directory
   * (for a node, pin the authority key in configuration instead of reading it next to the roster).
   */
  public static Roster readRoster(Path rosterFile, byte[] pinnedAuthorityPublicKey) {
    try {
      return RosterAuthority.verify(
          SignedRoster.fromJson(Files.readAllBytes(rosterFile)), pinnedAuthorityPublicKey);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + rosterFile, e);
    }
  }
}
