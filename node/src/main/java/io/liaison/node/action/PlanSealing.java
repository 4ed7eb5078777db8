package io.liaison.node.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanSummary;
import io.liaison.crypto.NotARecipientException;
import io.liaison.crypto.SealedContent;
import io.liaison.crypto.Sealer;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.trust.TrustService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;

/**
 * Need-to-know for plans: the plan text of each version (targets, tasks, communications,
 * commitments, contingency…), briefings and follow-up tasks are sealed (HPKE) to the bureaus taking
 * part in the version; the associated data binds each to its plan. A node opens what is sealed to
 * its bureau and nothing else; a non-participant stores and relays ciphertext only.
 */
public final class PlanSealing {
  private final TrustService trust;

  public PlanSealing(TrustService trust) {
    this.trust = trust;
  }

  /** {@code content} sealed to {@code recipients}, as a JSON tree for a payload. */
  public JsonNode seal(String planId, Object content, Collection<BureauId> recipients, Instant at) {
    byte[] plain;
    try {
      plain = Json.mapper().writeValueAsBytes(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise sealed content", e);
    }
    SealedContent s = Sealer.seal(plain, trust.roster(), recipients, aad(planId), at);
    return Json.mapper().valueToTree(s);
  }

  /** The sealed part of a step opened, or null when this bureau is not a recipient. */
  public JsonNode open(String planId, SignedEnvelope env) {
    JsonNode sealed = env.payload().get("sealed");
    if (sealed == null || sealed.isNull()) {
      return null;
    }
    SealedContent content = Json.mapper().convertValue(sealed, SealedContent.class);
    if (!content.isRecipient(trust.bureau())) {
      return null;
    }
    try {
      return Json.mapper().readTree(Sealer.open(content, trust.keys(), aad(planId)));
    } catch (NotARecipientException e) {
      return null; // sealed to a key this node no longer holds
    } catch (IOException e) {
      throw new PlanRefused(PlanRefused.Kind.MALFORMED, "sealed content is not JSON");
    }
  }

  /** The plan text of the record's current version, or null when sealed from this bureau. */
  public PlanContent content(PlanRecord rec) {
    JsonNode opened = open(rec.id(), rec.versionEnvelope());
    return opened == null ? null : Json.mapper().convertValue(opened, PlanContent.class);
  }

  /** The sealed text of a briefing or follow-up, or null when sealed from this bureau. */
  public String text(PlanRecord rec, SignedEnvelope env) {
    JsonNode opened = open(rec.id(), env);
    return opened == null ? null : opened.path("text").asText(null);
  }

  /** The summary of a summarised plan, or null (none yet, or sealed from this bureau). */
  public PlanSummary summary(PlanRecord rec) {
    if (rec.summarized() == null) {
      return null;
    }
    JsonNode opened = open(rec.id(), rec.summarized());
    return opened == null
        ? null
        : Json.mapper().convertValue(opened.get("summary"), PlanSummary.class);
  }

  public BureauId bureau() {
    return trust.bureau();
  }

  private static byte[] aad(String planId) {
    return ("liaison-plan:" + planId).getBytes(StandardCharsets.UTF_8);
  }
}
