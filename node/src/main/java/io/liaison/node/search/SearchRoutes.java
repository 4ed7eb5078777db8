package io.liaison.node.search;

import io.liaison.api.Problem;
import io.liaison.api.search.IdentifierPage;
import io.liaison.api.search.SearchStatus;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.search.InvalidQueryException;
import io.liaison.search.SearchHit;
import io.liaison.search.ident.Identifier;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.Identifiers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * HTTP endpoints of search, answered from this node's own index on a worker thread: {@code GET
 * /api/v1/search} (query, filters, sort, paging, facets, snippets), {@code GET
 * /api/v1/search/identifiers?type=&value=} (every record mentioning a normalised identifier) and
 * {@code GET /api/v1/search/status} (how far the index is).
 */
public final class SearchRoutes {
  private final Vertx vertx;
  private final SearchIndexer indexer;
  private final StoreExecutor store;
  private final int maxPage;

  public SearchRoutes(Vertx vertx, SearchIndexer indexer, StoreExecutor store, int maxPage) {
    this.vertx = vertx;
    this.indexer = indexer;
    this.store = store;
    this.maxPage = maxPage;
  }

  public void mount(Router router) {
    router.get("/api/v1/search").handler(this::search);
    router.get("/api/v1/search/identifiers").handler(this::identifiers);
    router.get("/api/v1/search/status").handler(this::status);
  }

  private void search(RoutingContext ctx) {
    SearchParams.Parsed p = SearchParams.parse(ctx.queryParams(), maxPage);
    worker(() -> SearchAnswers.page(indexer.index().search(p.request()), p.offset(), p.limit()))
        .onSuccess(page -> Bodies.reply(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  private void identifiers(RoutingContext ctx) {
    String t = ctx.request().getParam("type");
    String v = ctx.request().getParam("value");
    if (t == null || t.isBlank()) {
      throw SearchParams.bad(
          "type", "type is required: one of " + List.of(IdentifierType.values()));
    }
    IdentifierType type;
    try {
      type = IdentifierType.valueOf(t.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw SearchParams.bad("type", "type must be one of " + List.of(IdentifierType.values()));
    }
    if (v == null || v.isBlank()) {
      throw SearchParams.bad("value", "value is required");
    }
    Identifier id =
        Identifiers.normalise(type, v)
            .orElseThrow(
                () ->
                    SearchParams.bad(
                        "value", "not a " + type.name().toLowerCase(Locale.ROOT) + ": " + v));
    int limit = Bodies.intParam(ctx, "limit", 100, 1, maxPage);
    worker(
            () -> {
              List<SearchHit> hits = indexer.index().lookup(id);
              return new IdentifierPage(
                  type.name(),
                  id.value(),
                  id.valid(),
                  hits.size(),
                  hits.stream().limit(limit).map(SearchAnswers::item).toList());
            })
        .onSuccess(page -> Bodies.reply(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  private void status(RoutingContext ctx) {
    store
        .call(Store::lastChangeSeq)
        .compose(
            storeSeq ->
                worker(
                    () ->
                        new SearchStatus(
                            indexer.state(),
                            indexer.index().count(),
                            indexer.indexedSeq(),
                            storeSeq,
                            indexer.rebuilt())))
        .onSuccess(m -> Bodies.reply(ctx, 200, m))
        .onFailure(ctx::fail);
  }

  /** Runs index work on a worker thread; a query the index cannot parse is a 400 naming q. */
  private <T> Future<T> worker(Callable<T> work) {
    return vertx
        .executeBlocking(work, false)
        .recover(
            e -> {
              if (e instanceof InvalidQueryException iq) {
                return Future.failedFuture(
                    new ApiException(
                        Problem.of("bad-query", "Bad request", 400, iq.getMessage(), "q")));
              }
              return Future.failedFuture(e);
            });
  }
}
