package io.liaison.node.lead;

import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadView;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.domain.Invalid;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posting a lead: validated, signed with the bureau key, committed to the durable store (with its
 * audit-chain entry and feed event) and then put on the grid; only then acknowledged.
 */
final class LeadPosting {
  private static final Logger LOG = LoggerFactory.getLogger(LeadPosting.class);

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final LeadSealing sealing;
  private final LeadCommit commit;
  private final IMap<String, String> grid;
  private final EventFeed feed;
  private final Clock clock;

  LeadPosting(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      LeadSealing sealing,
      LeadCommit commit,
      IMap<String, String> grid,
      EventFeed feed,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.sealing = sealing;
    this.commit = commit;
    this.grid = grid;
    this.feed = feed;
    this.clock = clock;
  }

  /** Validates, signs, stores durably, shares on the grid; completes when all of that is done. */
  Future<LeadView> post(LeadDraft draft) {
    for (int i = 0; i < draft.targetBureaus().size(); i++) {
      requireMember(trust, draft.targetBureaus().get(i), "/targetBureaus/" + i);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (draft.expiresAt() != null && !draft.expiresAt().isAfter(now)) {
      throw new Invalid("invalid-field", "expiresAt must be in the future", "/expiresAt");
    }
    Lead lead = Lead.from(LeadIds.next(trust.bureau(), now), trust.bureau(), now, draft);
    SignedEnvelope env = trust.sign(sealing.postPayload(lead, now), Hashes.GENESIS, now);
    LeadRecord rec = LeadRecord.ofPosted(env);
    return store
        .transaction(s -> commit.apply(s, rec))
        .compose(
            events ->
                vertx.executeBlocking(
                    () -> {
                      grid.set(lead.id(), rec.json());
                      return events;
                    },
                    false))
        .map(
            events -> {
              events.forEach(feed::publish);
              LOG.info(
                  "lead posted lead={} bureau={} officer={}",
                  lead.id(),
                  trust.bureau(),
                  lead.officer());
              return sealing.view(rec);
            });
  }

  /** Refuses (422 unknown-bureau, naming {@code field}) a bureau that is not in the roster. */
  static void requireMember(TrustService trust, BureauId bureau, String field) {
    if (!trust.isMember(bureau)) {
      throw new Invalid(
          "unknown-bureau", "bureau " + bureau + " is not a member of the roster", field);
    }
  }
}
