package io.liaison.search;

import io.liaison.search.SearchResult.FacetCount;
import io.liaison.search.ident.Identifier;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.Identifiers;
import io.liaison.search.internal.BulkLoader;
import io.liaison.search.internal.FacetCounter;
import io.liaison.search.internal.IdCodec;
import io.liaison.search.internal.Schema;
import io.liaison.search.internal.Searches;
import io.liaison.search.internal.VersionedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's local index of the cases and leads it may read: one owner of the {@link IndexWriter},
 * a {@link SearcherManager} refreshed in the background (near-real-time, every {@link
 * IndexIndexOptions#refreshInterval()}), stored on disk and reopened as it is on restart.
 *
 * <p>All methods are synchronous and thread-safe; they block on disk I/O, so call them from a
 * worker thread, never from an event loop. Writes are visible to searches after the next refresh
 * (call {@link #refresh()} to wait for it); they are durable after the next commit (every {@link
 * IndexIndexOptions#commitInterval()}, on {@link #commit(String)} and on {@link #close()}). After a
 * crash the node replays its store from {@link #checkpoint()}; replaying is harmless because
 * versions decide.
 *
 * <p>Why over 400 lines: it is the one owner of the writer and the searcher manager, so every
 * operation that must see both (write, replay from a checkpoint, search, commit, close) stays in
 * one class; the query building and the link engine live elsewhere.
 *
 * <p>Typical use by the node:
 *
 * <pre>{@code
 * CaseIndex index = CaseIndex.open(dataDir.resolve("index"));
 * if (index.status().needsRebuild()) index.rebuild(store.allDocuments(), n -> log(n));
 * index.upsert(SearchDocument.ofCase(verifiedCase));        // on every grid event
 * SearchResult page = index.search(SearchRequest.builder("车牌:蒙J3K582 中华").build());
 * List<SearchHit> seen = index.lookup(IdentifierType.PHONE, "138 1234 5678");
 * }</pre>
 */
public final class CaseIndex implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(CaseIndex.class);
  private static final String SCHEMA_KEY = "schema";
  private static final String COMPLETE_KEY = "complete";
  private static final String CHECKPOINT_KEY = "checkpoint";

  private final Path path;
  private final IndexOptions options;
  private final Directory directory;
  private final Analyzer analyzer = Schema.analyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FacetCounter facets = new FacetCounter();
  private final VersionedWriter versioned;
  private final ReentrantReadWriteLock rebuildLock = new ReentrantReadWriteLock();
  private final ScheduledExecutorService background;
  private volatile IndexStatus status;
  private volatile String checkpoint;
  private volatile boolean closed;

  private CaseIndex(Path path, IndexOptions options) throws IOException {
    this.path = path;
    this.options = options;
    Files.createDirectories(path);
    // Small segments flushed by frequent refreshes stay in RAM until merged into bigger ones:
    // opening a reader then maps no new files (measured: refresh p50 ~3x faster under load).
    this.directory = new NRTCachingDirectory(FSDirectory.open(path), 8, 64);
    Map<String, String> data = Map.of();
    if (!DirectoryReader.indexExists(directory)) {
      status = IndexStatus.CREATED;
    } else {
      data = SegmentInfos.readLatestCommit(directory).getUserData();
      if (!String.valueOf(Schema.VERSION).equals(data.get(SCHEMA_KEY))) {
        status = IndexStatus.REPLACED_STALE;
      } else {
        status =
            "true".equals(data.get(COMPLETE_KEY)) ? IndexStatus.OPENED : IndexStatus.INCOMPLETE;
      }
    }
    boolean fresh = status == IndexStatus.CREATED || status == IndexStatus.REPLACED_STALE;
    checkpoint = fresh ? null : data.get(CHECKPOINT_KEY);
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setOpenMode(
                fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
            .setRAMBufferSizeMB(options.ramBufferMb())
            .setCodec(IdCodec.create(Schema.ID))
            .setCommitOnClose(false);
    this.writer = new IndexWriter(directory, config);
    if (fresh) {
      commitWith(false);
    }
    this.searchers = new SearcherManager(writer, new SearcherFactory());
    this.versioned = new VersionedWriter(writer, searchers);
    this.searchers.addListener(
        new ReferenceManager.RefreshListener() {
          @Override
          public void beforeRefresh() {}

          @Override
          public void afterRefresh(boolean didRefresh) throws IOException {
            if (didRefresh) {
              warmFacets();
            }
          }
        });
    warmFacets();
    this.background =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "case-index-" + path.getFileName());
              t.setDaemon(true);
              return t;
            });
    long refreshMs = options.refreshInterval().toMillis();
    background.scheduleWithFixedDelay(
        () -> inBackground("refresh", this::doRefresh),
        refreshMs,
        refreshMs,
        TimeUnit.MILLISECONDS);
    long commitMs = options.commitInterval().toMillis();
    background.scheduleWithFixedDelay(
        () -> inBackground("commit", this::commitIfChanged),
        commitMs,
        commitMs,
        TimeUnit.MILLISECONDS);
    LOG.info(
        "case index opened path={} status={} docs={}", path, status, writer.getDocStats().numDocs);
  }

  /** Opens (or creates) the index in {@code path} with {@link IndexIndexOptions#defaults()}. */
  public static CaseIndex open(Path path) throws IOException {
    return open(path, IndexOptions.defaults());
  }

  /** Opens (or creates) the index in {@code path}; check {@link #status()} afterwards. */
  public static CaseIndex open(Path path, IndexOptions options) throws IOException {
    return new CaseIndex(path, options);
  }

  /** What was found on open, or {@code OPENED} after a successful {@link #rebuild}. */
  public IndexStatus status() {
    return status;
  }

  /**
   * Adds or replaces a document unless the index already holds the same id with a higher or equal
   * version (a readable document replaces a sealed one of the same version).
   *
   * @return whether the document was applied
   */
  public boolean upsert(SearchDocument doc) throws IOException {
    ensureOpen();
    org.apache.lucene.document.Document lucene = Schema.toDocument(doc);
    return write(doc.id(), Schema.rank(doc.version(), doc.readable()), false, lucene);
  }

  /**
   * {@link #upsert} of many documents at once: the ones for ids the index does not hold yet are
   * added with one Lucene {@code addDocuments} call. If that call fails (a document Lucene refuses
   * fails the whole call), each document is written on its own, so one bad document keeps out only
   * itself.
   *
   * @return the number of documents applied
   */
  public int upsertAll(List<SearchDocument> docs) throws IOException {
    ensureOpen();
    List<VersionedWriter.Write> writes = new java.util.ArrayList<>(docs.size());
    for (SearchDocument doc : docs) {
      writes.add(
          new VersionedWriter.Write(
              doc.id(), Schema.rank(doc.version(), doc.readable()), Schema.toDocument(doc)));
    }
    rebuildLock.readLock().lock();
    try {
      try {
        return versioned.writeAll(writes);
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "batch of {} documents refused, writing one by one: {}", docs.size(), e.toString());
        int n = 0;
        for (VersionedWriter.Write w : writes) {
          try {
            n += versioned.write(w.id(), w.rank(), false, w.doc()) ? 1 : 0;
          } catch (IllegalArgumentException one) {
            LOG.warn("document not indexed id={}: {}", w.id(), one.toString());
          }
        }
        return n;
      }
    } finally {
      rebuildLock.readLock().unlock();
    }
  }

  /**
   * Deletes a record as of {@code version}: it disappears from searches and any version up to
   * {@code version} arriving later is ignored (a tombstone keeps the id and version).
   *
   * @return whether the delete was applied (false when the index has a newer version)
   */
  public boolean delete(String id, long version) throws IOException {
    ensureOpen();
    return write(id, Schema.rank(version, true), true, Schema.tombstone(id, version));
  }

  private boolean write(
      String id, long rank, boolean tombstone, org.apache.lucene.document.Document doc)
      throws IOException {
    rebuildLock.readLock().lock();
    try {
      return versioned.write(id, rank, tombstone, doc);
    } finally {
      rebuildLock.readLock().unlock();
    }
  }

  /** The version the index holds for {@code id} (deleted and sealed records included). */
  public OptionalLong version(String id) throws IOException {
    long rank = versioned.currentRank(id);
    return rank < 0 ? OptionalLong.empty() : OptionalLong.of(rank >> 1);
  }

  /**
   * Runs a search: the query string and filters, one page of hits, exact total, facet counts from
   * doc values and, if asked, highlighted snippets.
   *
   * @throws InvalidQueryException when the query cannot be understood
   */
  public SearchResult search(SearchRequest request) throws IOException {
    ensureOpen();
    return read(s -> Searches.search(s, analyzer, facets, request));
  }

  /**
   * Every record that mentions the identifier, in its entities or its text, newest first (at most
   * {@value Searches#MAX_LOOKUP}).
   *
   * @throws InvalidQueryException when {@code raw} is not an identifier of that type
   */
  public List<SearchHit> lookup(IdentifierType type, String raw) throws IOException {
    Identifier id =
        Identifiers.normalise(type, raw)
            .orElseThrow(() -> new InvalidQueryException("not a valid " + type + ": " + raw));
    return lookup(id);
  }

  /** Every record that mentions the normalised identifier, newest first. */
  public List<SearchHit> lookup(Identifier id) throws IOException {
    ensureOpen();
    return read(s -> Searches.lookup(s, id));
  }

  /** The searchable record with this id, if any (not deleted, not sealed). */
  public Optional<SearchHit> get(String id) throws IOException {
    ensureOpen();
    return read(s -> Searches.get(s, id));
  }

  /** Number of searchable records (deleted and sealed ones not counted) as of the last refresh. */
  public long count() throws IOException {
    return read(s -> Searches.count(s));
  }

  /**
   * Replaces the whole index with {@code documents} (each id once), using {@link
   * IndexOptions#indexThreads()} threads. Searches keep answering from the old contents until the
   * new ones are complete; writes wait. {@code progress} is called on this thread with the number
   * of documents indexed so far, about every 10,000 and once at the end.
   *
   * @return the number of documents indexed
   */
  public long rebuild(Iterable<SearchDocument> documents, LongConsumer progress)
      throws IOException {
    ensureOpen();
    rebuildLock.writeLock().lock();
    try {
      long t0 = System.nanoTime();
      LOG.info("case index rebuild started path={}", path);
      writer.deleteAll();
      status = IndexStatus.INCOMPLETE;
      long n;
      try {
        n = BulkLoader.load(writer, documents, options.indexThreads(), progress);
      } catch (IOException | RuntimeException e) {
        commitWith(false);
        LOG.warn("case index rebuild failed path={}", path, e);
        throw e;
      }
      versioned.reset();
      status = IndexStatus.OPENED;
      commitWith(true);
      searchers.maybeRefreshBlocking();
      progress.accept(n);
      double seconds = (System.nanoTime() - t0) / 1e9;
      LOG.info(
          "case index rebuilt path={} docs={} seconds={} docsPerSecond={}",
          path,
          n,
          String.format("%.1f", seconds),
          String.format("%.0f", n / seconds));
      return n;
    } finally {
      rebuildLock.writeLock().unlock();
    }
  }

  /** Makes every write so far visible to searches; returns when it is. */
  public void refresh() throws IOException {
    ensureOpen();
    rebuildLock.readLock().lock();
    try {
      doRefresh();
    } finally {
      rebuildLock.readLock().unlock();
    }
  }

  private void doRefresh() throws IOException {
    versioned.refresh();
  }

  /**
   * Makes every write so far durable, recording {@code checkpoint} (the node's position in its
   * store, opaque here) so that after a crash the node replays only what came after it.
   */
  public void commit(String checkpoint) throws IOException {
    ensureOpen();
    rebuildLock.readLock().lock();
    try {
      this.checkpoint = checkpoint;
      commitWith(status == IndexStatus.OPENED);
    } finally {
      rebuildLock.readLock().unlock();
    }
  }

  /** The checkpoint of the last commit, if any. */
  public Optional<String> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  private void commitIfChanged() throws IOException {
    if (writer.hasUncommittedChanges()) {
      commitWith(status == IndexStatus.OPENED);
    }
  }

  private synchronized void commitWith(boolean complete) throws IOException {
    Map<String, String> data = new HashMap<>();
    data.put(SCHEMA_KEY, String.valueOf(Schema.VERSION));
    data.put(COMPLETE_KEY, String.valueOf(complete));
    if (checkpoint != null) {
      data.put(CHECKPOINT_KEY, checkpoint);
    }
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  private void warmFacets() throws IOException {
    read(s -> facets.state(s.getIndexReader()));
  }

  /** Something done with an acquired searcher. */
  private interface Read<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T read(Read<T> action) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return action.apply(s);
    } finally {
      searchers.release(s);
    }
  }

  /** Something done in the background with the index. */
  private interface Task {
    void run() throws IOException;
  }

  /** Runs {@code task} unless the index is closed or being rebuilt (never seen half done). */
  private void inBackground(String what, Task task) {
    if (closed || !rebuildLock.readLock().tryLock()) {
      return;
    }
    try {
      task.run();
    } catch (IOException | RuntimeException e) {
      LOG.warn("case index {} failed path={}", what, path, e);
    } finally {
      rebuildLock.readLock().unlock();
    }
  }

  /** Counts of the facet values over the whole index (a convenience for dashboards). */
  public Map<Facet, List<FacetCount>> facetCounts(Facet... dims) throws IOException {
    SearchRequest.Builder b = SearchRequest.builder().page(0, 1);
    b.facets(dims);
    return search(b.build()).facets();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("case index is closed");
    }
  }

  /** Stops the background refresh, commits and closes the files. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    // Not shutdownNow: an interrupt during a commit's fsync would close the IndexWriter.
    background.shutdown();
    try {
      background.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rebuildLock.writeLock().lock();
    try {
      closed = true;
      commitWith(status == IndexStatus.OPENED);
      searchers.close();
      writer.close();
      directory.close();
      LOG.info("case index closed path={}", path);
    } finally {
      rebuildLock.writeLock().unlock();
    }
  }
}
