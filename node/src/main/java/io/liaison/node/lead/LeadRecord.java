package io.liaison.node.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadStatus;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.api.lead.TransitionView;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.Verification;
import io.liaison.node.trust.RecordCheck;
import io.liaison.node.trust.TrustService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A lead as it travels on the grid and sits in the store: the origin bureau's signed {@code
 * lead.posted} envelope, then each signed {@code lead.transition}, every envelope naming the hash
 * of the one before ({@code prevHash}), so the history is a hash chain per lead. The grid value is
 * the JSON array of the envelopes; {@link #hash()} of that text is the anti-entropy digest.
 */
public record LeadRecord(
    List<SignedEnvelope> envelopes,
    Lead lead,
    LeadStatus status,
    List<TransitionView> history,
    String json) {
  public static final String KIND = "lead";
  public static final String POSTED = "lead.posted";
  public static final String TRANSITION = "lead.transition";
  private static final TypeReference<List<SignedEnvelope>> LIST = new TypeReference<>() {};

  public LeadRecord {
    envelopes = List.copyOf(envelopes);
    history = List.copyOf(history);
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(json, "json");
  }

  public SignedEnvelope posted() {
    return envelopes.get(0);
  }

  public SignedEnvelope last() {
    return envelopes.get(envelopes.size() - 1);
  }

  public String hash() {
    return hashOf(json);
  }

  public static String hashOf(String json) {
    return Hashes.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The payload of a post. */
  public static ObjectNode postPayload(Lead lead) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", POSTED);
    p.set("lead", Json.mapper().valueToTree(lead));
    return p;
  }

  /** The payload of a transition of lead {@code leadId}. */
  public static ObjectNode transitionPayload(String leadId, TransitionRequest request) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", TRANSITION);
    p.put("leadId", leadId);
    p.set("transition", Json.mapper().valueToTree(request));
    return p;
  }

  /**
   * This record with one more (already signed) transition.
   *
   * @throws TransitionRefused if the lifecycle does not allow it in the current state (checked
   *     first)
   * @throws StaleTransition if the lifecycle allows it but it was signed against another head
   */
  public LeadRecord append(SignedEnvelope transition) {
    TransitionRequest req;
    try {
      req =
          Json.lenient()
              .treeToValue(transition.payload().get("transition"), TransitionRequest.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new RecordRejected("SCHEMA", "not a valid transition");
    }
    // throws TransitionRefused (with its kind) before anything is built: what the current state
    // refuses is refused even when signed against an older version (a claim that lost its race is
    // answered at once instead of being sent again against the winner's head)
    LeadLifecycle.apply(
        lead,
        status,
        new Transition(transition.signer(), transition.signedAt(), req),
        transition.hash());
    if (!transition.prevHash().equals(status.lastHash())) {
      throw new StaleTransition(status.lastHash());
    }
    List<SignedEnvelope> more = new ArrayList<>(envelopes);
    more.add(transition);
    return build(lead.id(), more, serialise(more));
  }

  /** Thrown by {@link #append} when the transition was signed against an older version. */
  public static final class StaleTransition extends RuntimeException {
    public StaleTransition(String current) {
      super("the lead changed; current head is " + current, null, false, false);
    }
  }

  /**
   * Parses {@code json} as the record of lead {@code key}: structure, hash chain and lifecycle, but
   * not signatures (see {@link #verify}).
   *
   * @throws RecordRejected with a reason if anything is wrong
   */
  public static LeadRecord parse(String key, String json) {
    List<SignedEnvelope> envs;
    try {
      envs = Json.mapper().readValue(json, LIST);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new RecordRejected("MALFORMED", "not a list of signed envelopes");
    }
    if (envs.isEmpty()) {
      throw new RecordRejected("MALFORMED", "no envelopes");
    }
    return build(key, envs, json);
  }

  private static LeadRecord build(String key, List<SignedEnvelope> envs, String json) {
    SignedEnvelope first = envs.get(0);
    JsonNode payload = first.payload();
    if (!POSTED.equals(payload.path("type").asText())) {
      throw new RecordRejected("MALFORMED", "first envelope is not lead.posted");
    }
    if (!Hashes.GENESIS.equals(first.prevHash())) {
      throw new RecordRejected("CHAIN", "a post must start the lead's chain");
    }
    Lead lead;
    try {
      lead = Json.lenient().treeToValue(payload.get("lead"), Lead.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new RecordRejected("SCHEMA", "lead payload does not match the schema");
    }
    if (!lead.id().equals(key)) {
      throw new RecordRejected("MISMATCH", "lead id " + lead.id() + " stored under " + key);
    }
    if (!lead.originBureau().equals(first.signer())) {
      throw new RecordRejected(
          "MISMATCH", "lead of " + lead.originBureau() + " signed by " + first.signer());
    }
    LeadStatus status = LeadLifecycle.initial(first.hash());
    List<TransitionView> history = new ArrayList<>();
    for (int i = 1; i < envs.size(); i++) {
      SignedEnvelope env = envs.get(i);
      JsonNode p = env.payload();
      if (!TRANSITION.equals(p.path("type").asText()) || !key.equals(p.path("leadId").asText())) {
        throw new RecordRejected("MALFORMED", "envelope " + i + " is not a transition of " + key);
      }
      if (!env.prevHash().equals(status.lastHash())) {
        throw new RecordRejected("CHAIN", "envelope " + i + " does not follow envelope " + (i - 1));
      }
      TransitionRequest req;
      try {
        req = Json.lenient().treeToValue(p.get("transition"), TransitionRequest.class);
      } catch (JsonProcessingException | RuntimeException e) {
        throw new RecordRejected("SCHEMA", "envelope " + i + " is not a valid transition");
      }
      String hash = env.hash();
      try {
        status =
            LeadLifecycle.apply(
                lead, status, new Transition(env.signer(), env.signedAt(), req), hash);
      } catch (TransitionRefused r) {
        throw new RecordRejected("ILLEGAL_TRANSITION", "envelope " + i + ": " + r.getMessage());
      }
      history.add(
          new TransitionView(
              req.event(),
              env.signer(),
              req.officer(),
              env.signedAt(),
              req.note(),
              req.to(),
              req.feedback(),
              req.outcome(),
              req.caseNumber(),
              req.mergedInto(),
              env.keyId(),
              hash,
              req.cohandlers()));
    }
    return new LeadRecord(envs, lead, status, history, json);
  }

  /**
   * Parses and verifies a grid or store value for {@code key}: every signature against the roster,
   * then {@link #parse}. Never throws for bad input.
   */
  public static RecordCheck<LeadRecord> verify(String key, String json, TrustService trust) {
    LeadRecord rec;
    try {
      rec = parse(key, json);
    } catch (RecordRejected r) {
      return new RecordCheck.Rejected<>(r.reason(), r.getMessage());
    }
    for (int i = 0; i < rec.envelopes().size(); i++) {
      Verification v = trust.verify(rec.envelopes().get(i));
      if (v instanceof Verification.Invalid inv) {
        return new RecordCheck.Rejected<>(
            inv.reason().name(), "envelope " + i + ": " + inv.detail());
      }
    }
    return new RecordCheck.Accepted<>(rec);
  }

  /** Builds the record of a freshly posted lead. */
  public static LeadRecord ofPosted(SignedEnvelope posted) {
    List<SignedEnvelope> l = List.of(posted);
    return build(posted.payload().path("lead").path("id").asText(), l, serialise(l));
  }

  static String serialise(List<SignedEnvelope> envs) {
    try {
      return Json.mapper().writeValueAsString(envs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise lead record", e);
    }
  }

  /** Whether {@code other} continues this record (this record's envelopes are its prefix). */
  public boolean isPrefixOf(LeadRecord other) {
    if (other.envelopes.size() < envelopes.size()) {
      return false;
    }
    for (int i = 0; i < envelopes.size(); i++) {
      if (!envelopes.get(i).signature().equals(other.envelopes.get(i).signature())) {
        return false;
      }
    }
    return true;
  }

  /** A record that cannot be accepted, with a stable reason code. */
  public static final class RecordRejected extends RuntimeException {
    private final String reason;

    public RecordRejected(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
