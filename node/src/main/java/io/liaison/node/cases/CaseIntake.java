package io.liaison.node.cases;

import io.liaison.node.cluster.GridIntake;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.RecordCheck;
import io.liaison.node.trust.TrustService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in the cases other nodes put on the grid, in batches ({@link GridIntake}: the values that
 * arrive together, up to 500): each verified first, a value that fails quarantined on its own, the
 * verified ones stored in one store transaction with {@link CaseService#apply} (the version and
 * chain checks of the sharing path), then told on the feed — which wakes the indexer, which finds
 * them together in the change log. {@code liaison_cases_intake_records_total} counts the records
 * taken in, {@code liaison_cases_intake_transactions_total} the store transactions that took them.
 */
final class CaseIntake {
  private static final Logger LOG = LoggerFactory.getLogger(CaseIntake.class);

  /** What taking in a grid value did: feed events of what is new, the body the store now has. */
  private record Received(List<StoredEvent> events, String stored) {}

  private final StoreExecutor store;
  private final TrustService trust;
  private final EventFeed feed;
  private final Quarantine quarantine;
  private final BiFunction<Store, SharedCase, List<StoredEvent>> apply;
  private final Counter intakeRecords;
  private final Counter intakeTransactions;
  private final GridIntake batches;
  private GridReconciler grid;

  CaseIntake(
      String map,
      StoreExecutor store,
      TrustService trust,
      EventFeed feed,
      Quarantine quarantine,
      MeterRegistry metrics,
      BiFunction<Store, SharedCase, List<StoredEvent>> apply) {
    this.store = store;
    this.trust = trust;
    this.feed = feed;
    this.quarantine = quarantine;
    this.apply = apply;
    this.intakeRecords = metrics.counter("liaison.cases.intake.records");
    this.intakeTransactions = metrics.counter("liaison.cases.intake.transactions");
    this.batches = new GridIntake(map, this::receiveAll);
  }

  /** The reconciler of the cases map: puts grid entries back, is told of forgeries. */
  void reconciler(GridReconciler grid) {
    this.grid = grid;
  }

  /** Where grid values go (listener and reconciliation). */
  GridIntake batches() {
    return batches;
  }

  void stop() {
    batches.stop();
  }

  /**
   * Takes in values seen on the grid together: verifies each (a value that fails is quarantined on
   * its own and, where the store keeps another copy, the grid entry is put back), stores the
   * verified ones that are new or continue what the store holds in one store transaction, then
   * tells connected officers. If that transaction fails, each record is stored in a transaction of
   * its own, so that one record the store cannot take does not keep out the others. For each value,
   * in order: whether it was new. Every value's answer comes after the store made it durable.
   */
  Future<List<Boolean>> receiveAll(List<GridIntake.Value> values) {
    List<Future<Boolean>> answers = new ArrayList<>(values.size());
    List<SharedCase> accepted = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (GridIntake.Value v : values) {
      RecordCheck<SharedCase> result = SharedCase.verify(v.key(), v.json(), trust);
      if (result instanceof RecordCheck.Rejected<SharedCase> r) {
        answers.add(quarantine.refuse(grid, "case/", v.key(), r.reason(), r.detail(), v.json()));
      } else {
        answers.add(null);
        at.add(answers.size() - 1);
        accepted.add(((RecordCheck.Accepted<SharedCase>) result).record());
      }
    }
    if (!accepted.isEmpty()) {
      intakeRecords.increment(accepted.size());
      List<Future<Boolean>> stored = takeIn(accepted);
      for (int i = 0; i < at.size(); i++) {
        answers.set(at.get(i), stored.get(i));
      }
    }
    return Future.join(answers).map(cf -> answers.stream().map(Future::result).toList());
  }

  /** Stores verified records in one transaction (one by one if it fails); whether each was new. */
  private List<Future<Boolean>> takeIn(List<SharedCase> recs) {
    intakeTransactions.increment();
    Future<List<Received>> stored =
        store.transaction(
            s -> {
              List<Received> out = new ArrayList<>(recs.size());
              for (SharedCase rec : recs) {
                List<StoredEvent> events = apply.apply(s, rec);
                // what the store keeps now, to put back on the grid if the grid shows another
                // copy: the value itself when it was just stored (no read back)
                out.add(
                    new Received(
                        events,
                        events.isEmpty()
                            ? s.record(rec.id()).map(r -> r.body()).orElse(null)
                            : rec.json()));
              }
              return out;
            });
    if (recs.size() == 1) {
      return List.of(stored.compose(r -> told(recs, r)).map(l -> l.get(0)));
    }
    Future<List<Boolean>> all =
        stored
            .compose(r -> told(recs, r))
            .recover(
                e -> {
                  LOG.warn(
                      "case batch not stored in one transaction, storing one by one cases={}: {}",
                      recs.size(),
                      e.toString());
                  List<Future<Boolean>> one = new ArrayList<>();
                  for (SharedCase rec : recs) {
                    one.addAll(takeIn(List.of(rec)));
                  }
                  return Future.join(one)
                      .transform(
                          cf ->
                              Future.succeededFuture(
                                  one.stream().map(f -> f.succeeded() && f.result()).toList()));
                });
    List<Future<Boolean>> out = new ArrayList<>(recs.size());
    for (int i = 0; i < recs.size(); i++) {
      int n = i;
      out.add(all.map(l -> l.get(n)));
    }
    return out;
  }

  /** After the commit: the feed events, the grid entries put back; whether each was new. */
  private Future<List<Boolean>> told(List<SharedCase> recs, List<Received> received) {
    List<Future<Boolean>> out = new ArrayList<>(recs.size());
    int taken = 0;
    for (int i = 0; i < recs.size(); i++) {
      SharedCase rec = recs.get(i);
      Received r = received.get(i);
      r.events().forEach(feed::publish);
      boolean fresh = !r.events().isEmpty();
      if (fresh) {
        taken++;
        LOG.debug(
            "case received case={} origin={} version={} by={}",
            rec.id(),
            rec.current().bureau(),
            rec.versions().size(),
            trust.bureau());
      }
      out.add(grid.putBack(rec.id(), rec.json(), r.stored()).map(fresh));
    }
    if (taken > 0) {
      LOG.info(
          "cases received count={} new={} first={} by={}",
          recs.size(),
          taken,
          recs.get(0).id(),
          trust.bureau());
    }
    return Future.join(out).map(cf -> out.stream().map(Future::result).toList());
  }
}
