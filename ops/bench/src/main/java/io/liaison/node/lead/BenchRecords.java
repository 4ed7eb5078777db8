package io.liaison.node.lead;

import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.api.lead.TransitionView;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.TrustService;
import java.time.Instant;

/**
 * Real signed lead records written straight into a node's store, for the cold-start benchmark
 * (ops/bench/durability). It lives in the node's package so that it uses the node's own mapping
 * ({@link LeadViews}) instead of a copy that could drift; what {@link #store} writes mirrors {@code
 * LeadService.apply} for a record the store does not hold yet: the record with its fact columns, an
 * audit-chain entry for every envelope this bureau signed, and one feed event per envelope.
 */
public final class BenchRecords {
  private BenchRecords() {}

  /** A lead posted by {@code origin} at {@code at}, signed as {@code LeadService.post} signs it. */
  public static LeadRecord posted(TrustService origin, LeadDraft draft, Instant at) {
    Lead lead = Lead.from(LeadIds.next(origin.bureau(), at), origin.bureau(), at, draft);
    SignedEnvelope env =
        origin.sign(new LeadSealing(origin).postPayload(lead, at), Hashes.GENESIS, at);
    return LeadRecord.ofPosted(env);
  }

  /** {@code rec} claimed by {@code claimer}'s officer at {@code at}. */
  public static LeadRecord claimed(
      LeadRecord rec, TrustService claimer, String officer, Instant at) {
    TransitionRequest req = TransitionRequest.of(LeadEvent.CLAIM, officer);
    SignedEnvelope env =
        claimer.sign(
            new LeadSealing(claimer).transitionPayload(rec.lead(), req, at),
            rec.status().lastHash(),
            at);
    return rec.append(env);
  }

  /** Writes a record new to the store of bureau {@code self}, as the node would have. */
  public static void store(
      Store s,
      LeadRecord rec,
      TrustService self,
      AuditLog audit,
      EventFeed feed,
      LeadSealing sealing,
      Instant now) {
    String id = rec.lead().id();
    s.putRecord(LeadViews.stored(rec));
    for (int i = 0; i < rec.envelopes().size(); i++) {
      SignedEnvelope env = rec.envelopes().get(i);
      if (env.signer().equals(self.bureau()) && !s.chainHas(env.hash())) {
        audit.append(s, "lead/" + id, env, now);
      }
      if (i == 0) {
        feed.append(s, LeadRecord.POSTED, id, null, sealing.view(rec));
      } else {
        TransitionView t = rec.history().get(i - 1);
        Lead readable = sealing.readable(rec);
        feed.append(
            s,
            LeadViews.eventType(t),
            id,
            LeadViews.audience(rec, t).code(),
            LeadViews.eventData(rec, t, readable == null ? null : readable.title()));
      }
    }
  }
}
