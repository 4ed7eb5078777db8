package io.liaison.node;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.liaison.node.cluster.GridConfig;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.cluster.GridWatch;
import io.liaison.node.cluster.StoreExchange;
import io.liaison.node.config.NodeConfig;
import io.liaison.node.events.EventFeed;
import io.liaison.node.http.ApiVerticle;
import io.liaison.node.imports.CaseImports;
import io.liaison.node.lead.LeadOwner;
import io.liaison.node.lead.LeadSweeper;
import io.liaison.node.metrics.OperatorMeters;
import io.liaison.node.network.NetworkService;
import io.liaison.node.search.SearchIndexer;
import io.liaison.node.settings.SettingsService;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreCheck;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.MemberProof;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.liaison.node.wiring.NodeServices;
import io.liaison.node.wiring.Parts;
import io.liaison.search.link.LinkEngine;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bureau node, assembled: trust, durable store, clustered Vert.x over Hazelcast, the features
 * ({@link NodeServices}: each feature's services, shared maps and routes), the HTTP API. {@link
 * #start} completes when the node serves HTTP; {@code /health/ready} turns UP once it has joined
 * the cluster and reconciled its store with the grid. A new feature is wired in {@link
 * NodeServices#wire}, not here.
 */
public final class LiaisonNode {
  private static final Logger LOG = LoggerFactory.getLogger(LiaisonNode.class);

  private final NodeConfig config;
  private final Vertx vertx;
  private final Store store;
  private final StoreExecutor storeExec;
  private final TrustService trust;
  private final HazelcastInstance hazelcast;
  private final SearchIndexer indexer;
  private final NodeServices services;
  private final GridWatch watch;
  private final ApiVerticle api;
  private final AtomicBoolean ready;
  private final StoreCheck storeCheck;
  private StoreExchange exchange;
  private long exchangeTimer = -1;

  private LiaisonNode(
      Parts parts, NodeServices services, GridWatch watch, ApiVerticle api, AtomicBoolean ready) {
    this.config = parts.config();
    this.vertx = parts.vertx();
    this.store = parts.store();
    this.storeExec = parts.exec();
    this.trust = parts.trust();
    this.hazelcast = parts.hazelcast();
    this.indexer = parts.indexer();
    this.services = services;
    this.watch = watch;
    this.api = api;
    this.ready = ready;
    this.storeCheck = StoreCheck.bind(parts.store(), parts.registry());
    // damage found by the background integrity check takes the node out of service at once
    storeCheck.failed().onFailure(e -> ready.set(false));
  }

  /** Starts a node; fails fast (before joining the cluster) on bad keys, roster or store. */
  public static Future<LiaisonNode> start(NodeConfig config, Map<String, String> env, Clock clock) {
    TrustService trust;
    Store store;
    try {
      trust = TrustService.load(config, env);
      store = Store.open(config.dataDir().resolve("liaison.db"));
      store.gridRetention(config.cluster().gridRetention());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    SearchIndexer indexer;
    try {
      indexer = SearchIndexer.open(config.dataDir().resolve("index"));
    } catch (RuntimeException e) {
      store.close();
      return Future.failedFuture(e);
    }
    // read back while the grid starts (#32): after a restart the slowest step before ready
    CompletableFuture<LinkEngine> links =
        NetworkService.openEngineAsync(config.dataDir().resolve("links"));
    LOG.info(
        "starting node bureau={} http={}:{} cluster={} member={}:{}",
        config.bureau(),
        config.http().host(),
        config.http().port(),
        config.cluster().name(),
        config.cluster().host(),
        config.cluster().port());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("bureau", config.bureau().code());
    Config gridConfig = GridConfig.build(config, new GridObjects());
    // the partition owner decides lead transitions on verified state only (see LeadOwner)
    gridConfig.getUserContext().put(LeadOwner.KEY, new LeadOwner(trust::verify));
    MemberProof.announce(gridConfig, trust, config.cluster().host(), config.cluster().port());
    HazelcastClusterManager cluster = new HazelcastClusterManager(gridConfig);
    return Vertx.builder()
        .with(
            new VertxOptions()
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true))
                // the clustered event bus (node-to-node requests) on the cluster interface
                .setEventBusOptions(
                    new EventBusOptions()
                        .setHost(config.cluster().host())
                        .setClusterPublicHost(config.cluster().host())))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .withClusterManager(cluster)
        .buildClustered()
        .onFailure(
            e -> {
              indexer.close();
              links.thenAccept(
                  linkEngine -> {
                    try {
                      linkEngine.close();
                    } catch (IOException | RuntimeException x) {
                      LOG.warn("closing the link index failed: {}", x.getMessage());
                    }
                  });
              store.close();
            })
        .compose(
            vertx ->
                Future.fromCompletionStage(links, vertx.getOrCreateContext())
                    .transform(
                        opened ->
                            opened.succeeded()
                                ? Future.succeededFuture(vertx)
                                : vertx
                                    .close()
                                    .transform(
                                        x -> {
                                          indexer.close();
                                          store.close();
                                          return Future.<Vertx>failedFuture(opened.cause());
                                        })))
        .compose(
            vertx -> {
              LinkEngine linkEngine = links.join(); // complete: the step before waited for it
              HazelcastInstance hz = cluster.getHazelcastInstance();
              StoreExecutor exec = new StoreExecutor(vertx, store, "liaison-store");
              GridWatch watch = new GridWatch(vertx, hz);
              watch.watchMembers(
                  members -> MemberProof.unproven(members, trust, config.cluster().name()),
                  registry);
              Parts parts =
                  new Parts(
                      config,
                      vertx,
                      hz,
                      store,
                      exec,
                      trust,
                      new EventFeed(vertx),
                      new Quarantine(exec, registry),
                      registry,
                      indexer,
                      linkEngine,
                      clock);
              NodeServices services = NodeServices.wire(parts);
              AtomicBoolean ready = new AtomicBoolean();
              ApiVerticle api =
                  new ApiVerticle(
                      config.http().host(),
                      config.http().port(),
                      config.limits().maxBodyBytes(),
                      exec,
                      services.filters(),
                      services.routes(),
                      config.http().tlsCert(),
                      config.http().tlsKey(),
                      () -> ready.get() && watch.healthy(),
                      registry::scrape);
              OperatorMeters.bind(
                  vertx,
                  registry,
                  exec,
                  indexer,
                  hz,
                  () -> ready.get() && watch.healthy(),
                  config.http().tlsCert(),
                  clock);
              LiaisonNode node = new LiaisonNode(parts, services, watch, api, ready);
              return vertx
                  .deployVerticle(api)
                  .compose(id -> node.join())
                  .map(v -> node)
                  .recover(e -> vertx.close().transform(x -> Future.failedFuture(e)));
            });
  }

  private Future<Void> join() {
    // every shared map: listened to, any value type handled, losses put back (see GridWatch)
    List<GridReconciler> reconcilers = services.watch(watch, store, hazelcast);
    // the records that leave the grid after their retention are caught up store to store
    exchange =
        new StoreExchange(
            vertx,
            storeExec,
            config.bureau().code(),
            () -> trust.roster().members().stream().map(m -> m.bureau().code()).toList(),
            reconcilers.stream()
                .filter(
                    r ->
                        r.mapName().equals(GridConfig.LEADS)
                            || r.mapName().equals(GridConfig.CASES)
                            || r.mapName().equals(GridConfig.AUDIT))
                .toList());
    Runnable reconcileAll = () -> reconcilers.forEach(GridReconciler::reconcile);
    // after a split heals, take in what the other side did (and resolve conflicts)
    hazelcast
        .getLifecycleService()
        .addLifecycleListener(
            e -> {
              if (e.getState() == LifecycleEvent.LifecycleState.MERGED) {
                LOG.warn("cluster merged after a split; reconciling bureau={}", config.bureau());
                reconcileAll.run();
              }
            });
    // members gone (a split, or two failing at once) can take the only copies of some grid
    // partitions with them: put back from the store what the grid lost
    hazelcast
        .getCluster()
        .addMembershipListener(
            new MembershipListener() {
              @Override
              public void memberAdded(MembershipEvent e) {}

              @Override
              public void memberRemoved(MembershipEvent e) {
                LOG.info(
                    "member left; reconciling bureau={} member={}", config.bureau(), e.getMember());
                reconcileAll.run();
              }
            });
    // take in what the grid holds differently, map by map; put back what it lacks in the
    // background (after a full-cluster restart that is everything, which would hold a large
    // node's readiness for minutes; a transition needing an entry not yet back puts it back); the
    // bucket digests of every map are compared at once (each comparison waits mostly on the grid)
    List<Future<GridReconciler.Report>> putBacks = new ArrayList<>();
    return exchange
        .listen()
        .compose(v -> services.load())
        .compose(
            loaded -> {
              Future<Void> takenIn = Future.succeededFuture();
              for (var step :
                  reconcilers.stream()
                      .filter(r -> !r.takesInAfterReady())
                      .map(GridReconciler::compareNow)
                      .toList()) {
                takenIn =
                    takenIn.compose(v -> step.get()).map(p -> putBacks.add(p.putBack())).mapEmpty();
              }
              return takenIn;
            })
        .compose(v -> services.settle())
        .map(
            r -> {
              ready.set(true);
              watch.start();
              services.ready();
              storeCheck.start();
              LOG.info(
                  "node ready bureau={} api={}://{}:{} members={}",
                  config.bureau(),
                  config.http().tls() ? "https" : "http",
                  config.http().host(),
                  httpPort(),
                  hazelcast.getCluster().getMembers().size());
              Future.all(putBacks)
                  .onSuccess(
                      all ->
                          LOG.info(
                              "grid restored bureau={} records put back={}",
                              config.bureau(),
                              putBacks.stream().mapToInt(f -> f.result().restored()).sum()));
              // the maps nothing waits on (the audit chains: every bureau's, at the first start
              // after an upgrade): taken in now, one after another
              Future<?> later = Future.succeededFuture();
              for (GridReconciler rec : reconcilers) {
                if (rec.takesInAfterReady()) {
                  later = later.compose(v -> rec.reconcile());
                }
              }
              later.onFailure(
                  e -> LOG.warn("taking in after ready failed bureau={}: {}", config.bureau(), e));
              // what was posted and left the grid while this node was down: from the peers' stores
              catchUp();
              exchangeTimer = vertx.setPeriodic(StoreExchange.PERIOD_MS, t -> catchUp());
              return null;
            });
  }

  /**
   * Fails if the integrity check that a start after a crash ran in the background found the store
   * damaged (the node is then no longer ready; {@code liaison-node run} exits with status 2).
   */
  public Future<Void> storeFailed() {
    return storeCheck.failed();
  }

  public boolean isReady() {
    return ready.get();
  }

  /** The HTTP routes this node serves, as {@code "GET /api/v1/leads/:id"} (ApiVerticle#routes). */
  public List<String> routes() {
    return api.routes();
  }

  public int httpPort() {
    return api.actualPort();
  }

  public NodeConfig config() {
    return config;
  }

  public Vertx vertx() {
    return vertx;
  }

  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  public LeadSweeper sweeper() {
    return services.sweeper();
  }

  public TrustService trust() {
    return trust;
  }

  /** Register imports (tests resume them). */
  public CaseImports imports() {
    return services.imports();
  }

  /** The rules the bureaus agreed (feedback period, major-case value). */
  public SettingsService settings() {
    return services.settings();
  }

  /** Catches up with the peers' stores now ({@link StoreExchange#catchUp}). */
  public Future<StoreExchange.Report> catchUp() {
    return exchange.catchUp();
  }

  /** Leaves the cluster, stops serving, closes the store. */
  public Future<Void> stop() {
    ready.set(false);
    vertx.cancelTimer(exchangeTimer);
    LOG.info("stopping node bureau={}", config.bureau());
    services.stop();
    watch.stop();
    // Closing runs on a thread of its own: the index is closed off the event loops and before
    // them (a blocking commit), and vertx.close() is called with no Vert.x context, so that its
    // future does not try to complete on an event loop it has just shut down (which would
    // leave it pending forever).
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread closer =
        new Thread(
            () -> {
              try {
                indexer.close();
              } catch (RuntimeException e) {
                LOG.warn("closing the search index failed: {}", e.getMessage());
              }
              services.close();
              vertx
                  .close()
                  .onComplete(
                      ar -> {
                        storeExec.close();
                        store.close();
                        done.complete(null);
                      });
            },
            "liaison-stop");
    closer.start();
    return Future.fromCompletionStage(done);
  }
}
