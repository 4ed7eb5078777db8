package io.liaison.bench.leads;

import io.liaison.bench.HttpLoad;
import io.liaison.bench.Lat;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Contended claims over HTTP: for each lead, {@code claimersPerNode} officers on every node except
 * the origin's fire CLAIM at the same moment; {@code window} leads are raced at a time. Exactly one
 * request per lead may win (200); the others must be refused (409).
 */
final class ClaimRace {
  private ClaimRace() {}

  record Target(String id, int origin) {}

  static final class Result {
    final Histogram all = Lat.histogram();
    final Histogram won = Lat.histogram();
    final Histogram lost = Lat.histogram();
    final Map<Integer, Long> statuses = new TreeMap<>();
    int exactlyOne;
    int noWinner;
    int manyWinners;
    double seconds;
    String firstUnexpected;

    double rate() {
      return all.getTotalCount() / seconds;
    }
  }

  static Result run(HttpLoad http, int[] ports, List<Target> leads, int claimersPerNode, int window)
      throws InterruptedException {
    Result res = new Result();
    CountDownLatch done = new CountDownLatch(leads.size());
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    http.onLoop(
        () -> {
          for (int w = 0; w < window; w++) {
            race(http, ports, leads, claimersPerNode, next, res, done);
          }
        });
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("claim race did not finish");
    }
    res.seconds = (System.nanoTime() - t0) / 1e9;
    return res;
  }

  private static void race(
      HttpLoad http,
      int[] ports,
      List<Target> leads,
      int claimersPerNode,
      AtomicInteger next,
      Result res,
      CountDownLatch done) {
    int i = next.getAndIncrement();
    if (i >= leads.size()) {
      return;
    }
    Target t = leads.get(i);
    List<Future<Integer>> fs = new ArrayList<>();
    for (int n = 0; n < ports.length; n++) {
      if (n == t.origin()) {
        continue;
      }
      for (int c = 0; c < claimersPerNode; c++) {
        // every claimer on a node acts as that node's signed-in officer (the node refuses others)
        String body = "{\"event\":\"CLAIM\",\"officer\":\"" + http.officer(ports[n]) + "\"}";
        long s = System.nanoTime();
        fs.add(
            http.postJson(ports[n], "/api/v1/leads/" + t.id() + "/transitions", body)
                .map(
                    r -> {
                      long d = System.nanoTime() - s;
                      res.all.recordValue(d);
                      int st = r.statusCode();
                      res.statuses.merge(st, 1L, Long::sum);
                      if (st == 200) {
                        res.won.recordValue(d);
                      } else if (st == 409) {
                        res.lost.recordValue(d);
                      } else if (res.firstUnexpected == null) {
                        res.firstUnexpected = st + " " + r.bodyAsString();
                      }
                      return st;
                    })
                .otherwise(
                    e -> {
                      res.statuses.merge(0, 1L, Long::sum);
                      if (res.firstUnexpected == null) {
                        res.firstUnexpected = String.valueOf(e);
                      }
                      return 0;
                    }));
      }
    }
    Future.join(fs)
        .onComplete(
            x -> {
              long winners = fs.stream().filter(f -> f.result() == 200).count();
              if (winners == 1) {
                res.exactlyOne++;
              } else if (winners == 0) {
                res.noWinner++;
              } else {
                res.manyWinners++;
              }
              done.countDown();
              race(http, ports, leads, claimersPerNode, next, res, done);
            });
  }
}
