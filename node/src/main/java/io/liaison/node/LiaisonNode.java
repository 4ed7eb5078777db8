package io.liaison.node;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import io.liaison.crypto.OfficerSealer;
import io.liaison.node.access.AccessHandlers;
import io.liaison.node.access.AuthRoutes;
import io.liaison.node.access.AuthService;
import io.liaison.node.action.ActionRoutes;
import io.liaison.node.action.ActionService;
import io.liaison.node.action.Deconfliction;
import io.liaison.node.action.MeetingRoutes;
import io.liaison.node.action.MeetingService;
import io.liaison.node.admin.AdminRoutes;
import io.liaison.node.admin.RecordTransfer;
import io.liaison.node.area.AreaRoutes;
import io.liaison.node.area.AreaService;
import io.liaison.node.attachment.AttachmentRoutes;
import io.liaison.node.attachment.AttachmentService;
import io.liaison.node.audit.AuditRoutes;
import io.liaison.node.audit.AuditService;
import io.liaison.node.cases.CaseRoutes;
import io.liaison.node.cases.CaseService;
import io.liaison.node.cluster.GridConfig;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.cluster.GridWatch;
import io.liaison.node.cluster.Quorum;
import io.liaison.node.config.NodeConfig;
import io.liaison.node.directory.DirectoryRoutes;
import io.liaison.node.directory.DirectoryService;
import io.liaison.node.events.EventFeed;
import io.liaison.node.forms.FormRoutes;
import io.liaison.node.forms.FormService;
import io.liaison.node.forms.FormSharing;
import io.liaison.node.http.Admission;
import io.liaison.node.http.ApiVerticle;
import io.liaison.node.imports.CaseImports;
import io.liaison.node.imports.ImportRoutes;
import io.liaison.node.informant.InformantRoutes;
import io.liaison.node.informant.InformantService;
import io.liaison.node.lead.LeadOwner;
import io.liaison.node.lead.LeadQueries;
import io.liaison.node.lead.LeadRoutes;
import io.liaison.node.lead.LeadService;
import io.liaison.node.lead.LeadSweeper;
import io.liaison.node.major.MajorLeadRoutes;
import io.liaison.node.major.MajorLeads;
import io.liaison.node.metrics.OperatorMeters;
import io.liaison.node.network.HitService;
import io.liaison.node.network.MergeService;
import io.liaison.node.network.NetworkRoutes;
import io.liaison.node.network.NetworkService;
import io.liaison.node.price.PriceRoutes;
import io.liaison.node.price.PriceService;
import io.liaison.node.report.ReportRoutes;
import io.liaison.node.report.ReportService;
import io.liaison.node.search.SearchIndexer;
import io.liaison.node.search.SearchRoutes;
import io.liaison.node.settings.SettingsRoutes;
import io.liaison.node.settings.SettingsService;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.MemberProof;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.RosterService;
import io.liaison.node.trust.TrustService;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bureau node, assembled: trust, durable store, clustered Vert.x over Hazelcast, the shared
 * maps and their listeners, the HTTP API. {@link #start} completes when the node serves HTTP;
 * {@code /health/ready} turns UP once it has joined the cluster and reconciled its store with the
 * grid.
 *
 * <p>Why over 400 lines: it is the one place where the node is wired (every service, its shared
 * map, listener, reconciler and routes, in start-up order, and the shutdown in reverse); split, the
 * order of start and stop would be spread over several files.
 */
public final class LiaisonNode {
  private static final Logger LOG = LoggerFactory.getLogger(LiaisonNode.class);

  private final NodeConfig config;
  private final Vertx vertx;
  private final Store store;
  private final StoreExecutor storeExec;
  private final TrustService trust;
  private final HazelcastInstance hazelcast;
  private final LeadService leads;
  private final LeadSweeper sweeper;
  private final ApiVerticle api;
  private final AtomicBoolean ready;
  private RosterService rosters;
  private AuditService audit;
  private DirectoryService directory;
  private InformantService informants;
  private AttachmentService attachments;
  private CaseService cases;
  private SearchIndexer indexer;
  private NetworkService networks;
  private MergeService merges;
  private HitService hits;
  private ActionService actions;
  private Deconfliction deconfliction;
  private MeetingService meetings;
  private PriceService prices;
  private ReportService reports;
  private long auditTimer = -1;
  private GridWatch watch;
  private SettingsService settings;
  private AreaService areas;
  private MajorLeads major;
  private CaseImports imports;
  private FormSharing formSharing;

  private LiaisonNode(
      NodeConfig config,
      Vertx vertx,
      Store store,
      StoreExecutor storeExec,
      TrustService trust,
      HazelcastInstance hazelcast,
      LeadService leads,
      LeadSweeper sweeper,
      ApiVerticle api,
      AtomicBoolean ready) {
    this.config = config;
    this.vertx = vertx;
    this.store = store;
    this.storeExec = storeExec;
    this.trust = trust;
    this.hazelcast = hazelcast;
    this.leads = leads;
    this.sweeper = sweeper;
    this.api = api;
    this.ready = ready;
  }

  /** Starts a node; fails fast (before joining the cluster) on bad keys, roster or store. */
  public static Future<LiaisonNode> start(NodeConfig config, Map<String, String> env, Clock clock) {
    TrustService trust;
    Store store;
    try {
      trust = TrustService.load(config, env);
      store = Store.open(config.dataDir().resolve("liaison.db"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    SearchIndexer indexer;
    LinkEngine linkEngine;
    try {
      indexer = SearchIndexer.open(config.dataDir().resolve("index"));
    } catch (RuntimeException e) {
      store.close();
      return Future.failedFuture(e);
    }
    try {
      linkEngine = NetworkService.openEngine(config.dataDir().resolve("links"));
    } catch (RuntimeException e) {
      indexer.close();
      store.close();
      return Future.failedFuture(e);
    }
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
              try {
                linkEngine.close();
              } catch (IOException | RuntimeException x) {
                LOG.warn("closing the link index failed: {}", x.getMessage());
              }
              store.close();
            })
        .compose(
            vertx -> {
              HazelcastInstance hz = cluster.getHazelcastInstance();
              IMap<String, String> grid = GridWatch.live(hz, GridConfig.LEADS);
              StoreExecutor exec = new StoreExecutor(vertx, store, "liaison-store");
              Quarantine quarantine = new Quarantine(exec, registry);
              EventFeed feed = new EventFeed(vertx);
              GridWatch watch = new GridWatch(vertx, hz);
              watch.watchMembers(
                  members -> MemberProof.unproven(members, trust, config.cluster().name()),
                  registry);
              LeadService leads =
                  new LeadService(
                      vertx,
                      exec,
                      trust,
                      grid,
                      GridWatch.live(hz, GridConfig.SUPERSEDED),
                      feed,
                      quarantine,
                      registry,
                      new Quorum(hz, expectedMembers(config)),
                      clock);
              SettingsService settings =
                  new SettingsService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, SettingsService.MAP),
                      quarantine,
                      clock);
              CaseService cases =
                  new CaseService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, GridConfig.CASES),
                      feed,
                      quarantine,
                      () -> settings.majorCaseThresholdFen().orElse(CaseService.MAJOR_FEN),
                      clock);
              CaseImports imports = new CaseImports(exec, cases, config.dataDir(), clock);
              LeadQueries queries =
                  new LeadQueries(
                      exec, leads.sealing(), trust.bureau(), settings::feedbackPeriod, clock);
              LeadSweeper sweeper =
                  new LeadSweeper(vertx, hz, leads, exec, feed, settings::current, clock);
              RosterService rosters =
                  new RosterService(
                      vertx,
                      trust,
                      GridWatch.live(hz, GridConfig.ROSTER),
                      quarantine,
                      config.dataDir());
              AuditService audit =
                  new AuditService(vertx, exec, trust, GridWatch.live(hz, GridConfig.AUDIT));
              AttachmentService attachments =
                  new AttachmentService(vertx, exec, trust.bureau(), config.dataDir());
              DirectoryService directory =
                  new DirectoryService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, GridConfig.DIRECTORY),
                      quarantine,
                      clock);
              HitService hits =
                  new HitService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, GridConfig.HITS),
                      GridWatch.live(hz, GridConfig.LEADS),
                      feed,
                      quarantine,
                      clock);
              NetworkService networks =
                  NetworkService.attach(
                      vertx, exec, feed, trust.bureau(), linkEngine, hits, indexer);
              MergeService merges =
                  new MergeService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, GridConfig.MERGE),
                      feed,
                      quarantine,
                      clock);
              Deconfliction deconfliction = new Deconfliction(exec, feed, trust.bureau(), clock);
              indexer.addListener(deconfliction);
              AreaService areas = new AreaService(exec, feed, trust, clock);
              indexer.addListener(areas);
              areas.lookBackOver(indexer, vertx);
              FormService forms = new FormService(exec, trust, clock);
              MajorLeads major =
                  new MajorLeads(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, MajorLeads.MAP),
                      quarantine,
                      feed,
                      settings::majorCaseThresholdFen,
                      clock);
              forms.addListener(major::formFiled);
              FormSharing formSharing =
                  new FormSharing(
                      vertx, exec, trust, GridWatch.live(hz, FormSharing.MAP), quarantine, feed);
              forms.addListener(formSharing::formFiled);
              ActionService actions =
                  new ActionService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, GridConfig.ACTIONS),
                      feed,
                      quarantine,
                      deconfliction,
                      clock);
              MeetingService meetings =
                  new MeetingService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, GridConfig.MEETINGS),
                      feed,
                      quarantine,
                      clock);
              PriceService prices =
                  new PriceService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, PriceService.MAP),
                      feed,
                      quarantine,
                      clock);
              ReportService reports =
                  new ReportService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, ReportService.MAP),
                      feed,
                      quarantine,
                      prices,
                      settings::current,
                      clock);
              InformantService informants =
                  new InformantService(
                      vertx,
                      exec,
                      trust,
                      GridWatch.live(hz, InformantService.MAP),
                      quarantine,
                      queries::get,
                      OfficerSealer.KDF,
                      clock);
              AuthService auth =
                  new AuthService(vertx, exec, trust.bureau(), config.security(), clock);
              AccessHandlers access = new AccessHandlers(auth, exec, config.security(), clock);
              AtomicBoolean ready = new AtomicBoolean();
              ApiVerticle api =
                  new ApiVerticle(
                      config.http().host(),
                      config.http().port(),
                      config.limits().maxBodyBytes(),
                      exec,
                      List.of(
                          access::limitAddress,
                          access::log,
                          new Admission(config.limits().maxInFlightWrites(), registry)::admit,
                          access::authenticate,
                          access::authorize),
                      List.of(
                          new AuthRoutes(auth, exec)::mount,
                          new DirectoryRoutes(directory)::mount,
                          new AttachmentRoutes(attachments)::mount,
                          new RecordTransfer(exec, leads)::mount,
                          new LeadRoutes(leads, queries, config.limits().maxPageSize())::mount,
                          new AdminRoutes(
                                  quarantine,
                                  trust,
                                  rosters,
                                  exec,
                                  config.dataDir().resolve("backups"))
                              ::mount,
                          new AuditRoutes(audit, exec)::mount,
                          new ImportRoutes(vertx, imports)::mount,
                          new CaseRoutes(cases, config.demo().caseSeeding())::mount,
                          new SearchRoutes(vertx, indexer, exec, config.limits().maxPageSize())
                              ::mount,
                          new NetworkRoutes(networks, merges, hits)::mount,
                          new ActionRoutes(
                                  vertx,
                                  actions,
                                  deconfliction,
                                  networks,
                                  clock,
                                  config.limits().maxPageSize())
                              ::mount,
                          new MeetingRoutes(meetings)::mount,
                          new PriceRoutes(vertx, prices)::mount,
                          new ReportRoutes(reports)::mount,
                          new SettingsRoutes(settings)::mount,
                          new AreaRoutes(areas, config.limits().maxPageSize())::mount,
                          new FormRoutes(vertx, forms)::mount,
                          new MajorLeadRoutes(major, config.limits().maxPageSize())::mount,
                          new InformantRoutes(informants, config.limits().maxPageSize())::mount),
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
              LiaisonNode node =
                  new LiaisonNode(
                      config, vertx, store, exec, trust, hz, leads, sweeper, api, ready);
              node.rosters = rosters;
              node.audit = audit;
              node.directory = directory;
              node.attachments = attachments;
              node.cases = cases;
              node.imports = imports;
              node.indexer = indexer;
              node.networks = networks;
              node.merges = merges;
              node.hits = hits;
              node.actions = actions;
              node.deconfliction = deconfliction;
              node.meetings = meetings;
              node.prices = prices;
              node.reports = reports;
              node.watch = watch;
              node.settings = settings;
              node.areas = areas;
              node.major = major;
              node.informants = informants;
              node.formSharing = formSharing;
              indexer.start(vertx, exec, leads.sealing());
              return vertx
                  .deployVerticle(api)
                  .compose(id -> node.join(grid))
                  .map(v -> node)
                  .recover(e -> vertx.close().transform(x -> Future.failedFuture(e)));
            });
  }

  /** How many members the configuration names (this one included). */
  static int expectedMembers(NodeConfig config) {
    Set<String> all = new HashSet<>(config.cluster().members());
    all.add(config.cluster().host() + ":" + config.cluster().port());
    return all.size();
  }

  private Future<Void> join(IMap<String, String> grid) {
    // every shared map: listened to, any value type handled, losses put back (see GridWatch)
    GridReconciler leadReconciler = leads.reconciler();
    GridReconciler directoryReconciler = directory.reconciler();
    GridReconciler caseReconciler = cases.reconciler();
    GridReconciler mergeReconciler = merges.reconciler();
    GridReconciler hitReconciler = hits.reconciler();
    GridReconciler actionReconciler = actions.reconciler();
    GridReconciler meetingReconciler = meetings.reconciler();
    watch.watch(
        GridConfig.MEETINGS,
        watch.records(GridConfig.MEETINGS, store, meetings::receive, meetingReconciler));
    watch.watch(
        GridConfig.LEADS, watch.records(GridConfig.LEADS, store, leads::receive, leadReconciler));
    watch.watch(
        GridConfig.DIRECTORY,
        watch.records(GridConfig.DIRECTORY, store, directory::receive, directoryReconciler));
    watch.watch(
        GridConfig.CASES, watch.records(GridConfig.CASES, store, cases::receive, caseReconciler));
    watch.watch(
        GridConfig.MERGE, watch.records(GridConfig.MERGE, store, merges::receive, mergeReconciler));
    watch.watch(
        GridConfig.HITS, watch.records(GridConfig.HITS, store, hits::receive, hitReconciler));
    GridReconciler settingsReconciler = settings.reconciler();
    watch.watch(
        SettingsService.MAP,
        watch.records(SettingsService.MAP, store, settings::receive, settingsReconciler));
    GridReconciler majorReconciler = major.reconciler();
    watch.watch(
        MajorLeads.MAP, watch.records(MajorLeads.MAP, store, major::receive, majorReconciler));
    GridReconciler informantReconciler = informants.reconciler();
    watch.watch(
        InformantService.MAP,
        watch.records(InformantService.MAP, store, informants::receive, informantReconciler));
    watch.watch(
        FormSharing.MAP,
        watch.records(FormSharing.MAP, store, formSharing::receive, formSharing.reconciler()));
    GridReconciler priceReconciler = prices.reconciler();
    watch.watch(
        PriceService.MAP, watch.records(PriceService.MAP, store, prices::receive, priceReconciler));
    GridReconciler reportReconciler = reports.reconciler();
    watch.watch(
        ReportService.MAP,
        watch.records(ReportService.MAP, store, reports::receive, reportReconciler));
    watch.watch(GridConfig.ROSTER, rosters.attachment(hazelcast));
    watch.watch(GridConfig.AUDIT, audit.attachment(hazelcast));
    IMap<String, Object> superseded = GridWatch.live(hazelcast, GridConfig.SUPERSEDED);
    watch.watch(
        GridConfig.SUPERSEDED,
        watch.records(GridConfig.SUPERSEDED, store, leads::receiveSuperseded, null));
    watch.watch(
        GridConfig.ACTIONS,
        watch.records(GridConfig.ACTIONS, store, actions::receive, actionReconciler));
    List<GridReconciler> reconcilers =
        List.of(
            leadReconciler,
            caseReconciler,
            directoryReconciler,
            mergeReconciler,
            hitReconciler,
            actionReconciler,
            meetingReconciler,
            priceReconciler,
            reportReconciler,
            settingsReconciler,
            majorReconciler,
            informantReconciler,
            formSharing.reconciler());
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
    // node's readiness for minutes; a transition needing an entry not yet back puts it back)
    List<Future<GridReconciler.Report>> putBacks = new ArrayList<>();
    Future<Void> takenIn =
        rosters
            .join()
            .compose(v -> areas.load())
            .compose(v -> attachments.listen())
            .compose(v -> prices.start())
            .compose(v -> settings.load())
            .compose(v -> deconfliction.load(actions));
    for (GridReconciler r : reconcilers) {
      takenIn = takenIn.compose(v -> r.start()).map(p -> putBacks.add(p.putBack())).mapEmpty();
    }
    return takenIn
        .compose(
            r ->
                vertx.executeBlocking(
                    () -> {
                      superseded.forEach(
                          (k, v) -> {
                            if (v instanceof String json) {
                              leads.receiveSuperseded(k, json);
                            }
                          });
                      return r;
                    },
                    false))
        .compose(r -> audit.publish())
        .map(
            r -> {
              ready.set(true);
              imports.resume(); // register imports a stop interrupted go on
              watch.start();
              sweeper.start(config.leads().sweepInterval());
              auditTimer = vertx.setPeriodic(1000, t -> audit.publish());
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
              return null;
            });
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
    return sweeper;
  }

  public TrustService trust() {
    return trust;
  }

  /** The rules the bureaus agreed (feedback period, major-case value). */
  public SettingsService settings() {
    return settings;
  }

  /** Leaves the cluster, stops serving, closes the store. */
  public Future<Void> stop() {
    ready.set(false);
    LOG.info("stopping node bureau={}", config.bureau());
    sweeper.stop();
    if (imports != null) {
      imports.stop();
    }
    vertx.cancelTimer(auditTimer);
    if (watch != null) {
      watch.stop();
    }
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
              networks.close();
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
