package io.liaison.node.wiring;

import com.hazelcast.core.HazelcastInstance;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.cluster.GridWatch;
import io.liaison.node.imports.CaseImports;
import io.liaison.node.lead.LeadSweeper;
import io.liaison.node.settings.SettingsService;
import io.liaison.node.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The node's features, wired in the order they depend on each other. Adding a feature is one line
 * in {@link #wire}: a {@link Feature} class of its own that builds its services from {@link Parts}
 * (and the features it needs) and names its routes, shared maps and start/stop steps. Every step
 * runs over the features in this order.
 */
public final class NodeServices {
  private final List<Feature> features = new ArrayList<>();
  private AccessWiring access;
  private SettingsWiring settings;
  private LeadWiring leads;
  private CaseWiring cases;

  private NodeServices() {}

  /** Builds every feature's services (nothing is joined or started yet). */
  public static NodeServices wire(Parts p) {
    NodeServices n = new NodeServices();
    n.access = n.add(new AccessWiring(p));
    n.add(new RosterWiring(p));
    n.settings = n.add(new SettingsWiring(p));
    n.leads = n.add(new LeadWiring(p, n.settings.service()));
    n.add(new DirectoryWiring(p));
    n.add(new AttachmentWiring(p));
    n.cases = n.add(new CaseWiring(p, n.settings.service()));
    n.add(new SearchWiring(p));
    NetworkWiring networks = n.add(new NetworkWiring(p));
    n.add(new ActionWiring(p, networks.networks()));
    PriceWiring prices = n.add(new PriceWiring(p));
    n.add(new ReportWiring(p, prices.service(), n.settings.service()));
    n.add(new AreaWiring(p));
    n.add(new FormWiring(p, n.settings.service()));
    n.add(new InformantWiring(p, n.leads.queries()));
    n.add(new AuditWiring(p));
    // the index starts once every feature listening to it is wired
    p.indexer().start(p.vertx(), p.exec(), n.leads.service().sealing());
    return n;
  }

  private <F extends Feature> F add(F feature) {
    features.add(feature);
    return feature;
  }

  /** The filters every request passes, in order. */
  public List<Handler<RoutingContext>> filters() {
    return access.filters();
  }

  /** Every feature's routes, in feature order. */
  public List<Consumer<Router>> routes() {
    return features.stream().flatMap(f -> f.routes().stream()).toList();
  }

  /** Watches every feature's shared maps; their reconcilers, in feature order. */
  public List<GridReconciler> watch(GridWatch watch, Store store, HazelcastInstance hazelcast) {
    Joining joining = new Joining(watch, store, hazelcast);
    features.forEach(f -> f.watch(joining));
    return joining.reconcilers();
  }

  /** Every feature's {@link Feature#load}, one after another. */
  public Future<Void> load() {
    return each(Feature::load);
  }

  /** Every feature's {@link Feature#settle}, one after another. */
  public Future<Void> settle() {
    return each(Feature::settle);
  }

  public void ready() {
    features.forEach(Feature::ready);
  }

  public void stop() {
    features.forEach(Feature::stop);
  }

  public void close() {
    features.forEach(Feature::close);
  }

  private Future<Void> each(Function<Feature, Future<Void>> step) {
    Future<Void> done = Future.succeededFuture();
    for (Feature f : features) {
      done = done.compose(v -> step.apply(f));
    }
    return done;
  }

  /** The rules the bureaus agreed (feedback period, major-case value). */
  public SettingsService settings() {
    return settings.service();
  }

  public CaseImports imports() {
    return cases.imports();
  }

  public LeadSweeper sweeper() {
    return leads.sweeper();
  }
}
