package io.liaison.bench.durability;

import io.liaison.bench.BenchCluster;
import io.liaison.bench.LeadBodies;
import io.liaison.node.events.EventFeed;
import io.liaison.node.lead.BenchRecords;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.lead.LeadSealing;
import io.liaison.node.store.Store;
import io.liaison.node.trust.TrustService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Fills the stores of all bureaus of a cluster with the same {@code n} real signed leads, as if the
 * cluster had run for a year: posts spread over the year by all three bureaus in turn, one in four
 * claimed by one of the two other bureaus. Signing runs on the common pool while the previous chunk
 * is written, one writer thread per store, one transaction per chunk.
 */
final class StoreFiller {
  private static final int CHUNK = 2000;

  private StoreFiller() {}

  static void fill(BenchCluster c, int n, Consumer<String> progress) throws Exception {
    fill(c, n, c.size(), progress);
  }

  /** As {@link #fill(BenchCluster, int, Consumer)}, into the stores of the first {@code filled}. */
  static void fill(BenchCluster c, int n, int filled, Consumer<String> progress) throws Exception {
    int size = filled;
    TrustService[] trust = new TrustService[c.size()];
    Store[] stores = new Store[size];
    LeadSealing[] sealings = new LeadSealing[c.size()];
    EventFeed feed = new EventFeed(null); // append only: nothing is published
    for (int i = 0; i < c.size(); i++) {
      trust[i] = c.trust(i);
      sealings[i] = new LeadSealing(trust[i]);
    }
    for (int i = 0; i < size; i++) {
      stores[i] = Store.open(c.storeFile(i));
    }
    Instant base = Instant.now().minus(Duration.ofDays(365));
    long step = Duration.ofDays(364).toMillis() / n;
    ExecutorService writers = Executors.newFixedThreadPool(size);
    try {
      CompletableFuture<List<LeadRecord>> next =
          CompletableFuture.supplyAsync(() -> sign(c, trust, base, step, 0, Math.min(n, CHUNK)));
      int reported = 0;
      for (int from = 0; from < n; from += CHUNK) {
        List<LeadRecord> recs = next.get();
        int nextFrom = from + CHUNK;
        next =
            nextFrom < n
                ? CompletableFuture.supplyAsync(
                    () -> sign(c, trust, base, step, nextFrom, Math.min(n, nextFrom + CHUNK)))
                : CompletableFuture.completedFuture(List.of());
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          int s = i;
          writes.add(
              CompletableFuture.runAsync(
                  () -> {
                    // one unit, one commit: the store's own group-commit transaction
                    Object res =
                        stores[s]
                            .runBatch(
                                List.of(
                                    st -> {
                                      for (LeadRecord r : recs) {
                                        BenchRecords.store(
                                            st,
                                            r,
                                            trust[s],
                                            feed,
                                            sealings[s],
                                            r.last().signedAt());
                                      }
                                      return null;
                                    }))
                            .get(0);
                    if (res instanceof Store.Failed f) {
                      throw new IllegalStateException("writing a chunk failed", f.cause());
                    }
                  },
                  writers));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
        int done = Math.min(n, from + CHUNK);
        if (done * 10L / n > reported) {
          reported = (int) (done * 10L / n);
          progress.accept(done + " of " + n + " records written to " + size + " stores");
        }
      }
    } finally {
      writers.shutdown();
      for (Store s : stores) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  private static List<LeadRecord> sign(
      BenchCluster c, TrustService[] trust, Instant base, long step, int from, int to) {
    int size = trust.length;
    return IntStream.range(from, to)
        .parallel()
        .mapToObj(
            k -> {
              int origin = k % size;
              Instant at = base.plusMillis(k * step);
              LeadRecord r =
                  BenchRecords.posted(trust[origin], LeadBodies.draft(k, c.officer(origin)), at);
              if (k % 4 == 0) {
                int claimer = (origin + 1 + (k / 4) % (size - 1)) % size;
                r =
                    BenchRecords.claimed(
                        r, trust[claimer], c.officer(claimer), at.plus(Duration.ofHours(2)));
              }
              return r;
            })
        .toList();
  }
}
