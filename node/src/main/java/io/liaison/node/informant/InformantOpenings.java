package io.liaison.node.informant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.informant.Informant;
import io.liaison.api.informant.OfficerKey;
import io.liaison.api.informant.OpenRequest;
import io.liaison.api.informant.OpenedInformant;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.OfficerSealed;
import io.liaison.crypto.OfficerSealer;
import io.liaison.crypto.SealingKeyPair;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.access.Principal;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Refused;
import io.liaison.node.store.Store;
import io.vertx.core.Future;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening an identity for a chosen officer signed in on their own node, with their passphrase; the
 * opening is signed, chained and shared before the answer. The re-seal ({@link InformantReseals})
 * opens the same way before it seals again.
 */
final class InformantOpenings {
  private static final Logger LOG = LoggerFactory.getLogger(InformantService.class);
  private final InformantParts parts;
  private final PassphraseGuard guard;

  InformantOpenings(InformantParts parts, PassphraseGuard guard) {
    this.parts = parts;
    this.guard = guard;
  }

  /** What an officer needs to open a report here: the report, their copy and its wrapped key. */
  record Sealed(SignedEnvelope source, OfficerSealed copy, String wrapped, boolean stale) {}

  /**
   * The copy {@code officer} opens (store thread): the one sealed to their current key if there is
   * one (the poster's own before any re-seal), else a copy sealed to a key they still keep wrapped
   * here (re-made after a forgotten passphrase: it opens with the forgotten passphrase, if
   * remembered).
   */
  static Sealed sealedFor(Store s, String leadId, String officer) {
    SignedEnvelope env = IdentitySeals.sourceOf(s, leadId);
    List<OfficerSealed> copies = IdentitySeals.copies(s, env, officer);
    if (copies.isEmpty()) {
      throw IdentitySeals.notAnOpener();
    }
    Optional<String> current = OfficerKeyring.publicKey(s, officer).map(OfficerKey::keyId);
    for (OfficerSealed c : copies) {
      String keyId = c.opener(officer).orElseThrow().keyId();
      if (current.isPresent() && current.get().equals(keyId)) {
        Optional<String> w = OfficerKeyring.wrapped(s, officer, keyId);
        if (w.isPresent()) {
          return new Sealed(env, c, w.get(), false);
        }
      }
    }
    for (OfficerSealed c : copies) {
      Optional<String> w =
          OfficerKeyring.wrapped(s, officer, c.opener(officer).orElseThrow().keyId());
      if (w.isPresent()) {
        return new Sealed(env, c, w.get(), true);
      }
    }
    if (OfficerKeyring.wrapped(s, officer).isPresent()) {
      throw sealedForOlderKey();
    }
    throw new Conflict("no-officer-key", "this officer has no sealing key on this node");
  }

  /** The identity in clear (worker thread): the officer's key unwrapped, the copy opened. */
  Informant plaintext(Principal p, String leadId, Sealed x, String passphrase, Instant now) {
    SealingKeyPair key;
    try {
      key =
          guard.unwrap(x.wrapped(), passphrase, p.officer(), "lead=" + leadId, "/passphrase", now);
    } catch (Refused wrong) {
      if (x.stale()) {
        throw sealedForOlderKey();
      }
      throw wrong;
    }
    byte[] plain =
        OfficerSealer.open(
            x.copy(), p.officer(), key, IdentitySeals.aad(leadId, x.source().signer()));
    try {
      return Json.mapper().readValue(plain, Informant.class);
    } catch (IOException e) {
      throw new IllegalStateException("opened identity unreadable for lead " + leadId);
    }
  }

  /**
   * The identity, to a chosen officer signed in here who gives their passphrase: opened with their
   * private key on this node, the opening signed, chained and shared before the answer.
   */
  Future<OpenedInformant> open(Principal p, String leadId, OpenRequest r) {
    Instant now = parts.now();
    try {
      guard.check(p.officer(), "opening lead=" + leadId, now);
    } catch (Refused e) {
      return Future.failedFuture(e);
    }
    return parts
        .store
        .call(s -> sealedFor(s, leadId, p.officer()))
        .compose(
            x ->
                parts.vertx.executeBlocking(
                    () -> plaintext(p, leadId, x, r.passphrase(), now), false))
        .compose(
            informant ->
                parts
                    .store
                    .transaction(
                        s -> {
                          String id =
                              "opened-" + leadId + "-" + p.officer() + "-" + now.toEpochMilli();
                          ObjectNode payload = Json.mapper().createObjectNode();
                          payload.put("type", InformantService.OPENED);
                          payload.put("leadId", leadId);
                          payload.put("officer", p.officer());
                          payload.put("bureau", p.bureau().code());
                          payload.put("at", now.toString());
                          return Map.entry(
                              id, parts.signAndKeep(s, id, payload, Hashes.GENESIS, now));
                        })
                    .compose(e -> parts.share(e.getKey(), e.getValue()))
                    .map(e -> new OpenedInformant(leadId, p.officer(), now, informant)))
        .onSuccess(
            o -> LOG.warn("informant identity opened lead={} officer={}", leadId, p.officer()));
  }

  static Conflict sealedForOlderKey() {
    return new Conflict(
        "sealed-for-older-key",
        "Sealed for an older key",
        "sealed for a key this officer has since replaced; give that key's passphrase, or ask"
            + " another chosen officer to re-seal it for you");
  }
}
