package io.liaison.node.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.api.lead.Lead;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.Verification;
import io.liaison.node.trust.TrustService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A lead as it travels on the grid and sits in the store: the origin bureau's signed {@code
 * lead.posted} envelope followed by the signed transitions. The grid value is the JSON array of the
 * envelopes; {@link #hash()} of that text is the anti-entropy digest.
 */
public record LeadRecord(List<SignedEnvelope> envelopes, Lead lead, String json) {
  public static final String KIND = "lead";
  public static final String POSTED = "lead.posted";

  public LeadRecord {
    envelopes = List.copyOf(envelopes);
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(json, "json");
  }

  public SignedEnvelope posted() {
    return envelopes.get(0);
  }

  public String hash() {
    return Hashes.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Builds the record of a freshly posted lead. */
  public static LeadRecord ofPosted(SignedEnvelope posted, Lead lead) {
    try {
      return new LeadRecord(
          List.of(posted), lead, Json.mapper().writeValueAsString(List.of(posted)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise lead record", e);
    }
  }

  /**
   * Parses and verifies a grid or store value for {@code key}. Every envelope must verify against
   * the roster, the first must be a {@code lead.posted} by the lead's origin bureau, and its lead
   * id must be {@code key}. Never throws for bad input.
   */
  public static Result verify(String key, String json, TrustService trust) {
    List<SignedEnvelope> envs;
    try {
      envs = Json.mapper().readValue(json, new TypeReference<List<SignedEnvelope>>() {});
    } catch (JsonProcessingException | RuntimeException e) {
      return new Result.Rejected("MALFORMED", "not a list of signed envelopes");
    }
    if (envs.isEmpty()) {
      return new Result.Rejected("MALFORMED", "no envelopes");
    }
    for (int i = 0; i < envs.size(); i++) {
      Verification v = trust.verify(envs.get(i));
      if (v instanceof Verification.Invalid inv) {
        return new Result.Rejected(inv.reason().name(), "envelope " + i + ": " + inv.detail());
      }
    }
    SignedEnvelope first = envs.get(0);
    JsonNode payload = first.payload();
    if (!POSTED.equals(payload.path("type").asText())) {
      return new Result.Rejected("MALFORMED", "first envelope is not lead.posted");
    }
    Lead lead;
    try {
      lead = Json.mapper().treeToValue(payload.get("lead"), Lead.class);
    } catch (JsonProcessingException | RuntimeException e) {
      return new Result.Rejected("SCHEMA", "lead payload does not match the schema");
    }
    if (!lead.id().equals(key)) {
      return new Result.Rejected("MISMATCH", "lead id " + lead.id() + " stored under " + key);
    }
    if (!lead.originBureau().equals(first.signer())) {
      return new Result.Rejected(
          "MISMATCH", "lead of " + lead.originBureau() + " signed by " + first.signer());
    }
    return new Result.Accepted(new LeadRecord(envs, lead, json));
  }

  /** The outcome of {@link #verify}. */
  public sealed interface Result {
    record Accepted(LeadRecord record) implements Result {}

    record Rejected(String reason, String detail) implements Result {}
  }
}
