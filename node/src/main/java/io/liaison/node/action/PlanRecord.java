package io.liaison.node.action;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanResult;
import io.liaison.api.action.PlanState;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plan as it travels on the grid and sits in the store: a hash chain of signed {@value #STEP}
 * envelopes — the lead bureau's {@code CREATE}, then every step of every bureau, each naming the
 * hash of the one before ({@code prevHash}, the version fence). The grid value is the JSON array of
 * the envelopes. Reading a record replays the chain through {@link PlanStateMachine} and the rules
 * of who may act, so every node (and the partition owner, which holds no keys) derives the same
 * state from the same chain. Signatures are checked by the reader that has the roster ({@link
 * ActionService}); sealed content is opened by {@link PlanSealing}.
 *
 * <p>Costs: parsing and replay are linear in the number of steps (tens for a real operation).
 */
public record PlanRecord(
    String id,
    List<SignedEnvelope> envelopes,
    PlanState state,
    PlanOutline outline,
    int version,
    SignedEnvelope versionEnvelope,
    List<Signature> approvals,
    Map<BureauId, Signature> results,
    SignedEnvelope summarized,
    String cancelReason,
    List<SignedEnvelope> briefings,
    List<SignedEnvelope> followUps,
    Map<String, Instant> followUpsDone,
    String json) {
  public static final String KIND = "action.plan";
  public static final String STEP = "action.step";
  private static final TypeReference<List<SignedEnvelope>> LIST = new TypeReference<>() {};

  public PlanRecord {
    envelopes = List.copyOf(envelopes);
    approvals = List.copyOf(approvals);
    results = Map.copyOf(results);
    briefings = List.copyOf(briefings);
    followUps = List.copyOf(followUps);
    followUpsDone = Map.copyOf(followUpsDone);
    Objects.requireNonNull(json, "json");
  }

  /** A bureau's signed step that counts (an approval, a result): the envelope and its officer. */
  public record Signature(BureauId bureau, String officer, int version, SignedEnvelope envelope) {}

  public SignedEnvelope last() {
    return envelopes.get(envelopes.size() - 1);
  }

  /** The anti-entropy digest of the record. */
  public String hash() {
    return Hashes.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the bureau takes part in the current version. */
  public boolean participant(BureauId b) {
    return outline.participants().contains(b);
  }

  /** The participants whose chief has not signed the current version. */
  public List<BureauId> awaiting() {
    Set<BureauId> signed = new TreeSet<>();
    approvals.stream().filter(a -> a.version() == version).forEach(a -> signed.add(a.bureau()));
    return outline.participants().stream().filter(b -> !signed.contains(b)).toList();
  }

  /** The sum of the bureaus' latest results. */
  public PlanResult total() {
    PlanResult t = PlanResult.ZERO;
    for (Signature s : results.values()) {
      t = t.plus(result(s.envelope()));
    }
    return t;
  }

  static PlanResult result(SignedEnvelope env) {
    return Json.mapper().convertValue(env.payload().get("result"), PlanResult.class);
  }

  // ---- payloads ----

  /** The payload of a step of plan {@code planId}; the caller adds the event's fields. */
  public static ObjectNode payload(String planId, PlanEvent event, String officer, int version) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", STEP);
    p.put("planId", planId);
    p.put("event", event.name());
    p.put("officer", officer);
    p.put("version", version);
    return p;
  }

  // ---- reading ----

  /** Parses and replays a grid value; throws {@link PlanRefused} (MALFORMED…) when invalid. */
  public static PlanRecord parse(String key, String json) {
    List<SignedEnvelope> envs;
    try {
      envs = Json.mapper().readValue(json, LIST);
    } catch (IOException | RuntimeException e) {
      throw new PlanRefused(PlanRefused.Kind.MALFORMED, "not a JSON array of envelopes");
    }
    return replay(key, envs, json);
  }

  /** This record with one more (already signed) step, or a refusal saying why not. */
  public PlanRecord append(SignedEnvelope step) {
    if (!last().hash().equals(step.prevHash())) {
      throw new Stale();
    }
    List<SignedEnvelope> next = new ArrayList<>(envelopes);
    next.add(step);
    return replay(id, next, json(next));
  }

  /** The first record of a plan: its {@code CREATE} alone. */
  public static PlanRecord create(String planId, SignedEnvelope created) {
    return replay(planId, List.of(created), json(List.of(created)));
  }

  /** A step that does not name the record's last step: the caller must read again. */
  public static final class Stale extends RuntimeException {
    Stale() {
      super("the plan has moved on", null, false, false);
    }
  }

  static String json(List<SignedEnvelope> envs) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < envs.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(new String(envs.get(i).toJson(), StandardCharsets.UTF_8));
    }
    return b.append(']').toString();
  }

  private static PlanRecord replay(String key, List<SignedEnvelope> envs, String json) {
    if (envs.isEmpty()) {
      throw new PlanRefused(PlanRefused.Kind.MALFORMED, "a plan has at least its creation");
    }
    Replay r = new Replay(key);
    for (int i = 0; i < envs.size(); i++) {
      SignedEnvelope e = envs.get(i);
      String prev = i == 0 ? Hashes.GENESIS : envs.get(i - 1).hash();
      if (!prev.equals(e.prevHash())) {
        throw new PlanRefused(PlanRefused.Kind.MALFORMED, "step " + i + " breaks the hash chain");
      }
      try {
        r.apply(e, i == 0);
      } catch (IllegalArgumentException | NullPointerException x) {
        throw new PlanRefused(PlanRefused.Kind.MALFORMED, "step " + i + " does not read");
      }
    }
    return new PlanRecord(
        key,
        envs,
        r.state,
        r.outline,
        r.version,
        r.versionEnvelope,
        r.approvals,
        r.results,
        r.summarized,
        r.cancelReason,
        r.briefings,
        r.followUps,
        r.followUpsDone,
        json);
  }

  /** The replay of a chain, step by step. */
  private static final class Replay {
    final String planId;
    PlanState state;
    PlanOutline outline;
    int version;
    SignedEnvelope versionEnvelope;
    final List<Signature> approvals = new ArrayList<>();
    final Map<BureauId, Signature> results = new LinkedHashMap<>();
    SignedEnvelope summarized;
    String cancelReason;
    final List<SignedEnvelope> briefings = new ArrayList<>();
    final List<SignedEnvelope> followUps = new ArrayList<>();
    final Map<String, Instant> followUpsDone = new LinkedHashMap<>();

    Replay(String planId) {
      this.planId = planId;
    }

    void apply(SignedEnvelope e, boolean first) {
      JsonNode p = e.payload();
      if (!STEP.equals(p.path("type").asText()) || !planId.equals(p.path("planId").asText())) {
        throw new PlanRefused(PlanRefused.Kind.MALFORMED, "not a step of plan " + planId);
      }
      PlanEvent event;
      try {
        event = PlanEvent.valueOf(p.path("event").asText());
      } catch (IllegalArgumentException x) {
        throw new PlanRefused(PlanRefused.Kind.MALFORMED, "unknown event");
      }
      String officer = p.path("officer").asText("");
      int stepVersion = p.path("version").asInt(-1);
      BureauId by = e.signer();
      if (first) {
        if (event != PlanEvent.CREATE || stepVersion != 1) {
          throw new PlanRefused(PlanRefused.Kind.MALFORMED, "a plan starts with CREATE, version 1");
        }
        newVersion(e, by, 1);
        state = PlanState.DRAFT;
        return;
      }
      if (event == PlanEvent.CREATE) {
        throw new PlanRefused(PlanRefused.Kind.NOT_ALLOWED, "the plan exists already");
      }
      PlanState to =
          PlanStateMachine.next(state, event)
              .orElseThrow(
                  () ->
                      new PlanRefused(
                          PlanRefused.Kind.NOT_ALLOWED, event + " is not allowed in " + state));
      if (event == PlanEvent.REVISE) {
        if (stepVersion != version + 1) {
          throw new PlanRefused(
              PlanRefused.Kind.STALE_VERSION,
              "a revision of version " + version + " is " + (version + 1));
        }
        requireLead(by, event);
        newVersion(e, by, stepVersion);
        state = to;
        return;
      }
      if (stepVersion != version) {
        throw new PlanRefused(
            PlanRefused.Kind.STALE_VERSION,
            "the step names version " + stepVersion + "; the plan is at version " + version);
      }
      switch (event) {
        case PROPOSE, ACTIVATE, COMPLETE, CANCEL -> requireLead(by, event);
        case SUMMARIZE -> {
          requireLead(by, event);
          summarized = e;
        }
        case APPROVE -> {
          requireParticipant(by, event);
          if (!versionEnvelope.hash().equals(p.path("versionHash").asText())) {
            throw new PlanRefused(
                PlanRefused.Kind.STALE_VERSION, "the approval signs another text of the plan");
          }
          for (Signature a : approvals) {
            if (a.bureau().equals(by) && a.version() == version) {
              throw new PlanRefused(
                  PlanRefused.Kind.DUPLICATE, by + " has signed version " + version);
            }
          }
          approvals.add(new Signature(by, officer, version, e));
        }
        case BRIEF -> {
          requireParticipant(by, event);
          briefings.add(e);
        }
        case REPORT_RESULT -> {
          requireParticipant(by, event);
          result(e); // reads, or fails as malformed below
          results.put(by, new Signature(by, officer, version, e));
        }
        case FOLLOW_UP -> {
          requireParticipant(by, event);
          followUps.add(e);
        }
        case FOLLOW_UP_DONE -> {
          requireParticipant(by, event);
          String id = p.path("followUp").asText();
          if (followUps.stream().noneMatch(f -> f.hash().equals(id))) {
            throw new PlanRefused(PlanRefused.Kind.NOT_ALLOWED, "no follow-up " + id);
          }
          if (followUpsDone.containsKey(id)) {
            throw new PlanRefused(PlanRefused.Kind.DUPLICATE, "the follow-up is done already");
          }
          followUpsDone.put(id, e.signedAt());
        }
        default -> throw new PlanRefused(PlanRefused.Kind.MALFORMED, "unexpected " + event);
      }
      if (event == PlanEvent.CANCEL) {
        cancelReason = p.path("reason").asText(null);
      }
      state = to;
      if (event == PlanEvent.APPROVE && awaitingNone()) {
        state = PlanStateMachine.APPROVE_LAST;
      }
    }

    private boolean awaitingNone() {
      Set<BureauId> signed = new TreeSet<>();
      approvals.stream().filter(a -> a.version() == version).forEach(a -> signed.add(a.bureau()));
      return signed.containsAll(outline.participants());
    }

    private void newVersion(SignedEnvelope e, BureauId by, int v) {
      PlanOutline o;
      try {
        o = Json.mapper().convertValue(e.payload().get("outline"), PlanOutline.class);
      } catch (IllegalArgumentException x) {
        throw new PlanRefused(PlanRefused.Kind.MALFORMED, "the outline does not read");
      }
      if (o == null || !o.leadBureau().equals(by)) {
        throw new PlanRefused(PlanRefused.Kind.NOT_PERMITTED, "the lead bureau writes the plan");
      }
      if (outline != null && !outline.leadBureau().equals(o.leadBureau())) {
        throw new PlanRefused(PlanRefused.Kind.NOT_PERMITTED, "the lead bureau does not change");
      }
      outline = o;
      version = v;
      versionEnvelope = e;
    }

    private void requireLead(BureauId by, PlanEvent event) {
      if (!outline.leadBureau().equals(by)) {
        throw new PlanRefused(
            PlanRefused.Kind.NOT_PERMITTED,
            event + " is the lead bureau's (" + outline.leadBureau() + ")");
      }
    }

    private void requireParticipant(BureauId by, PlanEvent event) {
      if (!outline.participants().contains(by)) {
        throw new PlanRefused(
            PlanRefused.Kind.NOT_PERMITTED, by + " does not take part; " + event + " refused");
      }
    }
  }
}
