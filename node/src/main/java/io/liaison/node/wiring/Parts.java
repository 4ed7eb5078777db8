package io.liaison.node.wiring;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.liaison.node.cluster.GridWatch;
import io.liaison.node.config.NodeConfig;
import io.liaison.node.events.EventFeed;
import io.liaison.node.search.SearchIndexer;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.liaison.search.link.LinkEngine;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * What every feature's wiring is given: the parts of the node that all features share (opened and
 * started by {@code LiaisonNode} before any feature is wired).
 */
public record Parts(
    NodeConfig config,
    Vertx vertx,
    HazelcastInstance hazelcast,
    Store store,
    StoreExecutor exec,
    TrustService trust,
    EventFeed feed,
    Quarantine quarantine,
    PrometheusMeterRegistry registry,
    SearchIndexer indexer,
    LinkEngine linkEngine,
    Clock clock) {

  /** Shared map {@code name}, surviving its destruction (see {@link GridWatch#live}). */
  public <K, V> IMap<K, V> map(String name) {
    return GridWatch.live(hazelcast, name);
  }

  /** The largest page a list route answers. */
  public int maxPageSize() {
    return config.limits().maxPageSize();
  }
}
