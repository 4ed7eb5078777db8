package io.liaison.node.network;

import io.liaison.api.BureauId;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.MergeProposedEvent;
import io.liaison.api.network.Network;
import io.liaison.node.events.EventFeed;
import io.liaison.node.search.SearchIndexer;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.Audience;
import io.liaison.search.link.Link;
import io.liaison.search.link.LinkEngine;
import io.liaison.search.link.LinkRecord;
import io.liaison.search.link.LinkUpdate;
import io.liaison.search.link.NetworkGraph;
import io.liaison.search.link.SealedHit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's link engine ({@code <dataDir>/links}), fed by the search indexer on its own thread
 * with what the node indexes: readable leads and cases only (sealed documents carry no content and
 * the engine ignores them). The engine commits with the index's checkpoint; when the two disagree
 * at start (a new, stale or lost link index) the indexer rebuilds and feeds it everything again.
 * Reads run on worker threads, never on an event loop.
 *
 * <p>A restricted lead this node reads is linked but joins no network; a link from it to a record
 * whose owner may not read it is a hit, reported through {@link HitService}.
 *
 * <p>A merge proposal raised here that involves this node's bureau is announced once on the feed
 * ({@value #PROPOSED}); every node holding the same records computes the same proposal id.
 */
public final class NetworkService implements SearchIndexer.Listener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkService.class);
  public static final String PROPOSED = "merge.proposed";

  private final Vertx vertx;
  private final StoreExecutor store;
  private final EventFeed feed;
  private final BureauId bureau;
  private final LinkEngine engine;
  private final HitService hits;

  /**
   * The content last given to the engine for recently written records (indexer thread only): a new
   * version with the same content — every transition of a lead — is not linked again.
   */
  private final Map<String, LinkRecord> recent =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LinkRecord> eldest) {
          return size() > RECENT;
        }
      };

  private static final int RECENT = 20_000;

  private NetworkService(
      Vertx vertx,
      StoreExecutor store,
      EventFeed feed,
      BureauId bureau,
      LinkEngine engine,
      HitService hits) {
    this.vertx = vertx;
    this.hits = hits;
    this.store = store;
    this.feed = feed;
    this.bureau = bureau;
    this.engine = engine;
  }

  /** Opens the link engine in {@code dir} (blocking). */
  public static LinkEngine openEngine(Path dir) {
    try {
      return LinkEngine.open(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the link index in " + dir, e);
    }
  }

  /**
   * {@link #openEngine} on a thread of its own: after a restart the engine reads every stored link
   * back, the slowest step before a node is ready, and the node starts the grid meanwhile.
   */
  public static CompletableFuture<LinkEngine> openEngineAsync(Path dir) {
    CompletableFuture<LinkEngine> out = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                out.complete(openEngine(dir));
              } catch (RuntimeException | Error e) {
                out.completeExceptionally(e);
              }
            },
            "link-open");
    t.setDaemon(true);
    t.start();
    return out;
  }

  /**
   * Follows {@code indexer} with {@code engine}, reporting hits on restricted records to {@code
   * hits}; asks the indexer for a rebuild when the engine's checkpoint is not the index's. Call
   * before the indexer starts.
   */
  public static NetworkService attach(
      Vertx vertx,
      StoreExecutor store,
      EventFeed feed,
      BureauId bureau,
      LinkEngine engine,
      HitService hits,
      SearchIndexer indexer) {
    NetworkService s = new NetworkService(vertx, store, feed, bureau, engine, hits);
    if (engine.status().needsRelink()
        || !Objects.equals(engine.checkpoint(), indexer.index().checkpoint())) {
      LOG.info(
          "link index behind the search index status={} checkpoint={}; rebuilding both",
          engine.status(),
          engine.checkpoint().orElse("none"));
      indexer.requireRebuild();
    }
    indexer.addListener(s);
    return s;
  }

  @Override
  public void upserted(SearchDocument doc, Audience audience) throws IOException {
    LinkRecord content = new LinkRecord(doc.withVersion(0), audience);
    if (content.equals(recent.get(doc.id()))) {
      return; // a transition of a lead (claim, feedback, …): nothing the links depend on changed
    }
    announce(engine.upsert(new LinkRecord(doc, audience)));
    recent.put(doc.id(), content);
  }

  /**
   * Links the documents the indexer wrote together in one pass of the engine ({@link
   * LinkEngine#upsertAll}), leaving out lead transitions whose content the engine has already.
   */
  @Override
  public void upsertedAll(List<LinkRecord> written) {
    List<LinkRecord> changed = new ArrayList<>(written.size());
    Map<String, LinkRecord> contents = new LinkedHashMap<>();
    for (LinkRecord r : written) {
      SearchDocument doc = r.document();
      LinkRecord content = new LinkRecord(doc.withVersion(0), r.audience());
      if (content.equals(contents.getOrDefault(doc.id(), recent.get(doc.id())))) {
        continue;
      }
      contents.put(doc.id(), content);
      changed.add(r);
    }
    if (changed.isEmpty()) {
      return;
    }
    try {
      announce(engine.upsertAll(changed));
      recent.putAll(contents);
    } catch (IOException | RuntimeException e) {
      LOG.warn("link pass over {} records failed: {}", changed.size(), e.toString());
    }
  }

  /**
   * Relinks everything in one bulk pass (one thread per core, each pair scored once), then
   * announces the proposals involving this bureau and reports the hits on restricted records, as
   * the writes one by one would have.
   */
  @Override
  public void rebuilt(Iterable<LinkRecord> all) throws IOException {
    recent.clear();
    List<String> restricted = new ArrayList<>();
    Iterable<LinkRecord> records =
        () ->
            StreamSupport.stream(all.spliterator(), false)
                .peek(
                    r -> {
                      if (r.audience().isRestricted() && r.document().readable()) {
                        restricted.add(r.document().id());
                      }
                    })
                .iterator();
    long[] lastLog = {System.nanoTime()};
    long n =
        engine.relink(
            records,
            done -> {
              long now = System.nanoTime();
              if (now - lastLog[0] > 10_000_000_000L) {
                lastLog[0] = now;
                LOG.info("link index rebuild progress records={}", done);
              }
            });
    Set<SealedHit> hits = new LinkedHashSet<>();
    for (String id : restricted) {
      for (Link l : engine.links(id)) {
        String other = l.a().equals(id) ? l.b() : l.a();
        hits.addAll(engine.sealedHits(other));
      }
    }
    List<MergeProposal> proposals = engine.proposals();
    report(hits);
    propose(proposals);
    LOG.info(
        "link index rebuilt records={} restricted={} hits={} proposals={}",
        n,
        restricted.size(),
        hits.size(),
        proposals.size());
  }

  @Override
  public void deleted(String id, long version) throws IOException {
    recent.remove(id);
    announce(engine.withdraw(id, version));
  }

  @Override
  public void committed(String checkpoint) throws IOException {
    engine.commit(checkpoint);
  }

  private void announce(LinkUpdate u) {
    report(u.hits());
    propose(u.raisedProposals());
  }

  private void report(Collection<SealedHit> found) {
    for (SealedHit h : found) {
      hits.report(h)
          .onFailure(
              e ->
                  LOG.warn(
                      "hit not reported record={} sealed={}: {}",
                      h.recordId(),
                      h.sealedRecordId(),
                      e.toString()));
    }
  }

  private void propose(List<MergeProposal> raised) {
    for (MergeProposal p : raised) {
      if (!p.bureaus().contains(bureau)) {
        continue;
      }
      MergeProposedEvent data =
          new MergeProposedEvent(
              p.id(),
              p.networkId(),
              p.bureaus(),
              p.suggestedLead(),
              p.members().stream().map(m -> m.id()).toList());
      store
          .transaction(
              s ->
                  s.markNotified(p.id(), PROPOSED)
                      ? Optional.of(feed.append(s, PROPOSED, p.id(), bureau.code(), data))
                      : Optional.<StoredEvent>empty())
          .onSuccess(
              e ->
                  e.ifPresent(
                      ev -> {
                        feed.publish(ev);
                        LOG.info(
                            "merge proposal raised proposal={} network={} bureaus={} members={}",
                            p.id(),
                            p.networkId(),
                            p.bureaus(),
                            p.members().size());
                      }))
          .onFailure(e -> LOG.warn("merge proposal not announced proposal={}: {}", p.id(), e));
    }
  }

  /** Networks whose members belong to two or more bureaus, largest first. */
  public Future<List<Network>> crossBorder() {
    return vertx.executeBlocking(
        () -> engine.networks().stream().filter(Network::crossBorder).toList(), false);
  }

  /** A network with its graph and its merge proposal (null if none). */
  public record Detail(Network network, NetworkGraph graph, MergeProposal proposal) {}

  public Future<Optional<Detail>> detail(String networkId) {
    return vertx.executeBlocking(
        () -> {
          Optional<Network> n = engine.network(networkId);
          Optional<NetworkGraph> g = engine.graph(networkId);
          if (n.isEmpty() || g.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(new Detail(n.get(), g.get(), proposalOf(networkId).orElse(null)));
        },
        false);
  }

  /** The current proposals (computed by this node's engine). */
  public Future<List<MergeProposal>> proposals() {
    return vertx.executeBlocking(engine::proposals, false);
  }

  /** The current proposal with this id, if the engine holds it. */
  public Future<Optional<MergeProposal>> proposal(String id) {
    return vertx.executeBlocking(
        () -> engine.proposals().stream().filter(p -> p.id().equals(id)).findFirst(), false);
  }

  private Optional<MergeProposal> proposalOf(String networkId) {
    return engine.proposals().stream().filter(p -> p.networkId().equals(networkId)).findFirst();
  }

  /** The proposal id of each network that has one. */
  public Future<Map<String, String>> proposalIdsByNetwork() {
    return vertx.executeBlocking(
        () -> {
          Map<String, String> out = new LinkedHashMap<>();
          engine.proposals().forEach(p -> out.put(p.networkId(), p.id()));
          return out;
        },
        false);
  }

  /** Closes the engine (after the indexer stopped feeding it). Blocking. */
  @Override
  public void close() {
    try {
      engine.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing the link index failed: {}", e.getMessage());
    }
  }
}
