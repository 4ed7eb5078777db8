package io.liaison.node.price.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceMeeting;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.RetailerVisit;
import io.liaison.api.price.SelfDisciplineGroup;
import io.liaison.crypto.NotARecipientException;
import io.liaison.crypto.SealedContent;
import io.liaison.crypto.Sealer;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.trust.TrustService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The payloads of price records and how they read back. A check's plan is sealed (HPKE, {@link
 * Sealer}) to the checking bureau alone: the grid, every store and every other node carry only its
 * id, the checking bureau, the time and ciphertext, so nothing tells the checked bureau that it is
 * the target. The first findings carry the plan in clear; from then on every bureau reads it.
 */
public final class PriceRecords {
  public static final String GROUP = "price.group";
  public static final String AGREEMENT = "price.agreement";
  public static final String SETTINGS = "price.settings";
  public static final String MEETING = "price.meeting";
  public static final String PLAN = "price.check.plan";
  public static final String FINDINGS = "price.check.findings";

  private PriceRecords() {}

  public static ObjectNode group(SelfDisciplineGroup g) {
    return payload(GROUP, "group", g);
  }

  public static ObjectNode agreement(PriceAgreement a) {
    return payload(AGREEMENT, "agreement", a);
  }

  public static ObjectNode settings(PriceSettings s) {
    return payload(SETTINGS, "settings", s);
  }

  public static ObjectNode meeting(PriceMeeting m) {
    return payload(MEETING, "meeting", m);
  }

  /** The plan payload: clear id, bureau and time; the plan itself sealed to the planner. */
  public static ObjectNode plan(CheckPlan plan, TrustService trust, Instant at) {
    byte[] plain;
    try {
      plain = Json.mapper().writeValueAsBytes(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a check plan", e);
    }
    SealedContent sealed =
        Sealer.seal(plain, trust.roster(), Set.of(plan.checkingBureau()), aad(plan.id()), at);
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", PLAN);
    p.put("checkId", plan.id());
    p.put("checkingBureau", plan.checkingBureau().code());
    p.put("plannedAt", plan.plannedAt().toString());
    p.set("sealed", Json.mapper().valueToTree(sealed));
    return p;
  }

  /** A findings payload: the plan in clear, who records, the visits. */
  public static ObjectNode findings(CheckPlan plan, String officer, List<RetailerVisit> visits) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", FINDINGS);
    p.put("checkId", plan.id());
    p.set("plan", Json.mapper().valueToTree(plan));
    p.put("officer", officer);
    ArrayNode a = p.putArray("visits");
    visits.forEach(v -> a.add(Json.mapper().valueToTree(v)));
    return p;
  }

  private static ObjectNode payload(String type, String field, Object value) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", type);
    p.set(field, Json.mapper().valueToTree(value));
    return p;
  }

  /**
   * What a chain says, checked against its key: types, version numbers 1…n, ids and owners. The
   * plan of a check that is not recorded is opened only if {@code trust}'s bureau is the planner.
   *
   * @throws SignedChain.Rejected if the chain does not read as a price record of its key
   */
  public static PriceRecord read(SignedChain c, TrustService trust) {
    String type = PriceKeys.type(c.key());
    String name = PriceKeys.name(c.key());
    BureauId owner = PriceKeys.owner(c.key());
    try {
      return switch (type) {
        case PriceKeys.GROUP -> {
          List<SelfDisciplineGroup> v =
              versions(c, GROUP, "group", SelfDisciplineGroup.class, SelfDisciplineGroup::version);
          for (SelfDisciplineGroup g : v) {
            same(g.id(), name, g.bureau(), owner);
          }
          yield new PriceRecord.Group(c, v);
        }
        case PriceKeys.AGREEMENT -> {
          List<PriceAgreement> v =
              versions(c, AGREEMENT, "agreement", PriceAgreement.class, PriceAgreement::version);
          for (PriceAgreement a : v) {
            same(a.groupId(), name, a.bureau(), owner);
          }
          yield new PriceRecord.Agreement(c, v);
        }
        case PriceKeys.SETTINGS -> {
          List<PriceSettings> v =
              versions(c, SETTINGS, "settings", PriceSettings.class, PriceSettings::version);
          for (PriceSettings s : v) {
            same(s.bureau().code(), name, s.bureau(), owner);
          }
          yield new PriceRecord.Settings(c, v);
        }
        case PriceKeys.MEETING -> {
          if (c.envelopes().size() != 1) {
            throw new SignedChain.Rejected("CHAIN", "a meeting is recorded once");
          }
          PriceMeeting m = value(c.envelopes().get(0), MEETING, "meeting", PriceMeeting.class);
          same(m.id(), name, m.bureau(), owner);
          yield new PriceRecord.Meeting(c, m);
        }
        case PriceKeys.CHECK -> check(c, name, owner, trust);
        default -> throw new SignedChain.Rejected("MALFORMED", "unknown price record " + type);
      };
    } catch (IllegalArgumentException e) {
      throw new SignedChain.Rejected("SCHEMA", e.getMessage());
    }
  }

  private static PriceRecord.Check check(
      SignedChain c, String name, BureauId owner, TrustService trust) {
    JsonNode first = c.envelopes().get(0).payload();
    if (!PLAN.equals(first.path("type").asText())) {
      throw new SignedChain.Rejected("MALFORMED", "a check starts with its plan");
    }
    if (!name.equals(first.path("checkId").asText())
        || !owner.code().equals(first.path("checkingBureau").asText())) {
      throw new SignedChain.Rejected("MISMATCH", "the plan is not the one of its key");
    }
    Instant plannedAt = Instant.parse(first.path("plannedAt").asText());
    CheckPlan plan = null;
    List<PriceRecord.Batch> batches = new ArrayList<>();
    for (int i = 1; i < c.envelopes().size(); i++) {
      SignedEnvelope env = c.envelopes().get(i);
      JsonNode p = env.payload();
      if (!FINDINGS.equals(p.path("type").asText()) || !name.equals(p.path("checkId").asText())) {
        throw new SignedChain.Rejected(
            "MALFORMED", "envelope " + i + " is not this check's findings");
      }
      CheckPlan clear = convert(p.get("plan"), CheckPlan.class);
      if (plan != null && !plan.equals(clear)) {
        throw new SignedChain.Rejected("MISMATCH", "findings name two different plans");
      }
      plan = clear;
      List<RetailerVisit> visits = new ArrayList<>();
      for (JsonNode v : p.path("visits")) {
        visits.add(convert(v, RetailerVisit.class));
      }
      batches.add(new PriceRecord.Batch(p.path("officer").asText(), env.signedAt(), visits));
    }
    if (plan == null && owner.equals(trust.bureau())) {
      plan = open(first, name, trust);
    }
    if (plan != null
        && (!name.equals(plan.id())
            || !owner.equals(plan.checkingBureau())
            || !plannedAt.equals(plan.plannedAt()))) {
      throw new SignedChain.Rejected("MISMATCH", "the plan differs from its clear data");
    }
    return new PriceRecord.Check(c, name, owner, plannedAt, plan, batches);
  }

  private static CheckPlan open(JsonNode first, String id, TrustService trust) {
    SealedContent sealed = convert(first.get("sealed"), SealedContent.class);
    if (!sealed.isRecipient(trust.bureau())) {
      return null;
    }
    try {
      byte[] plain = Sealer.open(sealed, trust.keys(), aad(id));
      return Json.lenient().readValue(plain, CheckPlan.class);
    } catch (NotARecipientException e) {
      return null; // sealed to a key this node no longer holds
    } catch (IOException e) {
      throw new SignedChain.Rejected("SEALED_MALFORMED", "the sealed plan is not a plan");
    }
  }

  private static void same(String id, String name, BureauId bureau, BureauId owner) {
    if (!id.equals(name) || !bureau.equals(owner)) {
      throw new SignedChain.Rejected("MISMATCH", id + " of " + bureau + " kept under " + name);
    }
  }

  private static <T> List<T> versions(
      SignedChain c, String type, String field, Class<T> cls, ToLongFunction<T> version) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < c.envelopes().size(); i++) {
      T v = value(c.envelopes().get(i), type, field, cls);
      if (version.applyAsLong(v) != i + 1) {
        throw new SignedChain.Rejected("CHAIN", "envelope " + i + " is not version " + (i + 1));
      }
      out.add(v);
    }
    return List.copyOf(out);
  }

  private static <T> T value(SignedEnvelope env, String type, String field, Class<T> cls) {
    if (!type.equals(env.payload().path("type").asText())) {
      throw new SignedChain.Rejected("MALFORMED", "not a " + type);
    }
    return convert(env.payload().get(field), cls);
  }

  private static <T> T convert(JsonNode n, Class<T> cls) {
    if (n == null || n.isNull()) {
      throw new SignedChain.Rejected("SCHEMA", "missing " + cls.getSimpleName());
    }
    try {
      return Json.lenient().treeToValue(n, cls);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new SignedChain.Rejected("SCHEMA", "not a valid " + cls.getSimpleName());
    }
  }

  private static byte[] aad(String checkId) {
    return ("liaison-price-check:" + checkId).getBytes(StandardCharsets.UTF_8);
  }
}
