package io.liaison.node.search;

import io.liaison.api.search.SearchStatus.State;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.events.EventFeed;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.lead.LeadSealing;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.liaison.search.CaseIndex;
import io.liaison.search.IndexOptions;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.Audience;
import io.liaison.search.link.LinkRecord;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node's {@link CaseIndex} ({@code <dataDir>/index}) in step with its store, on one
 * dedicated thread (never an event loop).
 *
 * <p>The store's change log ({@link Store#changesAfter}) is the one source: every stored lead or
 * case, own or received, moves to the end of the log when it changes. The indexer tails it from the
 * index's checkpoint ({@code <store id>:<seq>}, committed with the index), so after a crash it
 * replays only what came after the last commit; replays are harmless because versions decide. It is
 * woken by the event feed (every stored change of a lead or a case publishes a feed event after its
 * commit) and polls once a second in case a wake-up was missed. After a batch it refreshes the
 * searcher itself (at most every 200 ms, since each refresh makes a segment), so a stored record is
 * searchable within a batch and 200 ms; changes arriving meanwhile form the next batch. An index
 * that is missing, of another schema, incomplete, or checkpointed against another store file is
 * rebuilt from the store with progress in the log.
 *
 * <p>Why over 400 lines: the tailing loop, the rebuild and the checkpoint share one thread and one
 * state machine (caught up, rebuilding, behind); split, the hand-over between them would cross
 * classes.
 */
public final class SearchIndexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
  private static final int BATCH = 500;
  private static final int PAGE = 1_000;
  private static final long COMMIT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
  private static final long REFRESH_NANOS = Duration.ofMillis(200).toNanos();
  private static final Duration STORE_WAIT = Duration.ofSeconds(60);
  private static final Duration BACKGROUND_REFRESH = Duration.ofSeconds(10);

  private final CaseIndex index;
  private final Semaphore wake = new Semaphore(0);
  private static final List<String> KINDS = List.of(LeadRecord.KIND, SharedCase.KIND);
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /**
   * The content (version 0) last written for recently indexed leads (indexer thread only): a
   * transition (claim, feedback, …) changes a lead's version but none of what is indexed, so the
   * index keeps the document of the version that brought the content instead of analysing the same
   * text again on every node.
   */
  private final Map<String, SearchDocument> indexedLeads =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SearchDocument> eldest) {
          return size() > RECENT_LEADS;
        }
      };

  // transitions come soon after the post; a later one is indexed once more (speed, not correctness)
  private static final int RECENT_LEADS = 4_096;
  private volatile boolean forceRebuild;
  private volatile State state = State.STARTING;
  private long applied; // change-log position written to the index (indexer thread only)
  private volatile long visible; // position whose changes searches see
  private volatile long linked; // position whose changes the listeners (the link engine) took in
  private volatile long rebuilt;
  private volatile boolean stopping;
  private Thread thread;
  private MessageConsumer<Object> consumer;
  private StoreExecutor store;
  private LeadSealing sealing;
  private String storeId;

  /**
   * Documents written while tailing, and the index write calls (Lucene batches) that wrote them.
   */
  private final AtomicLong writtenDocs = new AtomicLong();

  private final AtomicLong writeCalls = new AtomicLong();

  private SearchIndexer(CaseIndex index) {
    this.index = index;
  }

  /**
   * Opens (or creates) the index in {@code dir}; blocking, call it off the event loop. The index's
   * own background refresh only backs up the indexer's (which refreshes after each batch, see
   * {@link #REFRESH_NANOS}): at the default 250 ms the two together made nearly twice the segments,
   * each one a new searcher, facet state and later merge.
   */
  public static SearchIndexer open(Path dir) {
    IndexOptions defaults = IndexOptions.defaults();
    IndexOptions options =
        new IndexOptions(
            BACKGROUND_REFRESH,
            defaults.commitInterval(),
            defaults.ramBufferMb(),
            defaults.indexThreads());
    try {
      return new SearchIndexer(CaseIndex.open(dir, options));
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the search index in " + dir, e);
    }
  }

  public CaseIndex index() {
    return index;
  }

  public State state() {
    return state;
  }

  /** The change-log position up to which searches see the store's records. */
  public long indexedSeq() {
    return visible;
  }

  /**
   * The change-log position up to which the listeners — the link engine above all — have been told
   * every change. They follow the index on its thread, so while tailing this is the index's
   * position; after a rebuild of the index they relink everything before it moves (minutes at 1M
   * records, while searches already see the rebuilt index).
   */
  public long linkedSeq() {
    return linked;
  }

  /** Documents indexed so far by a running (or the last) rebuild. */
  public long rebuilt() {
    return rebuilt;
  }

  /**
   * Told, on the indexer's thread, of every document it writes (tail and rebuild) and of every
   * commit: the link engine follows the index this way. A listener's failure is logged, never stops
   * the indexer.
   */
  public interface Listener {
    /** A readable or sealed document written, with who may read the record. */
    void upserted(SearchDocument doc, Audience audience) throws IOException;

    /**
     * Documents written together (one page of the change log), in change order. By default each is
     * {@link #upserted} on its own; a listener's failure on one is logged and the others go on.
     */
    default void upsertedAll(List<LinkRecord> written) {
      for (LinkRecord r : written) {
        try {
          upserted(r.document(), r.audience());
        } catch (IOException | RuntimeException e) {
          LOG.warn("index listener failed on upsert {}: {}", r.document().id(), e.toString());
        }
      }
    }

    /**
     * The index was rebuilt from the store: every current document, to be taken in one bulk pass (a
     * second read of the store, after the index's own).
     */
    void rebuilt(Iterable<LinkRecord> all) throws IOException;

    void deleted(String id, long version) throws IOException;

    void committed(String checkpoint) throws IOException;
  }

  /**
   * Hands {@code listener} every current document of the store again, as after a rebuild ({@link
   * Listener#rebuilt}): for a listener whose rule changed (a bureau set or changed its area) and
   * must look back over what was indexed before. Blocking (it reads the whole store): call it on a
   * worker thread, after {@link #start}.
   */
  public void replay(Listener listener) throws IOException {
    listener.rebuilt(storeDocuments(d -> new LinkRecord(d.doc(), d.audience()), true));
  }

  /**
   * Counts, in {@code metrics}, the documents written while tailing ({@code
   * liaison_search_index_documents_total}) and the index write calls that wrote them ({@code
   * liaison_search_index_writes_total}); call before {@link #start}.
   */
  public void meter(MeterRegistry metrics) {
    FunctionCounter.builder("liaison.search.index.documents", writtenDocs, AtomicLong::get)
        .register(metrics);
    FunctionCounter.builder("liaison.search.index.writes", writeCalls, AtomicLong::get)
        .register(metrics);
  }

  /** Adds a listener; call before {@link #start}. */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** Makes the next start rebuild from the store (a listener lost its state). */
  public void requireRebuild() {
    forceRebuild = true;
  }

  private void tell(String what, ListenerCall call) {
    for (Listener l : listeners) {
      try {
        call.apply(l);
      } catch (IOException | RuntimeException e) {
        LOG.warn("index listener failed on {}: {}", what, e.toString());
      }
    }
  }

  private interface ListenerCall {
    void apply(Listener l) throws IOException;
  }

  private void commitIndex() throws IOException {
    index.commit(checkpoint());
    String cp = checkpoint();
    tell("commit", l -> l.committed(cp));
  }

  /** Starts tailing the store (after a rebuild if the index needs one). */
  public synchronized void start(Vertx vertx, StoreExecutor store, LeadSealing sealing) {
    this.store = store;
    this.sealing = sealing;
    this.consumer = vertx.eventBus().localConsumer(EventFeed.ADDRESS, m -> wake.release());
    this.thread = new Thread(this::run, "liaison-indexer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void run() {
    long lastCommit = System.nanoTime();
    long lastRefresh = 0;
    boolean dirty = false;
    while (!stopping) {
      try {
        if (state != State.CURRENT) {
          catchUpFromCheckpoint();
          state = State.CURRENT;
        }
        long from = applied;
        List<Store.Change> changes = call(s -> s.changesAfter(from, BATCH));
        if (!changes.isEmpty()) {
          upsertAll(changes);
          applied = changes.get(changes.size() - 1).seq();
          linked = applied;
          dirty = true;
        }
        // searchable now, but at most every REFRESH_NANOS: each refresh makes a segment
        long sinceRefresh = System.nanoTime() - lastRefresh;
        if (applied > visible && sinceRefresh >= REFRESH_NANOS) {
          index.refresh();
          visible = applied;
          lastRefresh = System.nanoTime();
          sinceRefresh = 0;
        }
        if (dirty && System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
          commitIndex();
          lastCommit = System.nanoTime();
          dirty = false;
        }
        if (changes.size() < BATCH) {
          pause(applied > visible ? REFRESH_NANOS - sinceRefresh : TimeUnit.SECONDS.toNanos(1));
        }
      } catch (IOException | RuntimeException e) {
        if (stopping) {
          return;
        }
        LOG.warn("search indexer failed; retrying in 1 s: {}", e.toString());
        pause(TimeUnit.SECONDS.toNanos(1));
      }
    }
  }

  /** Waits up to {@code nanos} for a wake-up (a feed event). */
  private void pause(long nanos) {
    try {
      wake.tryAcquire(Math.max(0, nanos), TimeUnit.NANOSECONDS);
      wake.drainPermits();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  private void catchUpFromCheckpoint() throws IOException {
    storeId = call(Store::storeId);
    long last = call(Store::lastChangeSeq);
    Optional<Long> cp = index.checkpoint().flatMap(this::seqOf);
    if (forceRebuild || index.status().needsRebuild() || cp.isEmpty() || cp.get() > last) {
      forceRebuild = false;
      LOG.info(
          "search index needs a rebuild status={} checkpoint={} storeSeq={}",
          index.status(),
          index.checkpoint().orElse("none"),
          last);
      rebuild(last);
    } else {
      applied = cp.get();
      visible = applied;
      linked = applied;
      LOG.info(
          "search index opened checkpoint={} storeSeq={} replaying={}",
          applied,
          last,
          last - applied);
    }
  }

  /** The sequence of a checkpoint written against this store, or empty. */
  private Optional<Long> seqOf(String checkpoint) {
    int colon = checkpoint.lastIndexOf(':');
    if (colon < 0 || !checkpoint.substring(0, colon).equals(storeId)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(checkpoint.substring(colon + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String checkpoint() {
    return storeId + ":" + applied;
  }

  private void rebuild(long upTo) throws IOException {
    state = State.REBUILDING;
    linked = 0; // the listeners take everything in again after the index (rebuilt below)
    indexedLeads.clear();
    long total = call(Store::countRecords);
    long t0 = System.nanoTime();
    // a stop during the search rebuild abandons it (the index stays marked incomplete and the next
    // start rebuilds) instead of holding the stop for the rest of it (minutes at 1M records)
    Iterable<SearchDocument> docs = storeDocuments(SearchDocuments.Indexing::doc, true);
    long n =
        index.rebuild(
            docs,
            done -> {
              rebuilt = done;
              LOG.info("search index rebuild progress docs={} records={}", done, total);
            });
    applied = upTo;
    visible = upTo;
    Iterable<LinkRecord> written =
        storeDocuments(d -> new LinkRecord(d.doc(), d.audience()), false);
    tell("rebuild", l -> l.rebuilt(written));
    linked = upTo;
    commitIndex();
    LOG.info(
        "search index rebuilt docs={} in {} ms; tailing from seq={}",
        n,
        (System.nanoTime() - t0) / 1_000_000,
        upTo);
  }

  /**
   * Indexes a page of the change log: the documents between two deletions in one {@link
   * CaseIndex#upsertAll} call (one Lucene {@code addDocuments} for new ids) and told to the
   * listeners together (the link engine's pass over the batch); a deletion in order between them.
   */
  private void upsertAll(List<Store.Change> changes) throws IOException {
    List<SearchDocuments.Indexing> pending = new ArrayList<>();
    for (Store.Change c : changes) {
      StoredRecord r = c.record();
      Optional<SearchDocuments.Indexing> op;
      try {
        op = SearchDocuments.of(r, sealing);
      } catch (RuntimeException e) {
        LOG.warn("record not indexed id={} kind={}: {}", r.id(), r.kind(), e.getMessage());
        continue;
      }
      if (op.isEmpty()) {
        continue;
      }
      if (op.get().delete()) {
        write(pending);
        pending.clear();
        SearchDocument doc = op.get().doc();
        indexedLeads.remove(doc.id());
        index.delete(doc.id(), doc.version());
        tell("delete " + doc.id(), l -> l.deleted(doc.id(), doc.version()));
      } else {
        pending.add(op.get());
      }
    }
    write(pending);
  }

  /** Writes documents in one index call, then tells the listeners of all of them. */
  private void write(List<SearchDocuments.Indexing> pending) throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    List<SearchDocument> docs = new ArrayList<>(pending.size());
    Map<String, SearchDocument> leads = new LinkedHashMap<>();
    List<LinkRecord> told = new ArrayList<>(pending.size());
    for (SearchDocuments.Indexing op : pending) {
      SearchDocument doc = op.doc();
      told.add(new LinkRecord(doc, op.audience()));
      if (doc.kind() == SearchDocument.Kind.LEAD) {
        SearchDocument content = doc.withVersion(0);
        if (content.equals(leads.getOrDefault(doc.id(), indexedLeads.get(doc.id())))) {
          continue;
        }
        leads.put(doc.id(), content);
      }
      docs.add(doc);
    }
    if (!docs.isEmpty()) {
      index.upsertAll(docs);
      indexedLeads.putAll(leads); // once written: a retry after a failure writes them again
      writtenDocs.addAndGet(docs.size());
      writeCalls.incrementAndGet();
    }
    tell("upsert of " + told.size() + " documents", l -> l.upsertedAll(told));
  }

  /**
   * Every stored lead and case, read from the store a page at a time, as {@code as} makes it; with
   * {@code abortOnStop}, reading the next page after {@link #close} began throws.
   */
  private <T> Iterable<T> storeDocuments(
      Function<SearchDocuments.Indexing, T> as, boolean abortOnStop) {
    return () -> {
      Iterator<SearchDocuments.Indexing> it = new StoreDocuments(KINDS, abortOnStop);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          return as.apply(it.next());
        }
      };
    };
  }

  /** Every stored lead and case as documents, read from the store a page at a time. */
  private final class StoreDocuments implements Iterator<SearchDocuments.Indexing> {
    private final Iterator<String> kinds;
    private String kind;
    private String after = "";
    private Iterator<StoredRecord> page = List.<StoredRecord>of().iterator();
    private SearchDocuments.Indexing next;
    private final boolean abortOnStop;

    StoreDocuments(List<String> kinds, boolean abortOnStop) {
      this.kinds = kinds.iterator();
      this.kind = this.kinds.next();
      this.abortOnStop = abortOnStop;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (!page.hasNext()) {
          if (abortOnStop && stopping) {
            throw new CancellationException("node stopping");
          }
          String k = kind;
          String a = after;
          List<StoredRecord> rows = call(s -> s.recordsAfter(k, a, PAGE));
          if (rows.isEmpty()) {
            if (!kinds.hasNext()) {
              return false;
            }
            kind = kinds.next();
            after = "";
            continue;
          }
          after = rows.get(rows.size() - 1).id();
          page = rows.iterator();
        }
        StoredRecord r = page.next();
        try {
          next = SearchDocuments.of(r, sealing).filter(op -> !op.delete()).orElse(null);
        } catch (RuntimeException e) {
          LOG.warn("record not indexed id={} kind={}: {}", r.id(), r.kind(), e.getMessage());
        }
      }
      return true;
    }

    @Override
    public SearchDocuments.Indexing next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SearchDocuments.Indexing d = next;
      next = null;
      return d;
    }
  }

  /** Runs {@code work} on the store thread and waits for it (this is the indexer's own thread). */
  private <T> T call(Function<Store, T> work) {
    try {
      return store
          .call(work)
          .toCompletionStage()
          .toCompletableFuture()
          .get(STORE_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the store", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("store read for the index failed", e);
    }
  }

  /** Stops tailing, commits the checkpoint and closes the index. Blocking. */
  @Override
  public synchronized void close() {
    stopping = true;
    if (consumer != null) {
      consumer.unregister();
    }
    if (thread != null) {
      wake.release();
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (state == State.CURRENT) {
        commitIndex();
      }
      index.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing the search index failed: {}", e.getMessage());
    }
    state = State.STOPPED;
  }
}
