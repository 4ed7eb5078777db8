package io.liaison.search.link;

import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.Network;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.internal.Core;
import io.liaison.search.link.internal.FeatureExtractor;
import io.liaison.search.link.internal.Graph;
import io.liaison.search.link.internal.LinkIndex;
import io.liaison.search.link.internal.Linker;
import io.liaison.search.link.internal.Networks;
import io.liaison.search.link.internal.Profile;
import io.liaison.search.link.internal.Queries;
import io.liaison.search.link.internal.Relink;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The networked-case link engine (以人找网): for each new or updated record it retrieves candidates
 * from its own Lucene index by normalised identifiers, names with birth dates, addresses and
 * salient text, scores each pair with explainable {@link Evidence}, and keeps the links, the
 * networks they form, the merge proposals across bureaus and the hits on restricted records up to
 * date.
 *
 * <p>Values held by many records (a courier depot's phone, a market's address, a common name) are
 * banded by their document frequency ({@link Frequency}) and stop counting when over-common; when a
 * value crosses a band, the links that depended on it are re-scored, so the links of a set of
 * records never depend on the order they arrived in, and every node that reads the same records
 * computes the same networks and proposals.
 *
 * <p>All methods are synchronous and thread-safe (one lock); they block on disk I/O, so call them
 * from a worker thread. Writes are durable after {@link #commit(String)} or {@link #close()}; after
 * a crash replay from {@link #checkpoint()} (writes are idempotent by version). An open that reads
 * the stored links back leaves the merge proposals to a thread of the engine's own, under the same
 * lock ({@code proposeInBackground}).
 *
 * <p>Why over 400 lines: it is the engine's one lock and lifecycle (open, write, relink, read,
 * commit, close); the work itself is in {@code internal}.
 *
 * <pre>{@code
 * LinkEngine links = LinkEngine.open(dataDir.resolve("links"));
 * if (links.status().needsRelink()) links.relink(store.allLinkRecords(), n -> log(n));
 * LinkUpdate u = links.upsert(SearchDocument.ofCase(verifiedCase));  // on every grid event
 * u.raisedProposals().forEach(node::signAndDistribute);
 * u.hits().forEach(node::notifyBothOwners);
 * }</pre>
 */
public final class LinkEngine implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkEngine.class);
  private static final String SCHEMA_KEY = "schema";
  private static final String COMPLETE_KEY = "complete";
  private static final String CHECKPOINT_KEY = "checkpoint";

  /**
   * State found on open. Anything but {@code OPENED} needs a {@link #relink} if the node already
   * holds records; a new (or replaced) index that is then fed by {@link #upsert} counts as complete
   * and reopens as {@code OPENED}.
   */
  public enum Status {
    /** An existing, complete link index of the current schema. */
    OPENED,
    /** No link index existed; an empty one was created. */
    CREATED,
    /** The link index had another schema and was replaced by an empty one. */
    REPLACED_STALE,
    /** A relink was started but never finished. */
    INCOMPLETE;

    public boolean needsRelink() {
      return this != OPENED;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Path path;
  private final LinkOptions options;
  private final Core core;
  private volatile Status status;
  private volatile String checkpoint;
  private boolean closed;

  private LinkEngine(Path path, LinkOptions options) throws IOException {
    long t0 = System.nanoTime();
    this.path = path;
    this.options = options;
    LinkIndex index = LinkIndex.open(path, options.refreshEvery(), false);
    Map<String, String> data = index.openedWith();
    if (data.isEmpty()) {
      status = Status.CREATED;
    } else if (!String.valueOf(LinkIndex.SCHEMA).equals(data.get(SCHEMA_KEY))) {
      index.close();
      index = LinkIndex.open(path, options.refreshEvery(), true);
      status = Status.REPLACED_STALE;
    } else {
      status = "true".equals(data.get(COMPLETE_KEY)) ? Status.OPENED : Status.INCOMPLETE;
      checkpoint = data.get(CHECKPOINT_KEY);
    }
    this.core = new Core(index, new Linker(index, options));
    core.countPool();
    if (status == Status.OPENED) {
      core.loadFromIndex();
    } else {
      commitWith(status != Status.INCOMPLETE);
    }
    LOG.info(
        "link engine opened path={} status={} linkedRecords={} networks={} seconds={}",
        path,
        status,
        core.graph().size(),
        core.networks().size(),
        String.format("%.1f", (System.nanoTime() - t0) / 1e9));
  }

  /** Opens (or creates) the engine's index in {@code path} with {@link LinkOptions#defaults()}. */
  public static LinkEngine open(Path path) throws IOException {
    return open(path, LinkOptions.defaults());
  }

  /** Opens (or creates) the engine's index in {@code path}; check {@link #status()}. */
  public static LinkEngine open(Path path, LinkOptions options) throws IOException {
    LinkEngine engine = new LinkEngine(path, options);
    if (engine.status == Status.OPENED) {
      engine.proposeInBackground();
    }
    return engine;
  }

  /**
   * After an open that read the stored links back, works out the networks' merge proposals on a
   * thread of its own under the engine's lock, so that open returns before them: a call that needs
   * them first (any write, {@link #proposals()}, {@link #stats()}) waits for the lock, or works
   * them out itself if it gets the lock first — what it sees is the same either way.
   */
  private void proposeInBackground() {
    Thread t =
        new Thread(
            () -> {
              lock.lock();
              try {
                if (!closed) {
                  long t0 = System.nanoTime();
                  core.propose();
                  LOG.info(
                      "link engine proposals worked out path={} proposals={} seconds={}",
                      path,
                      core.proposals().size(),
                      String.format("%.1f", (System.nanoTime() - t0) / 1e9));
                }
              } finally {
                lock.unlock();
              }
            },
            "link-proposals");
    t.setDaemon(true);
    t.start();
  }

  public Status status() {
    return status;
  }

  public LinkOptions options() {
    return options;
  }

  /** Links a record everyone may read; see {@link #upsert(LinkRecord)}. */
  public LinkUpdate upsert(SearchDocument document) throws IOException {
    return upsert(LinkRecord.open(document));
  }

  /**
   * Adds or replaces a record and recomputes its links, unless the engine holds the same id with a
   * higher or equal version (or a withdrawal of it). A sealed document ({@code readable == false})
   * has nothing to link on and is ignored: it is linked on the nodes that can read it.
   */
  public LinkUpdate upsert(LinkRecord record) throws IOException {
    SearchDocument d = record.document();
    if (!d.readable()) {
      return LinkUpdate.ignored(d.id());
    }
    lock.lock();
    try {
      ensureOpen();
      if (core.index().rank(d.id()) >= d.version() * 2) {
        return LinkUpdate.ignored(d.id());
      }
      Profile p = FeatureExtractor.extract(d, record.audience());
      return core.write(d.id(), p, d.version());
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@link #upsert} of records that arrived together (an import's page), in one pass: one lock,
   * each record's links worked out in order as {@link #upsert} would, and the networks, proposals
   * and hits once for the batch (so the links and networks are those of the records taken one by
   * one, and of a full {@link #relink}). Sealed records and records the engine holds at an equal or
   * higher version are skipped.
   *
   * @return what the batch changed: its raised proposals and hits (its links are not listed)
   */
  public LinkUpdate upsertAll(List<LinkRecord> records) throws IOException {
    lock.lock();
    try {
      ensureOpen();
      List<Profile> batch = new ArrayList<>(records.size());
      List<Long> versions = new ArrayList<>(records.size());
      Map<String, Long> seen = new HashMap<>();
      for (LinkRecord record : records) {
        SearchDocument d = record.document();
        if (!d.readable()) {
          continue;
        }
        long held = Math.max(core.index().rank(d.id()), seen.getOrDefault(d.id(), -1L));
        if (held >= d.version() * 2) {
          continue;
        }
        seen.put(d.id(), d.version() * 2);
        batch.add(FeatureExtractor.extract(d, record.audience()));
        versions.add(d.version());
      }
      if (batch.isEmpty()) {
        return LinkUpdate.ignored(records.isEmpty() ? "" : records.get(0).document().id());
      }
      return core.writeAll(batch, versions);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Withdraws a record as of {@code version}: its links go, its networks shrink or fall apart, and
   * versions up to {@code version} arriving later are ignored.
   */
  public LinkUpdate withdraw(String id, long version) throws IOException {
    lock.lock();
    try {
      ensureOpen();
      if (core.index().rank(id) >= version * 2 + 1) {
        return LinkUpdate.ignored(id);
      }
      return core.write(id, null, version);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Replaces everything with the links of {@code records} (each id once), using one thread per
   * core. {@code progress} is called on this thread with the number of records indexed so far.
   *
   * @return the number of records indexed
   */
  public long relink(Iterable<LinkRecord> records, LongConsumer progress) throws IOException {
    lock.lock();
    try {
      ensureOpen();
      long t0 = System.nanoTime();
      status = Status.INCOMPLETE;
      commitWith(false);
      long n = Relink.run(core, records, Runtime.getRuntime().availableProcessors(), progress);
      status = Status.OPENED;
      commitWith(true);
      LOG.info(
          "link engine relinked path={} records={} linkedRecords={} networks={} seconds={}",
          path,
          n,
          core.graph().size(),
          core.networks().size(),
          String.format("%.1f", (System.nanoTime() - t0) / 1e9));
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** The current links of a record, strongest first, with their evidence. */
  public List<Link> links(String recordId) throws IOException {
    lock.lock();
    try {
      ensureOpen();
      return Queries.links(core, recordId);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Every candidate of a record with its score, linked or not, strongest first: what the engine
   * considered (for an officer asking "why not?", and for calibration).
   */
  public List<Link> candidates(String recordId) throws IOException {
    lock.lock();
    try {
      ensureOpen();
      Optional<Profile> p = core.index().profile(recordId);
      if (p.isEmpty()) {
        return List.of();
      }
      List<Link> out = new ArrayList<>();
      core.linker().scoreAll(p.get()).forEach(s -> out.add(s.link()));
      out.sort(Comparator.comparingDouble(Link::score).reversed().thenComparing(Link::a));
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** The scored pair of two records as the engine sees them now; empty if either is unknown. */
  public Optional<Link> explain(String a, String b) throws IOException {
    lock.lock();
    try {
      ensureOpen();
      Optional<Profile> pa = core.index().profile(a);
      Optional<Profile> pb = core.index().profile(b);
      if (pa.isEmpty() || pb.isEmpty() || a.equals(b)) {
        return Optional.empty();
      }
      return Optional.of(core.linker().score(pa.get(), pb.get(), core.linker().lookup()).link());
    } finally {
      lock.unlock();
    }
  }

  /** The network a record belongs to, if any. */
  public Optional<Network> networkOf(String recordId) {
    lock.lock();
    try {
      Graph.Node node = core.graph().node(recordId);
      return node == null || node.component() == null
          ? Optional.empty()
          : Optional.of(Networks.summary(node.component()));
    } finally {
      lock.unlock();
    }
  }

  /** The network with this id, if it exists now. */
  public Optional<Network> network(String networkId) {
    lock.lock();
    try {
      Graph.Component c = core.network(networkId);
      return c == null ? Optional.empty() : Optional.of(Networks.summary(c));
    } finally {
      lock.unlock();
    }
  }

  /** Every network, largest first. */
  public List<Network> networks() {
    lock.lock();
    try {
      List<Network> out = new ArrayList<>();
      core.networks().forEach(c -> out.add(Networks.summary(c)));
      out.sort(
          Comparator.comparingInt((Network n) -> n.members().size())
              .reversed()
              .thenComparing(Network::id));
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** The graph of a network (members, links with evidence), if it exists now. */
  public Optional<NetworkGraph> graph(String networkId) throws IOException {
    lock.lock();
    try {
      ensureOpen();
      return Queries.graph(core, networkId);
    } finally {
      lock.unlock();
    }
  }

  /** The current merge proposals, by id. */
  public List<MergeProposal> proposals() {
    lock.lock();
    try {
      return List.copyOf(core.proposals());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Hit/no-hit: the restricted records linked to {@code recordId} that its owner may not read, as
   * pointers (record id, owner bureau, contact) without content.
   */
  public List<SealedHit> sealedHits(String recordId) throws IOException {
    lock.lock();
    try {
      ensureOpen();
      return Queries.sealedHits(core, recordId);
    } finally {
      lock.unlock();
    }
  }

  /** Counts for dashboards and logs. */
  public record Stats(long records, int linkedRecords, int networks, int proposals) {}

  public Stats stats() throws IOException {
    lock.lock();
    try {
      ensureOpen();
      return new Stats(
          core.index().recordCount(),
          core.graph().size(),
          core.networks().size(),
          core.proposals().size());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes every write so far durable, recording {@code checkpoint} (the node's position in its
   * store) so that after a crash the node replays only what came after it.
   */
  public void commit(String checkpoint) throws IOException {
    lock.lock();
    try {
      ensureOpen();
      this.checkpoint = checkpoint;
      commitWith(status != Status.INCOMPLETE);
    } finally {
      lock.unlock();
    }
  }

  /** The checkpoint of the last commit, if any. */
  public Optional<String> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      commitWith(status != Status.INCOMPLETE);
      closed = true;
      core.index().close();
      LOG.info("link engine closed path={}", path);
    } finally {
      lock.unlock();
    }
  }

  private void commitWith(boolean complete) throws IOException {
    Map<String, String> data = new HashMap<>();
    data.put(SCHEMA_KEY, String.valueOf(LinkIndex.SCHEMA));
    data.put(COMPLETE_KEY, String.valueOf(complete));
    if (checkpoint != null) {
      data.put(CHECKPOINT_KEY, checkpoint);
    }
    core.index().commit(data);
  }

  /** The engine's state, for the tests of this package (call it when nothing else does). */
  Core core() {
    return core;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("link engine is closed");
    }
  }
}
