package io.liaison.node.trust;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.EnvelopeVerifier;
import io.liaison.crypto.KeyFiles;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SignedRoster;
import io.liaison.crypto.Verification;
import io.liaison.node.config.ConfigException;
import io.liaison.node.config.NodeConfig;
import io.liaison.node.domain.Unavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's keys and its view of the roster. Signs what this bureau says and verifies what others
 * say, through the one {@link EnvelopeVerifier}. A newer roster is adopted only if the pinned
 * roster authority signed it.
 */
public final class TrustService {
  private static final Logger LOG = LoggerFactory.getLogger(TrustService.class);

  private final BureauKeys keys;
  private final byte[] authorityPublicKey;
  private final AtomicReference<Roster> roster;
  private final AtomicReference<SignedRoster> signedRoster;
  private final EnvelopeSigner signer;
  private final EnvelopeVerifier verifier;

  public TrustService(BureauKeys keys, byte[] authorityPublicKey, SignedRoster signed) {
    this.keys = keys;
    this.authorityPublicKey = authorityPublicKey.clone();
    Roster roster = RosterAuthority.verify(signed, authorityPublicKey);
    this.roster = new AtomicReference<>(roster);
    this.signedRoster = new AtomicReference<>(signed);
    this.signer = new EnvelopeSigner(keys.bureau(), keys.signing());
    this.verifier = new EnvelopeVerifier(this.roster::get);
    if (roster.member(keys.bureau()).isEmpty()) {
      throw new ConfigException(
          "trust.rosterFile", "bureau " + keys.bureau() + " is not in the roster");
    }
    if (roster.key(keys.signing().keyId()).isEmpty()) {
      throw new ConfigException(
          "trust.keyFile",
          "this bureau's signing key is not in the roster (rotated or wrong file?)");
    }
  }

  /** Loads keys and roster as configured; fails fast with a {@link ConfigException}. */
  public static TrustService load(NodeConfig config, Map<String, String> env) {
    NodeConfig.Trust t = config.trust();
    char[] passphrase = passphrase(t, env);
    BureauKeys keys;
    try {
      keys = KeyFiles.read(t.keyFile(), passphrase);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "trust.keyFile", "cannot read key file " + t.keyFile() + ": " + e.getMessage());
    } finally {
      Arrays.fill(passphrase, '\0');
    }
    if (!keys.bureau().equals(config.bureau())) {
      throw new ConfigException(
          "trust.keyFile",
          "key file belongs to bureau " + keys.bureau() + ", not " + config.bureau());
    }
    byte[] authority = Base64.getUrlDecoder().decode(t.authorityPublicKey());
    SignedRoster signed;
    Roster roster;
    try {
      signed = Json.mapper().readValue(Files.readString(t.rosterFile()), SignedRoster.class);
      roster = RosterAuthority.verify(signed, authority);
      // a newer version adopted from the grid earlier wins over the configured file
      var adopted = RosterService.adoptedEarlier(config.dataDir());
      if (adopted.isPresent()) {
        Roster a = RosterAuthority.verify(adopted.get(), authority);
        if (a.version() > roster.version()) {
          signed = adopted.get();
          roster = a;
        }
      }
    } catch (IOException e) {
      throw new ConfigException("trust.rosterFile", "cannot read roster: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ConfigException(
          "trust.rosterFile", "roster is not signed by the pinned authority: " + e.getMessage());
    }
    LOG.info(
        "trust loaded bureau={} signingKey={} rosterVersion={} members={}",
        keys.bureau(),
        keys.signing().keyId(),
        roster.version(),
        roster.members().size());
    return new TrustService(keys, authority, signed);
  }

  private static char[] passphrase(NodeConfig.Trust t, Map<String, String> env) {
    String fromEnv = env.get("LIAISON_KEY_PASSPHRASE");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    if (t.passphraseFile() != null) {
      try {
        return Files.readString(t.passphraseFile()).strip().toCharArray();
      } catch (IOException e) {
        throw new ConfigException("trust.passphraseFile", "cannot read: " + e.getMessage());
      }
    }
    throw new ConfigException(
        "trust.passphraseFile", "set LIAISON_KEY_PASSPHRASE or trust.passphraseFile");
  }

  public BureauId bureau() {
    return keys.bureau();
  }

  public BureauKeys keys() {
    return keys;
  }

  public Roster roster() {
    return roster.get();
  }

  public SignedRoster signedRoster() {
    return signedRoster.get();
  }

  public byte[] authorityPublicKey() {
    return authorityPublicKey.clone();
  }

  public boolean isMember(BureauId bureau) {
    return roster.get().member(bureau).isPresent();
  }

  /**
   * Signs for this bureau. Fails closed (503 {@code signing-key-revoked}) when the roster in force
   * no longer lists this bureau's key as valid at {@code at}: a revoked key signs nothing more.
   */
  public SignedEnvelope sign(JsonNode payload, String prevHash, Instant at) {
    boolean valid = roster.get().key(keys.signing().keyId()).map(k -> k.validAt(at)).orElse(false);
    if (!valid) {
      throw new Unavailable(
          "signing-key-revoked",
          "This bureau's signing key is not valid",
          "the roster in force revokes or lacks key "
              + keys.signing().keyId()
              + "; the administrator must rotate keys");
    }
    return signer.sign(payload, prevHash, at);
  }

  public Verification verify(SignedEnvelope envelope) {
    return verifier.verify(envelope);
  }

  public EnvelopeVerifier verifier() {
    return verifier;
  }

  /**
   * Adopts {@code signed} if the pinned authority signed it and it is newer than the current
   * roster. Returns whether it was adopted; a forged roster is an exception.
   */
  public boolean adopt(SignedRoster signed) {
    Roster next = RosterAuthority.verify(signed, authorityPublicKey);
    boolean adopted;
    synchronized (this) {
      adopted = next.version() > roster.get().version();
      if (adopted) {
        roster.set(next);
        signedRoster.set(signed);
      }
    }
    if (adopted) {
      LOG.info("roster adopted version={}", next.version());
    }
    return adopted;
  }
}
