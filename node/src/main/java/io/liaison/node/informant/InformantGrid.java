package io.liaison.node.informant;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.lead.LeadIds;
import io.liaison.node.trust.SignedRecords;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Records seen on the grid: verified, signed by the bureau they name, kept when newer. */
final class InformantGrid {
  private final InformantParts parts;
  private final GridReconciler reconciler;

  InformantGrid(InformantParts parts) {
    this.parts = parts;
    this.reconciler =
        new GridReconciler(
            parts.vertx,
            parts.store,
            parts.grid,
            InformantService.KIND,
            this::receive,
            parts.quarantine);
  }

  GridReconciler reconciler() {
    return reconciler;
  }

  /** Takes a record seen on the grid: verified, signed by the bureau it names, newer than ours. */
  Future<Boolean> receive(String key, String json) {
    SignedEnvelope env;
    try {
      env = SignedRecords.envelope(json);
    } catch (RuntimeException e) {
      return parts
          .quarantine
          .add(key, "MALFORMED", "not a signed envelope", json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    JsonNode p = env.payload();
    String type = p.path("type").asText();
    String named = p.path("bureau").asText();
    boolean keyFits =
        switch (type) {
          case OfficerKeyring.TYPE -> key.equals(OfficerKeyring.key(env.signer()));
          case InformantService.SOURCE ->
              key.equals(InformantService.sourceKey(p.path("leadId").asText()))
                  && LeadIds.isValid(p.path("leadId").asText())
                  && p.path("leadId").asText().startsWith(env.signer().code() + "-");
          case InformantService.OPENED -> openedKeyFits(key, p, env.signer());
          case InformantService.RESEALED -> resealedKeyFits(key, p, env.signer());
          default -> false;
        };
    if (!keyFits || !parts.trust.verify(env).isValid() || !env.signer().code().equals(named)) {
      return parts
          .quarantine
          .add(key, "BAD_INFORMANT_RECORD", "signature, signer, type or key wrong", json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    return parts
        .store
        .call(
            s -> {
              long incoming = p.path("version").asLong(1);
              long stored =
                  s.record(key)
                      .map(
                          r -> SignedRecords.envelope(r.body()).payload().path("version").asLong(1))
                      .orElse(0L);
              if (incoming <= stored) {
                return false;
              }
              return SignedRecords.put(s, key, InformantService.KIND, env);
            })
        .compose(
            taken ->
                taken ? Future.succeededFuture(true) : reconciler.repair(key, json).map(false));
  }

  /**
   * A re-seal names its lead, its maker (an officer of the signing bureau), the officer it is for
   * and its time, and is kept under exactly the key those make.
   */
  static boolean resealedKeyFits(String key, JsonNode p, BureauId signer) {
    String leadId = p.path("leadId").asText();
    String officer = p.path("officer").asText();
    String opener = p.path("opener").asText();
    if (!LeadIds.isValid(leadId)
        || !officer.startsWith(signer.code() + "-")
        || !opener.matches("[1-9][0-9]{5}-[0-9]{1,8}")
        || !p.has("identity")) {
      return false;
    }
    try {
      Instant at = Instant.parse(p.path("at").asText());
      // a re-seal stored before the key named its maker keeps its key
      return key.equals(IdentitySeals.resealKey(leadId, opener, officer, at))
          || key.equals(IdentitySeals.legacyResealKey(leadId, opener, at));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * An opening names its lead, an officer of the signing bureau and its time, and is kept under
   * exactly the key those make: a member cannot put another bureau's officer, or a second key for
   * one opening, into a register.
   */
  static boolean openedKeyFits(String key, JsonNode p, BureauId signer) {
    String leadId = p.path("leadId").asText();
    String officer = p.path("officer").asText();
    if (!LeadIds.isValid(leadId) || !officer.startsWith(signer.code() + "-")) {
      return false;
    }
    try {
      Instant at = Instant.parse(p.path("at").asText());
      return key.equals("opened-" + leadId + "-" + officer + "-" + at.toEpochMilli());
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
