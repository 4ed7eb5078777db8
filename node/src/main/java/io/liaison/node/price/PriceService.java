package io.liaison.node.price;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.price.CheckEvent;
import io.liaison.api.price.CheckView;
import io.liaison.api.price.Evaluation;
import io.liaison.api.price.PriceChange;
import io.liaison.api.price.PriceNotice;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.events.EventFeed;
import io.liaison.node.price.internal.PriceKeys;
import io.liaison.node.price.internal.PriceRecord;
import io.liaison.node.price.internal.PriceRecords;
import io.liaison.node.price.internal.SignedChain;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeping price records: this bureau's own are signed (one envelope per version, chained), logged
 * in its audit chain and committed to the store in one transaction, then put on the grid map
 * {@value #MAP}; every node verifies what it reads there (a value that fails is quarantined and put
 * back from the store's copy), stores it and tells its {@link PriceBook}. What officers are told
 * goes on the event feed in the same transaction: {@value #CHANGED} for groups, agreements,
 * settings and meetings; {@value #PLANNED} on the planning node only; {@value #RECORDED} everywhere
 * once findings are recorded; {@value #FINDING} on the checked bureau's node, one per non-compliant
 * finding; {@value #GAP} (see {@link PriceAlerts}).
 */
public final class PriceService {
  private static final Logger LOG = LoggerFactory.getLogger(PriceService.class);
  public static final String MAP = "liaison.price";
  public static final String CHANGED = "price.changed";
  public static final String PLANNED = "price.check.planned";
  public static final String RECORDED = "price.check.recorded";
  public static final String FINDING = "price.finding";
  public static final String GAP = "price.gap";

  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final IMap<String, String> map;
  private final GridReconciler grid;
  private final EventFeed feed;
  private final Quarantine quarantine;
  private final Clock clock;
  private final PriceBook book;
  private final PriceAlerts alerts;

  public PriceService(
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
    this.grid = new GridReconciler(vertx, store, map, PriceKeys.KIND, this::receive, quarantine);
    this.feed = feed;
    this.quarantine = quarantine;
    this.clock = clock;
    this.book = new PriceBook(trust.bureau());
    this.alerts = new PriceAlerts(vertx, store, feed, book, clock);
  }

  public PriceBook book() {
    return book;
  }

  public TrustService trust() {
    return trust;
  }

  public GridReconciler reconciler() {
    return grid;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Fills the book from the store (before the grid is listened to): groups, agreements, settings
   * and meetings first, so that observations are judged once, then the checks page by page (the
   * book keeps of each only what the figures need; nothing holds all records at once).
   */
  public Future<Void> start() {
    String checks = PriceKeys.of(PriceKeys.CHECK, "");
    return store
        .call(
            s -> {
              // keys sort by type: agreement < check < group < meeting < settings
              int n = load(s, "", k -> k.compareTo(checks) < 0);
              n += load(s, checks + '\uffff', k -> true);
              return n + load(s, checks, k -> k.startsWith(checks));
            })
        .map(
            n -> {
              LOG.info("price records loaded bureau={} records={}", trust.bureau(), n);
              return null;
            });
  }

  /** Takes the stored records after {@code after} while their key passes {@code which}. */
  private int load(Store s, String after, Predicate<String> which) {
    int n = 0;
    List<StoredRecord> page;
    do {
      page = s.recordsAfter(PriceKeys.KIND, after, 100);
      for (StoredRecord r : page) {
        if (!which.test(r.id())) {
          return n;
        }
        book.take(PriceRecords.read(SignedChain.parse(r.id(), r.body()), trust));
        n++;
        after = r.id();
      }
    } while (page.size() == 100);
    return n;
  }

  /**
   * A check as this node may show it, visits and their evaluation included, read back from the
   * store (the book keeps no visits); empty if unknown or sealed from this bureau.
   */
  public Future<Optional<CheckView>> check(String id) {
    String key = PriceKeys.of(PriceKeys.CHECK, id);
    if (book.check(id).isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return store.call(
        s ->
            s.record(key)
                .map(r -> PriceRecords.read(SignedChain.parse(key, r.body()), trust))
                .flatMap(r -> book.checkView((PriceRecord.Check) r)));
  }

  /** What a store transaction did: the record now held and the feed events. */
  private record Applied(PriceRecord record, List<StoredEvent> events) {}

  /**
   * Signs the next version of this bureau's record {@code key}: {@code next} gets the stored record
   * (empty if none) and returns the payload, or throws a {@code DomainException}. Commits, puts on
   * the grid, tells the book, then the feed.
   */
  Future<PriceRecord> sign(String key, Function<Optional<PriceRecord>, ObjectNode> next) {
    if (!PriceKeys.owner(key).equals(trust.bureau())) {
      throw new IllegalArgumentException(key + " is not this bureau's");
    }
    Instant now = now();
    return store
        .transaction(
            s -> {
              Optional<PriceRecord> cur =
                  s.record(key)
                      .map(r -> PriceRecords.read(SignedChain.parse(key, r.body()), trust));
              ObjectNode payload = next.apply(cur);
              String prev = cur.map(c -> c.chain().last().hash()).orElse(Hashes.GENESIS);
              SignedEnvelope env = trust.sign(payload, prev, now);
              SignedChain chain =
                  cur.map(c -> c.chain().append(env)).orElseGet(() -> SignedChain.of(key, env));
              PriceRecord rec = PriceRecords.read(chain, trust);
              return new Applied(rec, apply(s, cur.orElse(null), rec));
            })
        .compose(
            a ->
                Future.fromCompletionStage(map.setAsync(key, a.record().chain().json()))
                    .map(v -> a))
        .map(this::announce)
        .compose(rec -> alerts.check().map(rec));
  }

  private PriceRecord announce(Applied a) {
    book.take(a.record());
    a.events().forEach(feed::publish);
    LOG.info(
        "price record signed key={} bureau={} versions={}",
        a.record().chain().key(),
        trust.bureau(),
        a.record().chain().envelopes().size());
    return a.record();
  }

  /** Takes a value seen on the grid: verified and stored, or quarantined and repaired. */
  public Future<Boolean> receive(String key, String json) {
    PriceRecord rec;
    try {
      rec = PriceRecords.read(SignedChain.verify(key, json, trust), trust);
    } catch (SignedChain.Rejected | IllegalArgumentException e) {
      String reason = e instanceof SignedChain.Rejected r ? r.reason() : "MALFORMED";
      LOG.warn("price record refused key={} reason={}: {}", key, reason, e.getMessage());
      return quarantine.refuse(grid, "price/", key, reason, e.getMessage(), json);
    }
    return store
        .transaction(
            s -> {
              Optional<PriceRecord> old =
                  s.record(key)
                      .map(r -> PriceRecords.read(SignedChain.parse(key, r.body()), trust));
              if (old.isPresent() && !wins(old.get().chain(), rec.chain())) {
                return new Received(null, List.<StoredEvent>of(), old.get().chain().json());
              }
              return new Received(rec, apply(s, old.orElse(null), rec), json);
            })
        .compose(
            r -> {
              if (r.record() != null) {
                book.take(r.record());
                r.events().forEach(feed::publish);
                LOG.info("price record received key={} by={}", key, trust.bureau());
              }
              return grid.putBack(key, json, r.stored())
                  .compose(v -> r.record() == null ? Future.succeededFuture() : alerts.check())
                  .map(r.record() != null);
            });
  }

  private record Received(PriceRecord record, List<StoredEvent> events, String stored) {}

  /**
   * Whether {@code rec} replaces {@code old}: it continues it, or (two histories, only after a
   * bureau signed again from an old store) it is longer, or as long with the lower hash where they
   * part — the same choice on every node.
   */
  private static boolean wins(SignedChain old, SignedChain rec) {
    if (old.hash().equals(rec.hash()) || rec.isPrefixOf(old)) {
      return false;
    }
    if (old.isPrefixOf(rec)) {
      return true;
    }
    if (old.envelopes().size() != rec.envelopes().size()) {
      return rec.envelopes().size() > old.envelopes().size();
    }
    int d = 0;
    while (old.envelopes().get(d).signature().equals(rec.envelopes().get(d).signature())) {
      d++;
    }
    LOG.warn("price record history forked key={} at version={}", old.key(), d + 1);
    return rec.envelopes().get(d).hash().compareTo(old.envelopes().get(d).hash()) < 0;
  }

  /** Stores {@code rec} (replacing {@code old}) and returns the feed events (store thread). */
  private List<StoredEvent> apply(Store s, PriceRecord old, PriceRecord rec) {
    SignedChain c = rec.chain();
    s.putRecord(c.stored());
    for (SignedEnvelope env : c.envelopes()) {
      if (env.signer().equals(trust.bureau()) && !s.chainHas(env.hash())) {
        audit.append(s, c.key(), env, now());
      }
    }
    List<StoredEvent> events = new ArrayList<>();
    BureauId self = trust.bureau();
    if (rec instanceof PriceRecord.Check check) {
      int before = old instanceof PriceRecord.Check o ? o.batches().size() : 0;
      if (check.plan() == null) {
        return events; // sealed from this bureau: nothing to tell, nothing it may read
      }
      if (old == null && !check.recorded()) {
        events.add(feed.append(s, PLANNED, c.key(), self.code(), checkData(check, 0, 0)));
      }
      if (check.batches().size() > before) {
        List<PriceRecord.Batch> added = check.batches().subList(before, check.batches().size());
        List<Evaluation> findings = new ArrayList<>();
        int visits = 0;
        for (PriceRecord.Batch b : added) {
          visits += b.visits().size();
          b.visits().forEach(v -> findings.addAll(book.evaluate(v)));
        }
        List<Evaluation> bad =
            findings.stream().filter(e -> Boolean.FALSE.equals(e.compliant())).toList();
        events.add(feed.append(s, RECORDED, c.key(), null, checkData(check, visits, bad.size())));
        if (check.plan().checkedBureau().equals(self)) {
          for (Evaluation e : bad) {
            events.add(
                feed.append(
                    s,
                    FINDING,
                    c.key(),
                    self.code(),
                    new PriceNotice(
                        check.id(), check.checkingBureau(), check.plan().checkedBureau(), e)));
          }
        }
      }
      return events;
    }
    PriceChange data =
        new PriceChange(
            c.key(),
            PriceKeys.type(c.key()),
            PriceKeys.owner(c.key()).code(),
            c.envelopes().size());
    events.add(feed.append(s, CHANGED, c.key(), null, data));
    return events;
  }

  private static CheckEvent checkData(PriceRecord.Check c, int visits, int bad) {
    return new CheckEvent(
        c.id(), c.checkingBureau().code(), c.plan().checkedBureau().code(), visits, bad);
  }
}
