package io.liaison.node.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.lead.CoHandler;
import io.liaison.api.lead.LeadPage;
import io.liaison.api.lead.LeadView;
import io.liaison.node.domain.Malformed;
import io.liaison.node.domain.NotFound;
import io.liaison.node.store.Cursor;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reading leads from the node's own store: by id, by origin bureau, and the officer's inbox views.
 * The store holds verified records only.
 */
public final class LeadQueries {
  /** The inbox views of an officer's bureau. */
  public enum Inbox {
    /** Posted leads addressed to my bureau that nobody has claimed. */
    OPEN,
    /** Leads my bureau owns and has not closed. */
    CLAIMED,
    /** Leads my bureau owns and has not yet given feedback on. */
    AWAITING_FEEDBACK,
    /** Of those, the ones claimed longer ago than the feedback deadline. */
    OVERDUE,
    /** Leads offered to my bureau by hand-over. */
    HANDED_TO_ME,
    /** Leads my bureau posted. */
    POSTED_BY_ME,
    /** Open leads another bureau leads (主办) and invited my bureau to co-handle (协办). */
    COHANDLING;

    public static Inbox parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new Malformed(
            "bad-parameter",
            "view must be one of open, claimed, awaiting-feedback, overdue, handed-to-me,"
                + " posted-by-me, cohandling",
            "view");
      }
    }
  }

  private static final String OWNED = "owner=? AND state IN ('CLAIMED','INVESTIGATING')";

  private final StoreExecutor store;
  private final LeadSealing sealing;
  private final BureauId me;
  private final Supplier<Optional<Duration>> feedbackPeriod;
  private final Clock clock;

  public LeadQueries(
      StoreExecutor store,
      LeadSealing sealing,
      BureauId me,
      Supplier<Optional<Duration>> feedbackPeriod,
      Clock clock) {
    this.store = store;
    this.sealing = sealing;
    this.me = me;
    this.feedbackPeriod = feedbackPeriod;
    this.clock = clock;
  }

  public Future<LeadView> get(String id) {
    if (!LeadIds.isValid(id)) {
      return Future.failedFuture(new NotFound("no lead " + id));
    }
    // through the store queue, not a committed read: a lead this node is taking in from the grid
    // right now is answered once it is stored, as before
    return store
        .call(s -> s.record(id))
        .map(
            r ->
                r.map(x -> sealing.view(LeadRecord.parse(id, x.body())))
                    .orElseThrow(() -> new NotFound("no lead " + id)));
  }

  /** Envelopes of the lead that lost a conflict after a split (kept, never erased). */
  public Future<List<JsonNode>> superseded(String id) {
    if (!LeadIds.isValid(id)) {
      return Future.failedFuture(new NotFound("no lead " + id));
    }
    return store
        .call(s -> s.superseded(id))
        .map(
            l ->
                l.stream()
                    .map(
                        j -> {
                          try {
                            return Json.mapper().readTree(j);
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                        })
                    .toList());
  }

  public Future<LeadPage> list(BureauId origin, String cursor, int limit) {
    Cursor before = decode(cursor);
    return store
        .call(
            s ->
                s.records(
                    LeadRecord.KIND, origin == null ? null : origin.code(), before, limit + 1))
        .map(rows -> page(rows, limit));
  }

  public Future<LeadPage> inbox(Inbox view, String cursor, int limit) {
    Cursor before = decode(cursor);
    String code = me.code();
    // no agreed feedback period: nothing is overdue
    long deadline =
        feedbackPeriod.get().map(d -> clock.millis() - d.toMillis()).orElse(Long.MIN_VALUE);
    String condition;
    List<Object> args = new ArrayList<>();
    switch (view) {
      case OPEN -> {
        condition = "state='POSTED' AND origin<>? AND (targets IS NULL OR targets LIKE ?)";
        args.add(code);
        args.add("%," + code + ",%");
      }
      case CLAIMED -> {
        condition = "owner=? AND state IN ('CLAIMED','INVESTIGATING','HANDOVER_OFFERED')";
        args.add(code);
      }
      case AWAITING_FEEDBACK -> {
        condition = OWNED + " AND " + LeadViews.NO_OWNER_FEEDBACK;
        args.add(code);
      }
      case OVERDUE -> {
        condition = OWNED + " AND " + LeadViews.NO_OWNER_FEEDBACK + " AND claimed_at < ?";
        args.add(code);
        args.add(deadline);
      }
      case HANDED_TO_ME -> {
        condition = "handover_to=? AND state='HANDOVER_OFFERED'";
        args.add(code);
      }
      case POSTED_BY_ME -> {
        condition = "origin=?";
        args.add(code);
      }
      case COHANDLING -> {
        // the store keeps no co-handler column: a coarse match on the signed invitations, then
        // the verified status decides (a page may come back shorter than the limit)
        condition = "state IN ('CLAIMED','INVESTIGATING','HANDOVER_OFFERED') AND body LIKE ?";
        args.add("%\"cohandlers\":[%\"" + code + "\"%");
      }
      default -> throw new IllegalStateException(view.name());
    }
    return store
        .call(s -> s.recordsWhere(LeadRecord.KIND, condition, args, before, limit + 1))
        .map(rows -> page(rows, limit, view == Inbox.COHANDLING ? this::cohandledByMe : v -> true));
  }

  private static Cursor decode(String cursor) {
    try {
      return cursor == null ? null : Cursor.decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new Malformed("bad-parameter", e.getMessage(), "cursor");
    }
  }

  /** Whether my bureau is invited to co-handle the lead or co-handles it (not declined). */
  private boolean cohandledByMe(LeadView v) {
    return v.status().cohandler(me).map(c -> c.state() != CoHandler.State.DECLINED).orElse(false);
  }

  private LeadPage page(List<StoredRecord> rows, int limit) {
    return page(rows, limit, v -> true);
  }

  private LeadPage page(List<StoredRecord> rows, int limit, Predicate<LeadView> keep) {
    List<LeadView> items = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, rows.size()); i++) {
      StoredRecord r = rows.get(i);
      LeadView v = sealing.view(LeadRecord.parse(r.id(), r.body()));
      if (keep.test(v)) {
        items.add(v);
      }
    }
    String next = null;
    if (rows.size() > limit) {
      StoredRecord last = rows.get(limit - 1);
      next = new Cursor(last.postedAt().toEpochMilli(), last.id()).encode();
    }
    return new LeadPage(items, next);
  }
}
