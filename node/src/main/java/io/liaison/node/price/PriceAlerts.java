package io.liaison.node.price;

import io.liaison.api.BureauId;
import io.liaison.api.price.PriceGap;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Gap alerts ({@value PriceService#GAP}): after each price record a node takes in, it looks at the
 * border pairs its bureau is a side of (agreed prices in force today, prices observed in the last
 * {@value #WINDOW_DAYS} days) and tells its officers once of each flagged gap — once per pair,
 * brand and amounts, so a changed gap is told again. Both sides' nodes do this on their own, so
 * both are told.
 */
final class PriceAlerts {
  static final int WINDOW_DAYS = 90;

  private final Vertx vertx;
  private final StoreExecutor store;
  private final EventFeed feed;
  private final PriceBook book;
  private final PriceFigures figures;
  private final Clock clock;

  PriceAlerts(Vertx vertx, StoreExecutor store, EventFeed feed, PriceBook book, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.feed = feed;
    this.book = book;
    this.figures = new PriceFigures(book);
    this.clock = clock;
  }

  Future<Void> check() {
    BureauId self = book.self();
    LocalDate today = LocalDate.now(clock.withZone(PriceBook.ZONE));
    List<BorderPairs.Pair> mine =
        book.borderPairs().stream().filter(p -> p.involves(self)).toList();
    return vertx
        .executeBlocking(
            () ->
                figures.gaps(today.minusDays(WINDOW_DAYS - 1), today, mine).stream()
                    .filter(PriceGap::flagged)
                    .toList(),
            false)
        .compose(
            flagged ->
                flagged.isEmpty()
                    ? Future.succeededFuture(List.<StoredEvent>of())
                    : store.transaction(
                        s -> {
                          List<StoredEvent> events = new ArrayList<>();
                          for (PriceGap g : flagged) {
                            String key =
                                "price-gap:"
                                    + g.a()
                                    + ":"
                                    + g.b()
                                    + ":"
                                    + g.brand()
                                    + "("
                                    + g.spec()
                                    + "):"
                                    + g.agreedGap()
                                    + ":"
                                    + g.observedGap();
                            if (s.markNotified(key, PriceService.GAP)) {
                              events.add(feed.append(s, PriceService.GAP, key, self.code(), g));
                            }
                          }
                          return events;
                        }))
        .map(
            events -> {
              events.forEach(feed::publish);
              return null;
            });
  }
}
