package io.liaison.search.link.internal;

import io.liaison.search.link.LinkRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * A full relink: every record is extracted and indexed (in parallel), then every record is linked
 * against the complete index (in parallel, each pair scored once from its smaller id), then the
 * graph is built in one pass. The links equal those of incremental writes of the same records in
 * any order.
 */
public final class Relink {
  private static final int BATCH = 256;

  private record Found(Linker.Scored scored, Profile a, Profile b) {}

  private Relink() {}

  /** Relinks {@code records} (each id once); returns how many were indexed. */
  public static long run(
      Core core, Iterable<LinkRecord> records, int threads, LongConsumer progress)
      throws IOException {
    LinkIndex index = core.index();
    index.deleteAll();
    index.beginBulk();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "relink");
              t.setDaemon(true);
              return t;
            });
    try {
      AtomicLong indexed = new AtomicLong();
      Pipeline<LinkRecord> extract =
          new Pipeline<>(
              pool,
              threads,
              r -> {
                index.bulkAdd(FeatureExtractor.extract(r.document(), r.audience()));
                indexed.incrementAndGet();
              });
      long submitted = 0;
      for (LinkRecord r : records) {
        if (r.document().readable()) {
          extract.add(r);
          if (++submitted % 10_000 == 0) {
            progress.accept(indexed.get());
          }
        }
      }
      extract.finish();
      progress.accept(indexed.get());
      core.linker().pool((int) indexed.get());
      index.endBulk();
      // one segment: every key lookup of the link pass then seeks one term dictionary
      index.merge(1);
      Queue<Found> found = new ConcurrentLinkedQueue<>();
      Linker linker = core.linker();
      SharedKeys shared = index.view().sharedKeys();
      Pipeline<Profile> link =
          new Pipeline<>(
              pool,
              threads,
              p -> {
                Linker.Lookup lookup = linker.lookup(shared);
                for (Profile q : linker.candidates(p, lookup, id -> id.compareTo(p.id()) > 0)) {
                  Linker.Scored s = linker.score(p, q, lookup);
                  if (linker.linked(s)) {
                    found.add(new Found(s, p, q));
                  }
                }
              });
      index.forEachProfile(link::add);
      link.finish();
      Graph graph = new Graph();
      for (Found f : found) {
        Profile a = f.a().id().equals(f.scored().link().a()) ? f.a() : f.b();
        Profile b = a == f.a() ? f.b() : f.a();
        graph.ensure(a.id(), Core.member(a), a.restricted());
        graph.ensure(b.id(), Core.member(b), b.restricted());
        Graph.Edge e =
            new Graph.Edge(
                a.id(), b.id(), f.scored().link().score(), Linker.keysOf(f.scored().link()));
        graph.put(e);
        index.putEdge(e.a(), e.b(), e.score(), e.keys());
      }
      core.load(graph);
      return indexed.get();
    } finally {
      index.endBulk();
      pool.shutdown();
    }
  }

  /** Work handed to a pool in batches, at most a few batches in flight. */
  private static final class Pipeline<T> {
    interface Step<T> {
      void accept(T t) throws IOException;
    }

    private final ExecutorService pool;
    private final int permits;
    private final Semaphore inFlight;
    private final Step<T> step;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private List<T> batch = new ArrayList<>(BATCH);

    Pipeline(ExecutorService pool, int threads, Step<T> step) {
      this.pool = pool;
      this.permits = threads * 2;
      this.inFlight = new Semaphore(permits);
      this.step = step;
    }

    void add(T t) {
      batch.add(t);
      if (batch.size() == BATCH) {
        submit();
      }
    }

    private void submit() {
      List<T> work = batch;
      batch = new ArrayList<>(BATCH);
      inFlight.acquireUninterruptibly();
      pool.execute(
          () -> {
            try {
              if (failure.get() == null) {
                for (T t : work) {
                  step.accept(t);
                }
              }
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            } finally {
              inFlight.release();
            }
          });
    }

    /** Waits for every batch; rethrows the first failure. */
    void finish() throws IOException {
      if (!batch.isEmpty()) {
        submit();
      }
      inFlight.acquireUninterruptibly(permits);
      inFlight.release(permits);
      Throwable t = failure.get();
      if (t instanceof IOException e) {
        throw e;
      } else if (t instanceof RuntimeException e) {
        throw e;
      } else if (t instanceof Error e) {
        throw e;
      } else if (t != null) {
        throw new IllegalStateException("relink failed", t);
      }
    }
  }
}
