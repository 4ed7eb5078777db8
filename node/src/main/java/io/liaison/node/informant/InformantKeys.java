package io.liaison.node.informant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.informant.KeyRequest;
import io.liaison.api.informant.OfficerKeys;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.OfficerSealer;
import io.liaison.crypto.SealingKeyPair;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.access.Principal;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Refused;
import io.liaison.node.trust.SignedRecords;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Officers' sealing keys: made on the officer's own node, the public half shared signed. A key once
 * made is never silently replaced: its passphrase is changed with the current one (the same key,
 * everything sealed to it stays readable), or a new key is made only when the officer says the
 * passphrase is forgotten — the old wrapped key stays kept, and what was sealed to it shows as
 * unreadable for them until another chosen officer re-seals it ({@link InformantReseals}).
 */
final class InformantKeys {
  private static final Logger LOG = LoggerFactory.getLogger(InformantKeys.class);
  private final InformantParts parts;
  private final PassphraseGuard guard;

  InformantKeys(InformantParts parts, PassphraseGuard guard) {
    this.parts = parts;
    this.guard = guard;
  }

  /** A first key, a passphrase change, or a new key after a forgotten passphrase. */
  Future<OfficerKeys> putKey(Principal p, KeyRequest request) {
    Instant now = parts.now();
    return parts
        .store
        .call(s -> OfficerKeyring.wrapped(s, p.officer()))
        .compose(
            current -> {
              if (current.isEmpty() || request.forgotten()) {
                return makeKey(p, request, now, current.isPresent());
              }
              if (request.currentPassphrase() == null) {
                return Future.failedFuture(
                    new Conflict(
                        "key-exists",
                        "This officer has a sealing key",
                        "this officer has a sealing key: give the current passphrase to change it,"
                            + " or say it is forgotten to make a new key",
                        "/currentPassphrase"));
              }
              return changePassphrase(p, request, current.get(), now);
            });
  }

  /** The same key kept under a new passphrase, the current one given (and counted if wrong). */
  private Future<OfficerKeys> changePassphrase(
      Principal p, KeyRequest request, String wrapped, Instant now) {
    try {
      guard.check(p.officer(), "passphrase change", now);
    } catch (Refused e) {
      return Future.failedFuture(e);
    }
    return parts
        .vertx
        .executeBlocking(
            () -> {
              SealingKeyPair key =
                  guard.unwrap(
                      wrapped,
                      request.currentPassphrase(),
                      p.officer(),
                      "passphrase change",
                      "/currentPassphrase",
                      now);
              return Map.entry(
                  key.keyId(),
                  OfficerSealer.wrapKey(key, request.passphrase().toCharArray(), parts.kdf));
            },
            false)
        .compose(
            made ->
                parts.store.call(
                    s -> {
                      OfficerKeyring.keepWrapped(s, p, made.getKey(), made.getValue(), now);
                      return OfficerKeyring.parse(
                          OfficerKeyring.current(s, p.bureau())
                              .orElseThrow(
                                  () ->
                                      new Conflict(
                                          "no-officer-key",
                                          "this officer has no sealing key on this node")));
                    }))
        .onSuccess(
            k ->
                LOG.info(
                    "officer key passphrase changed officer={} bureau={}",
                    p.officer(),
                    k.bureau()));
  }

  /** Makes a new sealing key for the signed-in officer and shares its public half. */
  private Future<OfficerKeys> makeKey(
      Principal p, KeyRequest request, Instant now, boolean replacing) {
    return parts
        .vertx
        .executeBlocking(
            () -> {
              SealingKeyPair pair = SealingKeyPair.generate();
              return Map.entry(
                  pair, OfficerSealer.wrapKey(pair, request.passphrase().toCharArray(), parts.kdf));
            },
            false)
        .compose(
            made ->
                parts.store.transaction(
                    s -> {
                      OfficerKeyring.keepWrapped(s, p, made.getKey().keyId(), made.getValue(), now);
                      String id = OfficerKeyring.key(p.bureau());
                      ObjectNode payload = OfficerKeyring.next(s, p, made.getKey(), now);
                      String prev =
                          OfficerKeyring.current(s, p.bureau())
                              .map(SignedEnvelope::hash)
                              .orElse(Hashes.GENESIS);
                      return parts.signAndKeep(s, id, payload, prev, now);
                    }))
        .compose(env -> parts.share(OfficerKeyring.key(p.bureau()), env))
        .map(OfficerKeyring::parse)
        .onSuccess(
            k -> {
              if (replacing) {
                LOG.warn(
                    "officer key re-made after a forgotten passphrase officer={} bureau={}"
                        + " version={}: what was sealed to the old key needs a re-seal",
                    p.officer(),
                    k.bureau(),
                    k.version());
              } else {
                LOG.info(
                    "officer key made officer={} bureau={} version={}",
                    p.officer(),
                    k.bureau(),
                    k.version());
              }
            });
  }

  /** Every bureau's officers' keys held by this node. */
  Future<OfficerKeys.Page> keys() {
    return parts.store.call(
        s ->
            new OfficerKeys.Page(
                s
                    .recordsWhere(InformantService.KIND, "id LIKE 'keys-%'", List.of(), null, 1000)
                    .stream()
                    .map(r -> OfficerKeyring.parse(SignedRecords.envelope(r.body())))
                    .sorted(Comparator.comparing(OfficerKeys::bureau))
                    .toList()));
  }
}
