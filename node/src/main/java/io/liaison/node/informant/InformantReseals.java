package io.liaison.node.informant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.informant.Informant;
import io.liaison.api.informant.OfficerKey;
import io.liaison.api.informant.ResealRequest;
import io.liaison.crypto.CanonicalJson;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.OfficerSealed;
import io.liaison.crypto.OfficerSealer;
import io.liaison.node.access.Principal;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.Refused;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-sealing an identity for a chosen officer who re-made their key after a forgotten passphrase.
 * Only someone who can open it can seal it again, so the re-sealer is another officer the poster
 * chose (a chief too, if chosen), signed in on their own node with their passphrase (counted like
 * an opening); it is sealed to the current key of an officer the poster chose, never to anyone
 * else. The re-seal ({@code resealed-<lead>-<opener>-<maker>-<ms>}, the new copy for that one
 * officer) is signed by the re-sealer's bureau, chained in its audit log and shared like an
 * opening: the poster's register shows who re-sealed for whom when.
 */
final class InformantReseals {
  private static final Logger LOG = LoggerFactory.getLogger(InformantService.class);
  private final InformantParts parts;
  private final PassphraseGuard guard;
  private final InformantOpenings openings;

  InformantReseals(InformantParts parts, PassphraseGuard guard, InformantOpenings openings) {
    this.parts = parts;
    this.guard = guard;
    this.openings = openings;
  }

  Future<Void> reseal(Principal p, String leadId, ResealRequest r) {
    Instant now = parts.now();
    try {
      guard.check(p.officer(), "re-seal lead=" + leadId, now);
    } catch (Refused e) {
      return Future.failedFuture(e);
    }
    return parts
        .store
        .call(
            s -> {
              InformantOpenings.Sealed mine = InformantOpenings.sealedFor(s, leadId, p.officer());
              if (r.opener().equals(p.officer())) {
                throw new Invalid(
                    "reseal-self",
                    "another chosen officer re-seals it for you; your own copy opens only with"
                        + " the key it was sealed to",
                    "/opener");
              }
              if (IdentitySeals.copies(s, mine.source(), r.opener()).isEmpty()) {
                throw new Invalid(
                    "not-an-opener", "the poster did not choose " + r.opener(), "/opener");
              }
              OfficerKey key =
                  OfficerKeyring.publicKey(s, r.opener())
                      .orElseThrow(
                          () ->
                              new Invalid(
                                  "opener-without-key",
                                  "officer "
                                      + r.opener()
                                      + " has no sealing key (they make one first)",
                                  "/opener"));
              if (IdentitySeals.copyFor(s, mine.source(), r.opener(), key.keyId()).isPresent()) {
                throw new Conflict(
                    "not-stale",
                    "Already readable",
                    "officer " + r.opener() + " can open it with their current key",
                    "/opener");
              }
              return Map.entry(mine, key);
            })
        .compose(
            x ->
                parts.vertx.executeBlocking(
                    () -> {
                      InformantOpenings.Sealed mine = x.getKey();
                      Informant who = openings.plaintext(p, leadId, mine, r.passphrase(), now);
                      byte[] plain = CanonicalJson.canonicalize(Json.mapper().valueToTree(who));
                      return OfficerSealer.seal(
                          plain,
                          Map.of(
                              r.opener(), Base64.getUrlDecoder().decode(x.getValue().publicKey())),
                          IdentitySeals.aad(leadId, mine.source().signer()));
                    },
                    false))
        .compose(
            (OfficerSealed copy) ->
                parts.store.transaction(
                    s -> {
                      String id = IdentitySeals.resealKey(leadId, r.opener(), p.officer(), now);
                      ObjectNode payload = Json.mapper().createObjectNode();
                      payload.put("type", InformantService.RESEALED);
                      payload.put("leadId", leadId);
                      payload.put("officer", p.officer());
                      payload.put("bureau", p.bureau().code());
                      payload.put("opener", r.opener());
                      payload.put("at", now.toString());
                      payload.set("identity", Json.mapper().valueToTree(copy));
                      return Map.entry(id, parts.signAndKeep(s, id, payload, Hashes.GENESIS, now));
                    }))
        .compose(e -> parts.share(e.getKey(), e.getValue()))
        .onSuccess(
            e ->
                LOG.warn(
                    "informant identity re-sealed lead={} officer={} for={}",
                    leadId,
                    p.officer(),
                    r.opener()))
        .mapEmpty();
  }
}
