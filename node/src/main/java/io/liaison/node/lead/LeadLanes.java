package io.liaison.node.lead;

import io.liaison.api.lead.LeadView;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The queue of a lead's transition requests on this node: one at a time per lead, in order of
 * arrival, plus the newest state a request of the queue saw on the grid.
 *
 * <p>When several officers of a bureau act on one lead at once (a new lead, everyone clicks
 * "claim"), the first goes to the grid and the others then find the outcome in the store and are
 * answered from it (e.g. 409 "claimed by …") without signing or a grid call; on the partition owner
 * the entry processor still decides between bureaus.
 */
final class LeadLanes {
  private final Vertx vertx;
  // the last transition request of each lead on this node: the next one waits for it
  private final Map<String, Future<LeadView>> lanes = new ConcurrentHashMap<>();
  // per lead with requests in its lane: the newest state a request saw on the grid (see Seen)
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  LeadLanes(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * A lead's state as a request of this node saw it on the grid (an entry processor's answer or a
   * read), sent at {@code sentAt} (System.nanoTime), and taken into the store before that request
   * finished. A request that was waiting in the lane when that grid call was sent may be refused on
   * this state without asking the grid again: the state held at a moment between the request's
   * arrival and its answer, so the refusal is as if the request had been decided then.
   */
  private record Seen(long sentAt, LeadRecord rec) {}

  /** Runs {@code work} once the lead's previous transition request on this node has finished. */
  Future<LeadView> run(String id, Supplier<Future<LeadView>> work) {
    Context ctx = vertx.getOrCreateContext();
    Promise<LeadView> done = Promise.promise();
    Future<LeadView> mine = done.future();
    Future<?>[] before = new Future<?>[1];
    lanes.compute(
        id,
        (k, prev) -> {
          before[0] = prev;
          return mine;
        });
    Runnable run =
        () ->
            ctx.runOnContext(
                v -> {
                  try {
                    work.get().onComplete(done);
                  } catch (RuntimeException e) {
                    done.fail(e);
                  }
                });
    if (before[0] == null) {
      run.run();
    } else {
      before[0].onComplete(ar -> run.run());
    }
    mine.onComplete(
        ar -> {
          if (lanes.remove(id, mine)) {
            seen.remove(id); // nobody waits: a later request asks the grid itself
          }
        });
    return mine;
  }

  /** A request of the lane saw {@code rec} on the grid, asked at {@code sentAt}. */
  void saw(String id, long sentAt, LeadRecord rec) {
    seen.merge(id, new Seen(sentAt, rec), (a, b) -> b.sentAt() - a.sentAt() >= 0 ? b : a);
  }

  /**
   * The state a request ahead in the lane saw on the grid after {@code arrived} (System.nanoTime),
   * or null: a request that arrived then may be refused on it without asking the grid.
   */
  LeadRecord seenSince(String id, long arrived) {
    Seen s = seen.get(id);
    return s != null && s.sentAt() - arrived >= 0 ? s.rec() : null;
  }
}
