package io.liaison.node.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.lead.Distribution;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadStatus;
import io.liaison.api.lead.LeadView;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.api.lead.TransitionView;
import io.liaison.crypto.NotARecipientException;
import io.liaison.crypto.SealedContent;
import io.liaison.crypto.Sealer;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.trust.TrustService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Restricted distribution. The content of a {@code RESTRICTED} lead (officer, category, title,
 * narrative, entities, location) and the free text of its transitions (notes, feedback) are sealed
 * to the target bureaus and the origin; the grid carries only routing metadata in clear (id,
 * origin, time, targets, urgency, expiry) plus ciphertext. This node opens what is addressed to its
 * bureau and serves nothing else of it.
 */
public final class LeadSealing {
  /** What a non-recipient sees in place of sealed text. */
  public static final String SEALED_TEXT = "[sealed]";

  private final TrustService trust;

  public LeadSealing(TrustService trust) {
    this.trust = trust;
  }

  /** The bureaus that may read a restricted lead: its targets and its origin. */
  public static Set<BureauId> recipients(Lead lead) {
    Set<BureauId> r = new LinkedHashSet<>(lead.targetBureaus());
    r.add(lead.originBureau());
    return r;
  }

  /** The post payload: the full lead in clear, or routing metadata plus the sealed lead. */
  public ObjectNode postPayload(Lead lead, Instant at) {
    if (lead.distribution() != Distribution.RESTRICTED) {
      return LeadRecord.postPayload(lead);
    }
    Lead routing =
        new Lead(
            lead.id(),
            lead.originBureau(),
            null,
            lead.postedAt(),
            null,
            null,
            null,
            List.of(),
            null,
            lead.urgency(),
            lead.expiresAt(),
            lead.targetBureaus(),
            lead.distribution());
    ObjectNode p = LeadRecord.postPayload(routing);
    p.set("sealed", seal(Json.mapper().valueToTree(lead), lead, at));
    return p;
  }

  /** The transition payload, with note and feedback sealed when the lead is restricted. */
  public ObjectNode transitionPayload(Lead lead, TransitionRequest r, Instant at) {
    if (lead.distribution() != Distribution.RESTRICTED
        || (r.note() == null && r.feedback() == null)) {
      return LeadRecord.transitionPayload(lead.id(), r);
    }
    TransitionRequest clear =
        new TransitionRequest(
            r.event(),
            r.officer(),
            r.note() == null ? null : SEALED_TEXT,
            r.to(),
            r.feedback() == null ? null : SEALED_TEXT,
            r.outcome(),
            r.caseNumber(),
            r.mergedInto(),
            r.cohandlers());
    ObjectNode secret = Json.mapper().createObjectNode();
    secret.put("note", r.note());
    secret.put("feedback", r.feedback());
    ObjectNode p = LeadRecord.transitionPayload(lead.id(), clear);
    p.set("sealed", seal(secret, lead, at));
    return p;
  }

  private JsonNode seal(JsonNode content, Lead lead, Instant at) {
    byte[] plain;
    try {
      plain = Json.mapper().writeValueAsBytes(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise sealed content", e);
    }
    SealedContent s = Sealer.seal(plain, trust.roster(), recipients(lead), aad(lead.id()), at);
    return Json.mapper().valueToTree(s);
  }

  /** Whether this node's bureau can read the record's content. */
  public boolean canRead(LeadRecord rec) {
    return rec.lead().distribution() != Distribution.RESTRICTED
        || recipients(rec.lead()).contains(trust.bureau());
  }

  /** The lead as this node may show it: opened if addressed to it, null if sealed from it. */
  public Lead readable(LeadRecord rec) {
    if (rec.lead().distribution() != Distribution.RESTRICTED) {
      return rec.lead();
    }
    JsonNode opened = open(rec.posted());
    if (opened == null) {
      return null;
    }
    Lead full = Json.mapper().convertValue(opened, Lead.class);
    Lead clear = rec.lead();
    if (!full.id().equals(clear.id())
        || !full.originBureau().equals(clear.originBureau())
        || !full.targetBureaus().equals(clear.targetBureaus())) {
      throw new LeadRecord.RecordRejected(
          "SEALED_MISMATCH", "sealed lead differs from its routing data");
    }
    return full;
  }

  /** The view of a record for this node: content and texts opened where it is a recipient. */
  public LeadView view(LeadRecord rec) {
    Lead lead = readable(rec);
    List<TransitionView> history = rec.history();
    LeadStatus status = rec.status();
    if (rec.lead().distribution() == Distribution.RESTRICTED && lead != null) {
      // the texts (notes: co-handling tasks, decline reasons; feedback) open here; the status is
      // the same lifecycle replayed over the opened history
      history = new ArrayList<>();
      status = LeadLifecycle.initial(rec.posted().hash());
      for (int i = 0; i < rec.history().size(); i++) {
        TransitionView t = rec.history().get(i);
        JsonNode secret = open(rec.envelopes().get(i + 1));
        if (secret != null) {
          t =
              new TransitionView(
                  t.event(),
                  t.bureau(),
                  t.officer(),
                  t.at(),
                  text(secret, "note"),
                  t.to(),
                  text(secret, "feedback"),
                  t.outcome(),
                  t.caseNumber(),
                  t.mergedInto(),
                  t.keyId(),
                  t.hash(),
                  t.cohandlers());
        }
        status =
            LeadLifecycle.apply(
                rec.lead(),
                status,
                new Transition(
                    t.bureau(),
                    t.at(),
                    new TransitionRequest(
                        t.event(),
                        t.officer(),
                        t.note(),
                        t.to(),
                        t.feedback(),
                        t.outcome(),
                        t.caseNumber(),
                        t.mergedInto(),
                        t.cohandlers())),
                t.hash());
        history.add(t);
      }
    }
    SignedEnvelope p = rec.posted();
    return new LeadView(
        rec.lead().id(),
        rec.lead().originBureau(),
        rec.lead().postedAt(),
        lead,
        lead == null,
        status,
        history,
        new LeadView.Proof(p.signer(), p.keyId(), p.signedAt(), p.hash(), true));
  }

  private JsonNode open(SignedEnvelope env) {
    JsonNode sealed = env.payload().get("sealed");
    if (sealed == null || sealed.isNull()) {
      return null;
    }
    SealedContent content = Json.mapper().convertValue(sealed, SealedContent.class);
    if (!content.isRecipient(trust.bureau())) {
      return null;
    }
    String leadId =
        env.payload().has("leadId")
            ? env.payload().get("leadId").asText()
            : env.payload().path("lead").path("id").asText();
    byte[] plain;
    try {
      plain = Sealer.open(content, trust.keys(), aad(leadId));
    } catch (NotARecipientException e) {
      // sealed to a key this node no longer holds (e.g. before a key rotation): unreadable here
      return null;
    }
    try {
      return Json.mapper().readTree(plain);
    } catch (IOException e) {
      throw new LeadRecord.RecordRejected("SEALED_MALFORMED", "sealed content is not JSON");
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static byte[] aad(String leadId) {
    return ("liaison-lead:" + leadId).getBytes(StandardCharsets.UTF_8);
  }
}
