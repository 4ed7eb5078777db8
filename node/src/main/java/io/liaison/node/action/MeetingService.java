package io.liaison.node.action;

import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.action.Meeting;
import io.liaison.api.action.MeetingEvent;
import io.liaison.api.action.MeetingView;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.NotFound;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.SignedIntake;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Joint meetings (联席会议): the host signs the minutes, each participating bureau signs its
 * acknowledgement, each action item's owner signs it done — every entry one envelope under a key
 * only its bureau writes ({@link MeetingEntry}), verified by every reader ({@link SignedIntake}),
 * chained into the writer's audit log. Nodes of participating bureaus tell their officers ({@value
 * #RECORDED}, {@value #ACKNOWLEDGED}, {@value #ITEM_DONE}); an open item stays in its owner
 * bureau's inbox ({@link #inbox}) until done.
 */
public final class MeetingService {
  public static final String KIND = "meeting";
  public static final String RECORDED = "meeting.recorded";
  public static final String ACKNOWLEDGED = "meeting.acknowledged";
  public static final String ITEM_DONE = "meeting.item-done";

  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final IMap<String, String> map;
  private final GridReconciler grid;
  private final EventFeed feed;
  private final SignedIntake<MeetingEntry> intake;
  private final Clock clock;

  public MeetingService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> map,
      EventFeed feed,
      Quarantine quarantine,
      Clock clock) {
    this.store = store;
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.map = map;
    this.grid = new GridReconciler(vertx, store, map, KIND, this::receive, quarantine);
    this.feed = feed;
    this.intake =
        new SignedIntake<>(
            trust,
            quarantine,
            "meeting",
            "BAD_MEETING",
            MeetingEntry::of,
            MeetingEntry::key,
            MeetingEntry::bureau);
    this.clock = clock;
  }

  public GridReconciler reconciler() {
    return grid;
  }

  /** The host's minutes, signed by this bureau. */
  public Future<MeetingView> record(String officer, Meeting m) {
    if (!m.host().equals(trust.bureau())) {
      throw new Invalid(
          "foreign-bureau", "a node records meetings hosted by " + trust.bureau(), "/meeting/host");
    }
    String id = "mtg-" + UUID.randomUUID();
    return write(new MeetingEntry(id, MeetingEntry.Kind.MINUTES, trust.bureau(), officer, m, null));
  }

  /** This bureau's acknowledgement of the minutes. */
  public Future<MeetingView> acknowledge(String id, String officer) {
    return minutes(id)
        .compose(
            m -> {
              if (!m.bureaus().contains(trust.bureau())) {
                throw new Invalid(
                    "not-participant", trust.bureau() + " did not take part", "/officer");
              }
              return write(
                  new MeetingEntry(id, MeetingEntry.Kind.ACK, trust.bureau(), officer, null, null));
            });
  }

  /** Item {@code n} (from 1) done, by its owner bureau. */
  public Future<MeetingView> done(String id, int n, String officer) {
    return minutes(id)
        .compose(
            m -> {
              if (n < 1 || n > m.items().size()) {
                throw new NotFound("no item " + n + " in meeting " + id);
              }
              if (!m.items().get(n - 1).owner().equals(trust.bureau())) {
                throw new Invalid(
                    "not-owner", "item " + n + " is " + m.items().get(n - 1).owner() + "'s", null);
              }
              return write(
                  new MeetingEntry(id, MeetingEntry.Kind.DONE, trust.bureau(), officer, null, n));
            });
  }

  private Future<Meeting> minutes(String id) {
    return store
        .call(s -> entry(s, id).map(MeetingEntry::meeting))
        .map(o -> o.orElseThrow(() -> new NotFound("no meeting " + id)));
  }

  private Future<MeetingView> write(MeetingEntry e) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return store
        .transaction(
            s -> {
              if (s.record(e.key()).isPresent()) {
                throw new Conflict("already-done", "recorded already: " + e.key());
              }
              SignedEnvelope env = trust.sign(e.payload(), Hashes.GENESIS, now);
              audit.append(s, e.key(), env, now);
              List<StoredEvent> events = apply(s, e, env);
              return Map.entry(env, events);
            })
        .compose(
            w ->
                Future.fromCompletionStage(map.setAsync(e.key(), SignedIntake.json(w.getKey())))
                    .map(
                        v -> {
                          w.getValue().forEach(feed::publish);
                          return e.meetingId();
                        }))
        .compose(this::view)
        .map(Optional::orElseThrow);
  }

  /** Takes in an entry seen on the grid: verified and stored, or quarantined and repaired. */
  public Future<Boolean> receive(String key, String json) {
    SignedIntake.Accepted<MeetingEntry> a;
    try {
      a = intake.check(key, json);
    } catch (SignedIntake.Refused why) {
      return intake.refuse(grid, key, why, json);
    }
    return store
        .transaction(
            s ->
                s.record(key).isPresent()
                    ? List.<StoredEvent>of()
                    : apply(s, a.value(), a.envelope()))
        .map(
            events -> {
              events.forEach(feed::publish);
              return !events.isEmpty();
            });
  }

  private List<StoredEvent> apply(Store s, MeetingEntry e, SignedEnvelope env) {
    s.putRecord(SignedIntake.record(e.key(), KIND, env));
    Optional<Meeting> m =
        e.kind() == MeetingEntry.Kind.MINUTES
            ? Optional.of(e.meeting())
            : entry(s, e.meetingId()).map(MeetingEntry::meeting);
    BureauId self = trust.bureau();
    if (m.isEmpty() || !m.get().bureaus().contains(self)) {
      return List.of();
    }
    String type =
        switch (e.kind()) {
          case MINUTES -> RECORDED;
          case ACK -> ACKNOWLEDGED;
          case DONE -> ITEM_DONE;
        };
    MeetingEvent data = new MeetingEvent(e.meetingId(), e.bureau(), e.officer(), e.item());
    return List.of(feed.append(s, type, e.meetingId(), self.code(), data));
  }

  private static Optional<MeetingEntry> entry(Store s, String key) {
    return s.record(key).map(r -> MeetingEntry.of(envelope(r).payload()));
  }

  private static SignedEnvelope envelope(StoredRecord r) {
    return SignedEnvelope.fromJson(r.body().getBytes(StandardCharsets.UTF_8));
  }

  /** One meeting with its acknowledgements and items. */
  public Future<Optional<MeetingView>> view(String id) {
    return store.call(s -> view(s, id));
  }

  private static Optional<MeetingView> view(Store s, String id) {
    Optional<StoredRecord> minutes = s.record(id).filter(r -> r.kind().equals(KIND));
    if (minutes.isEmpty()) {
      return Optional.empty();
    }
    SignedEnvelope menv = envelope(minutes.get());
    MeetingEntry me = MeetingEntry.of(menv.payload());
    Meeting m = me.meeting();
    List<MeetingView.Ack> acks = new ArrayList<>();
    Map<Integer, MeetingView.ItemView> done = new LinkedHashMap<>();
    for (StoredRecord r : s.recordsWhere(KIND, "id LIKE ?", List.of(id + "/%"), null, 1000)) {
      SignedEnvelope env = envelope(r);
      MeetingEntry e = MeetingEntry.of(env.payload());
      // only what the right bureau signed counts: a participant's ack, the owner's done
      if (e.kind() == MeetingEntry.Kind.ACK && m.bureaus().contains(e.bureau())) {
        acks.add(new MeetingView.Ack(e.bureau(), e.officer(), env.signedAt()));
      } else if (e.kind() == MeetingEntry.Kind.DONE
          && e.item() <= m.items().size()
          && m.items().get(e.item() - 1).owner().equals(e.bureau())) {
        done.put(
            e.item(),
            new MeetingView.ItemView(
                id, e.item(), m.items().get(e.item() - 1), true, e.officer(), env.signedAt()));
      }
    }
    acks.add(0, new MeetingView.Ack(m.host(), me.officer(), menv.signedAt()));
    List<BureauId> acked = acks.stream().map(MeetingView.Ack::bureau).toList();
    List<MeetingView.ItemView> items = new ArrayList<>();
    for (int i = 1; i <= m.items().size(); i++) {
      items.add(
          done.getOrDefault(
              i, new MeetingView.ItemView(id, i, m.items().get(i - 1), false, null, null)));
    }
    return Optional.of(
        new MeetingView(
            id,
            me.officer(),
            m,
            acks,
            m.bureaus().stream().filter(b -> !acked.contains(b)).toList(),
            items,
            menv.hash()));
  }

  /** Meetings this bureau took part in, newest first. */
  public Future<List<MeetingView>> mine(int limit) {
    BureauId self = trust.bureau();
    return store.call(
        s ->
            s.recordsWhere(KIND, "id NOT LIKE ?", List.of("%/%"), null, limit).stream()
                .map(r -> view(s, r.id()).orElseThrow())
                .filter(v -> v.meeting().bureaus().contains(self))
                .toList());
  }

  /** This bureau's open action items, soonest due first. */
  public Future<List<MeetingView.ItemView>> inbox() {
    BureauId self = trust.bureau();
    return mine(1000)
        .map(
            list ->
                list.stream()
                    .flatMap(v -> v.items().stream())
                    .filter(i -> !i.done() && i.item().owner().equals(self))
                    .sorted(Comparator.comparing(i -> i.item().due()))
                    .toList());
  }
}
