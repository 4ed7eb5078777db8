package io.liaison.node.cases;

import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.GeneratedCases;
import io.liaison.node.domain.Conflict;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo pool: of the deterministic demo case set {@code (seed, count)} (a {@link
 * GeneratedCases} found on the class path: the fixtures module's {@code DemoCases}, never in the
 * production jars), shares the cases of this node's bureau through the normal signed path, so
 * calling every node of the demo cluster with the same arguments shares the whole set. Idempotent:
 * a case already shared is skipped. A demo case generated at version 2 is shared as version 1 and
 * then updated, so the pool shows version histories.
 */
final class DemoSeeder {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
  static final long MAX_COUNT = 200_000;
  private static final int CHUNK = 2_000;
  private static final int WINDOW = 32;

  /** What one seeding did. */
  record Result(long shared, long updated, long skipped) {}

  private final CaseService cases;
  private final Optional<GeneratedCases> generator;

  DemoSeeder(CaseService cases) {
    this.cases = cases;
    this.generator = ServiceLoader.load(GeneratedCases.class).findFirst();
  }

  /** Whether a case generator is on the class path (the fixtures jar). */
  boolean available() {
    return generator.isPresent();
  }

  Future<Result> seed(long seed, long count) {
    LongFunction<CaseRecord> demo = generator.orElseThrow().set(seed, count);
    AtomicLong shared = new AtomicLong();
    AtomicLong updated = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    Future<Void> chain = Future.succeededFuture();
    for (long start = 0; start < count; start += CHUNK) {
      long from = start;
      long to = Math.min(count, start + CHUNK);
      chain =
          chain
              .compose(v -> generate(demo, from, to))
              .compose(list -> shareAll(list, shared, updated, skipped));
    }
    return chain
        .map(v -> new Result(shared.get(), updated.get(), skipped.get()))
        .onSuccess(
            r ->
                LOG.info(
                    "demo cases seeded bureau={} seed={} count={} shared={} updated={} skipped={}",
                    cases.bureau(),
                    seed,
                    count,
                    r.shared(),
                    r.updated(),
                    r.skipped()));
  }

  /** This bureau's cases among demo cases {@code from..to-1}, generated off the event loop. */
  private Future<List<CaseRecord>> generate(LongFunction<CaseRecord> demo, long from, long to) {
    return cases
        .vertx()
        .executeBlocking(
            () -> {
              List<CaseRecord> own = new ArrayList<>();
              for (long i = from; i < to; i++) {
                CaseRecord c = demo.apply(i);
                if (c.bureau().equals(cases.bureau())) {
                  own.add(c);
                }
              }
              return own;
            },
            false);
  }

  private Future<Void> shareAll(
      List<CaseRecord> list, AtomicLong shared, AtomicLong updated, AtomicLong skipped) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < list.size(); i += WINDOW) {
      List<CaseRecord> window = list.subList(i, Math.min(list.size(), i + WINDOW));
      chain =
          chain.compose(
              v ->
                  Future.all(window.stream().map(c -> one(c, shared, updated, skipped)).toList())
                      .mapEmpty());
    }
    return chain;
  }

  private Future<Void> one(CaseRecord c, AtomicLong shared, AtomicLong updated, AtomicLong skip) {
    return cases
        .share(c)
        .compose(
            v -> {
              shared.incrementAndGet();
              if (c.version() < 2) {
                return Future.<Void>succeededFuture();
              }
              return cases.update(c, false).map(x -> updated.incrementAndGet()).mapEmpty();
            },
            e -> {
              if (e instanceof Conflict) {
                skip.incrementAndGet();
                return Future.succeededFuture();
              }
              return Future.failedFuture(e);
            });
  }
}
