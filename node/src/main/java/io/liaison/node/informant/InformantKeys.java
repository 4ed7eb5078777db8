package io.liaison.node.informant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.informant.KeyRequest;
import io.liaison.api.informant.OfficerKeys;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.OfficerSealer;
import io.liaison.crypto.SealingKeyPair;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.access.Principal;
import io.liaison.node.trust.SignedRecords;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Officers' sealing keys: made on the officer's own node, the public half shared signed. */
final class InformantKeys {
  private static final Logger LOG = LoggerFactory.getLogger(InformantKeys.class);
  private final InformantParts parts;

  InformantKeys(InformantParts parts) {
    this.parts = parts;
  }

  /** Makes a new sealing key for the signed-in officer and shares its public half. */
  Future<OfficerKeys> makeKey(Principal p, KeyRequest request) {
    Instant now = parts.now();
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
            k ->
                LOG.info(
                    "officer key made officer={} bureau={} version={}",
                    p.officer(),
                    k.bureau(),
                    k.version()));
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
