package io.liaison.node.informant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.informant.OfficerKey;
import io.liaison.api.informant.OfficerKeys;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.OfficerSealer;
import io.liaison.crypto.SealingKeyPair;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.access.Principal;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.SignedRecords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Officers' sealing keys (store thread only). Each officer who may open informants' identities
 * makes an X25519 key on their own node; the private key is kept in this node's store wrapped under
 * a passphrase only the officer knows (record kind {@link #SECRET_KIND}, never on the grid), the
 * public key goes into the bureau's signed, versioned key list (record {@code keys-<bureau>} of
 * kind {@link InformantService#KIND}, shared on the grid) from which any node seals to chosen
 * officers.
 */
final class OfficerKeyring {
  static final String TYPE = "officer-keys";
  static final String SECRET_KIND = "officer-key-secret";

  private OfficerKeyring() {}

  static String key(BureauId bureau) {
    return "keys-" + bureau.code();
  }

  static String secretId(String officer) {
    return "officer-key-secret-" + officer;
  }

  /** The wrapped private key of an officer of this node, if they made one. */
  static Optional<String> wrapped(Store s, String officer) {
    return s.record(secretId(officer)).map(StoredRecord::body);
  }

  /**
   * The wrapped private key {@code keyId} of an officer of this node: their current one or one they
   * re-made after a forgotten passphrase (kept, still under the forgotten passphrase, so that
   * remembering it later — or a session that re-made the key without the officer — loses nothing).
   */
  static Optional<String> wrapped(Store s, String officer, String keyId) {
    Optional<String> kept = s.record(secretId(officer) + "-" + keyId).map(StoredRecord::body);
    if (kept.isPresent()) {
      return kept;
    }
    return wrapped(s, officer).filter(w -> keyId.equals(keyIdOf(w)));
  }

  /** The key id named in a wrapped key (clear header). */
  static String keyIdOf(String wrapped) {
    try {
      return Json.mapper().readTree(wrapped).path("keyId").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored wrapped key unreadable", e);
    }
  }

  /**
   * Keeps an officer's wrapped private key as their current one, and under its key id; a current
   * key of another id stays kept under its own id.
   */
  static void keepWrapped(Store s, Principal p, String keyId, String wrapped, Instant at) {
    wrapped(s, p.officer())
        .filter(old -> !keyId.equals(keyIdOf(old)))
        .ifPresent(old -> put(s, p, secretId(p.officer()) + "-" + keyIdOf(old), old, at));
    put(s, p, secretId(p.officer()), wrapped, at);
    put(s, p, secretId(p.officer()) + "-" + keyId, wrapped, at);
  }

  private static void put(Store s, Principal p, String id, String wrapped, Instant at) {
    s.putRecord(
        new StoredRecord(
            id,
            SECRET_KIND,
            p.bureau().code(),
            at,
            Hashes.sha256Hex(wrapped.getBytes(StandardCharsets.UTF_8)),
            wrapped,
            null));
  }

  /** A bureau's current signed key list, if this node holds one. */
  static Optional<SignedEnvelope> current(Store s, BureauId bureau) {
    return s.record(key(bureau)).map(r -> SignedRecords.envelope(r.body()));
  }

  /** The next version of this bureau's key list with {@code officer}'s key put in (unsigned). */
  static ObjectNode next(Store s, Principal p, SealingKeyPair pair, Instant now) {
    Optional<SignedEnvelope> prev = current(s, p.bureau());
    long version = prev.map(e -> e.payload().path("version").asLong()).orElse(0L) + 1;
    List<OfficerKey> keys = new ArrayList<>();
    prev.map(OfficerKeyring::parse)
        .ifPresent(
            k ->
                k.keys().stream().filter(x -> !x.officer().equals(p.officer())).forEach(keys::add));
    keys.add(
        new OfficerKey(
            p.officer(),
            p.name(),
            pair.keyId(),
            Base64.getUrlEncoder().withoutPadding().encodeToString(pair.publicKey())));
    keys.sort(Comparator.comparing(OfficerKey::officer));
    ObjectNode payload = Json.mapper().valueToTree(new OfficerKeys(p.bureau(), version, now, keys));
    payload.put("type", TYPE);
    return payload;
  }

  /** The public key of an officer as their bureau shared it. */
  static Optional<OfficerKey> publicKey(Store s, String officer) {
    return bureauOf(officer).flatMap(b -> publicKey(s, b, officer));
  }

  /** The public key of an officer of {@code bureau} as that bureau shared it. */
  static Optional<OfficerKey> publicKey(Store s, BureauId bureau, String officer) {
    return current(s, bureau)
        .flatMap(
            e -> parse(e).keys().stream().filter(k -> k.officer().equals(officer)).findFirst());
  }

  /**
   * The bureau an officer number names ({@code <bureau code>-<n>}), or none for anything else —
   * never an exception (review-3 F3: an id without '-' threw StringIndexOutOfBounds, a 500).
   */
  static Optional<BureauId> bureauOf(String officer) {
    if (officer == null || !officer.matches("[1-9][0-9]{5}-[0-9]{1,8}")) {
      return Optional.empty();
    }
    return Optional.of(BureauId.of(officer.substring(0, 6)));
  }

  static SealingKeyPair unwrap(String wrapped, String passphrase) {
    return OfficerSealer.unwrapKey(wrapped, passphrase.toCharArray());
  }

  static OfficerKeys parse(SignedEnvelope env) {
    ObjectNode p = env.payload().deepCopy();
    p.remove("type");
    try {
      return Json.mapper().treeToValue(p, OfficerKeys.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an officer key list", e);
    }
  }
}
