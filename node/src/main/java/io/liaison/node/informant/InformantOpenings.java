package io.liaison.node.informant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.informant.Informant;
import io.liaison.api.informant.OpenRequest;
import io.liaison.api.informant.OpenedInformant;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.NotARecipientException;
import io.liaison.crypto.OfficerSealed;
import io.liaison.crypto.OfficerSealer;
import io.liaison.crypto.SealingKeyPair;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.WrongPassphraseException;
import io.liaison.node.access.Principal;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Refused;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening an identity for a chosen officer signed in on their own node, with their passphrase; the
 * opening is signed, chained and shared before the answer. Wrong passphrases are counted.
 */
final class InformantOpenings {
  private static final Logger LOG = LoggerFactory.getLogger(InformantService.class);

  /**
   * Wrong passphrases an officer may give within {@link #GUESS_WINDOW} before opening is refused
   * until the oldest leaves the window: the passphrase is all that stands between a signed-in
   * session and an informant's identity, so it is not open to guessing at request speed. Kept in
   * this node's memory (a restart forgets the count; the request limit still applies).
   */
  static final int MAX_WRONG_PASSPHRASES = 5;

  static final Duration GUESS_WINDOW = Duration.ofMinutes(15);
  private final Map<String, Deque<Instant>> wrongPassphrases = new ConcurrentHashMap<>();
  private final InformantParts parts;

  InformantOpenings(InformantParts parts) {
    this.parts = parts;
  }

  /**
   * The identity, to a chosen officer signed in here who gives their passphrase: opened with their
   * private key on this node, the opening signed, chained and shared before the answer.
   */
  Future<OpenedInformant> open(Principal p, String leadId, OpenRequest r) {
    Instant now = parts.now();
    Optional<Instant> lockedUntil = lockedUntil(p.officer(), now);
    if (lockedUntil.isPresent()) {
      LOG.warn(
          "informant opening refused lead={} officer={}: too many wrong passphrases",
          leadId,
          p.officer());
      return Future.failedFuture(
          new Refused(
              "too-many-attempts",
              "Too many wrong passphrases",
              MAX_WRONG_PASSPHRASES
                  + " wrong passphrases within "
                  + GUESS_WINDOW.toMinutes()
                  + " minutes: opening is refused until "
                  + lockedUntil.get(),
              "/passphrase"));
    }
    return parts
        .store
        .call(
            s -> {
              SignedEnvelope env = IdentitySeals.sourceOf(s, leadId);
              JsonNode identity = env.payload().get("identity");
              OfficerSealed sealed = identity == null ? null : IdentitySeals.sealedOf(identity);
              if (sealed == null || sealed.opener(p.officer()).isEmpty()) {
                throw IdentitySeals.notAnOpener();
              }
              String wrapped =
                  OfficerKeyring.wrapped(s, p.officer())
                      .orElseThrow(
                          () ->
                              new Conflict(
                                  "no-officer-key",
                                  "this officer has no sealing key on this node"));
              return new Object[] {env, sealed, wrapped};
            })
        .compose(
            x ->
                parts.vertx.executeBlocking(
                    () -> {
                      SignedEnvelope env = (SignedEnvelope) x[0];
                      SealingKeyPair key;
                      try {
                        key = OfficerKeyring.unwrap((String) x[2], r.passphrase());
                      } catch (WrongPassphraseException e) {
                        wrongPassphrase(p.officer(), now);
                        LOG.warn(
                            "informant opening refused lead={} officer={}: wrong passphrase",
                            leadId,
                            p.officer());
                        throw new Refused(
                            "wrong-passphrase",
                            "Wrong passphrase",
                            "the passphrase does not open this officer's key",
                            "/passphrase");
                      }
                      try {
                        byte[] plain =
                            OfficerSealer.open(
                                (OfficerSealed) x[1],
                                p.officer(),
                                key,
                                IdentitySeals.aad(leadId, env.signer()));
                        return Json.mapper().readValue(plain, Informant.class);
                      } catch (NotARecipientException e) {
                        throw new Conflict(
                            "sealed-for-older-key",
                            "sealed for a key this officer has since replaced; ask the poster to seal it again");
                      }
                    },
                    false))
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

  /** When the officer may try again, if {@link #MAX_WRONG_PASSPHRASES} are in the window. */
  private Optional<Instant> lockedUntil(String officer, Instant now) {
    Deque<Instant> wrong = wrongPassphrases.get(officer);
    if (wrong == null) {
      return Optional.empty();
    }
    synchronized (wrong) {
      while (!wrong.isEmpty() && !wrong.peekFirst().plus(GUESS_WINDOW).isAfter(now)) {
        wrong.pollFirst();
      }
      return wrong.size() < MAX_WRONG_PASSPHRASES
          ? Optional.empty()
          : Optional.of(wrong.peekFirst().plus(GUESS_WINDOW));
    }
  }

  private void wrongPassphrase(String officer, Instant at) {
    Deque<Instant> wrong = wrongPassphrases.computeIfAbsent(officer, o -> new ArrayDeque<>());
    synchronized (wrong) {
      wrong.addLast(at);
    }
  }
}
