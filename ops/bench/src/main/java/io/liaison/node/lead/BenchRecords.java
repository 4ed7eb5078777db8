package io.liaison.node.lead;

import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.trust.TrustService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Real signed lead records written straight into a node's store, for the cold-start benchmark
 * (ops/bench/durability). It lives in the node's package so that it uses the node's own commit
 * ({@link LeadCommit}, package-private) instead of a copy that could drift: the record with its
 * fact columns, an audit-chain entry for every envelope this bureau signed, and one feed event per
 * envelope.
 */
public final class BenchRecords {
  // the commit's lead metrics (time to claim, ...) are not what the benchmark measures
  private static final MeterRegistry METRICS = new SimpleMeterRegistry();

  private BenchRecords() {}

  /** A lead posted by {@code origin} at {@code at}, signed as {@code LeadPosting.post} signs it. */
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

  /** {@code rec} moved on by {@code request} of {@code actor}'s officer at {@code at}. */
  public static LeadRecord transitioned(
      LeadRecord rec, TrustService actor, TransitionRequest request, Instant at) {
    SignedEnvelope env =
        actor.sign(
            new LeadSealing(actor).transitionPayload(rec.lead(), request, at),
            rec.status().lastHash(),
            at);
    return rec.append(env);
  }

  /**
   * Writes a record new to the store of bureau {@code self}, as the node would have: through the
   * node's own commit ({@link LeadCommit}), with the clock at {@code now}.
   */
  public static void store(
      Store s,
      LeadRecord rec,
      TrustService self,
      EventFeed feed,
      LeadSealing sealing,
      Instant now) {
    new LeadCommit(self, sealing, feed, METRICS, Clock.fixed(now, ZoneOffset.UTC)).apply(s, rec);
  }
}
