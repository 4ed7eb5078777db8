package io.liaison.search.link.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The link engine's own Lucene index: one document per record (its keys as terms, its {@link
 * Profile} as a binary doc value), tombstones of withdrawn records, and one document per link so
 * that the graph survives a restart.
 *
 * <p>Every link decision must see every record written before it, also those written a moment ago,
 * or the links of a set of records would depend on their order. Refreshing the searcher after each
 * write is too dear, so the index answers from the last refreshed searcher plus what was written
 * since ({@code recent}): new profiles are looked up in memory, superseded documents of the
 * searcher are hidden ({@code shadowed}). After {@code refreshEvery} writes the searcher is
 * refreshed and the memory cleared. Not thread-safe: the engine calls it under its lock.
 */
public final class LinkIndex implements Closeable {
  /** Bump when the documents change so that an old index is rebuilt on open. */
  public static final int SCHEMA = 5;

  private static final String ID = IndexView.ID;
  private static final String TYPE = IndexView.TYPE;
  private static final String KEY = IndexView.KEY;
  private static final String PROFILE = IndexView.PROFILE;
  private static final String RANK = IndexView.RANK;
  private static final String RECORD = "r";
  private static final String TOMBSTONE = "x";
  private static final String EDGE_TYPE = "e";

  private static final double RAM_BUFFER_MB = 64;
  private static final double BULK_RAM_BUFFER_MB = 384;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager manager;
  private final int refreshEvery;
  private final Map<String, String> openedWith;
  private IndexSearcher searcher;
  private final RecentWrites recent = new RecentWrites();
  private IndexView view;
  private int writes;

  private LinkIndex(Path path, int refreshEvery, boolean create) throws IOException {
    Files.createDirectories(path);
    this.directory = new NRTCachingDirectory(FSDirectory.open(path), 8, 64);
    this.refreshEvery = refreshEvery;
    boolean exists = DirectoryReader.indexExists(directory);
    this.openedWith =
        exists && !create ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setOpenMode(
                exists && !create
                    ? IndexWriterConfig.OpenMode.APPEND
                    : IndexWriterConfig.OpenMode.CREATE)
            .setRAMBufferSizeMB(RAM_BUFFER_MB)
            .setCommitOnClose(false);
    this.writer = new IndexWriter(directory, config);
    this.manager = new SearcherManager(writer, new SearcherFactory());
    this.searcher = manager.acquire();
    this.view = new IndexView(searcher, recent);
  }

  /** Opens the index in {@code path}; {@code create} discards what is there. */
  public static LinkIndex open(Path path, int refreshEvery, boolean create) throws IOException {
    return new LinkIndex(path, refreshEvery, create);
  }

  /** The current view: what every read goes through, valid until the next write. */
  public IndexView view() {
    return view;
  }

  /** The rank of a record in the current view (see {@link IndexView#rank}). */
  public long rank(String id) throws IOException {
    return view.rank(id);
  }

  /** The current profile of a record, empty if unknown or withdrawn. */
  public Optional<Profile> profile(String id) throws IOException {
    return view.profile(id);
  }

  /** The user data of the commit the index was opened from (empty for a new index). */
  public Map<String, String> openedWith() {
    return openedWith;
  }

  // ---- records ----

  /** Adds or replaces a record. */
  public void put(Profile p) throws IOException {
    supersede(p.id());
    writer.updateDocument(new Term(ID, p.id()), document(p));
    recent.put(p.id(), p.version() * 2, p);
    maybeRefresh();
  }

  private static Document document(Profile p) {
    Document doc = new Document();
    doc.add(new StringField(ID, p.id(), Field.Store.NO));
    doc.add(new StringField(TYPE, RECORD, Field.Store.NO));
    for (String term : p.terms()) {
      doc.add(new StringField(KEY, term, Field.Store.NO));
    }
    doc.add(new BinaryDocValuesField(PROFILE, ProfileCodec.encode(p)));
    doc.add(new NumericDocValuesField(RANK, p.version() * 2));
    return doc;
  }

  /** Replaces a record by a tombstone of {@code version}. */
  public void withdraw(String id, long version) throws IOException {
    supersede(id);
    Document doc = new Document();
    doc.add(new StringField(ID, id, Field.Store.NO));
    doc.add(new StringField(TYPE, TOMBSTONE, Field.Store.NO));
    doc.add(new NumericDocValuesField(RANK, version * 2 + 1));
    writer.updateDocument(new Term(ID, id), doc);
    recent.put(id, version * 2 + 1, null);
    maybeRefresh();
  }

  /**
   * Before a bulk load: a large buffer, no merges and no compound files while the records are added
   * — each flush would otherwise be copied into a compound file and merged again and again before
   * the final {@link #merge(int)} rewrites everything once anyway. {@link #endBulk()} puts the
   * settings back.
   */
  public void beginBulk() {
    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    writer
        .getConfig()
        .setRAMBufferSizeMB(Math.max(RAM_BUFFER_MB, Math.min(BULK_RAM_BUFFER_MB, heapMb / 8)))
        .setMergePolicy(NoMergePolicy.INSTANCE)
        .setUseCompoundFile(false);
  }

  /** After a bulk load (before {@link #merge(int)}): the settings of ordinary writes. */
  public void endBulk() {
    writer
        .getConfig()
        .setRAMBufferSizeMB(RAM_BUFFER_MB)
        .setMergePolicy(new TieredMergePolicy())
        .setUseCompoundFile(true);
  }

  /** Adds a record during a rebuild (no tombstone check, no memory of recent writes). */
  public void bulkAdd(Profile p) throws IOException {
    writer.addDocument(document(p));
  }

  /**
   * Merges the index into as few segments as {@code maxSegments} and refreshes: after a bulk load,
   * every key lookup of the link pass then visits few segments instead of dozens.
   */
  public void merge(int maxSegments) throws IOException {
    writer.forceMerge(maxSegments);
    refresh();
  }

  /** Number of segments of the current searcher. */
  public int segments() {
    return searcher.getIndexReader().leaves().size();
  }

  /** Removes every document (records, tombstones, links) before a rebuild. */
  public void deleteAll() throws IOException {
    writer.deleteAll();
    refresh();
  }

  private void supersede(String id) throws IOException {
    if (recent.get(id) != null) {
      recent.forget(id);
    } else {
      int doc = view.liveDoc(id);
      if (doc >= 0) {
        recent.shadow(doc);
      }
    }
  }

  /** Every current record, in no particular order (refreshes first). */
  public void forEachProfile(Consumer<Profile> action) throws IOException {
    forEachEncoded(bytes -> action.accept(ProfileCodec.decode(bytes)));
  }

  /** Every current record's encoded profile, in doc order per segment (refreshes first). */
  private void forEachEncoded(Consumer<BytesRef> action) throws IOException {
    refresh();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      BinaryDocValues values = reader.getBinaryDocValues(PROFILE);
      Bits live = reader.getLiveDocs();
      if (values == null) {
        continue;
      }
      for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
        if (live == null || live.get(d)) {
          action.accept(values.binaryValue());
        }
      }
    }
  }

  /**
   * The {@link ProfileCodec.Head heads} of the current records among {@code ids}, in one pass over
   * the records' profiles in doc order (refreshes first): on open, instead of a look-up and a full
   * decode per linked record.
   */
  public Map<String, ProfileCodec.Head> heads(Set<String> ids) throws IOException {
    Map<String, ProfileCodec.Head> out = new HashMap<>(ids.size() * 2);
    forEachEncoded(
        bytes -> {
          if (ids.contains(ProfileCodec.id(bytes))) {
            ProfileCodec.Head h = ProfileCodec.head(bytes);
            out.put(h.member().id(), h);
          }
        });
    return out;
  }

  // ---- links ----

  /** Stores (or replaces) the link between {@code a} and {@code b}. */
  public void putEdge(String a, String b, double score, List<String> keys) throws IOException {
    writer.updateDocument(EdgeDocs.term(a, b), EdgeDocs.of(a, b, score, keys, TYPE, EDGE_TYPE));
  }

  /** Forgets the link between {@code a} and {@code b}. */
  public void deleteEdge(String a, String b) throws IOException {
    writer.deleteDocuments(EdgeDocs.term(a, b));
  }

  /** Every stored link (refreshes first). */
  public void forEachEdge(Consumer<EdgeDocs.Stored> action) throws IOException {
    refresh();
    EdgeDocs.forEach(searcher, TYPE, EDGE_TYPE, action);
  }

  // ---- refresh, commit, close ----

  private void maybeRefresh() throws IOException {
    if (++writes >= refreshEvery) {
      refresh();
    }
  }

  /** Makes every write visible to the searcher and forgets the in-memory view of them. */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
    manager.release(searcher);
    searcher = manager.acquire();
    recent.clear();
    view = new IndexView(searcher, recent);
    writes = 0;
  }

  /** Number of live documents of records (tombstones and links not counted), after a refresh. */
  public int recordCount() throws IOException {
    refresh();
    return searcher.count(new org.apache.lucene.search.TermQuery(new Term(TYPE, RECORD)));
  }

  /** Commits every write with {@code userData}. */
  public void commit(Map<String, String> userData) throws IOException {
    writer.setLiveCommitData(userData.entrySet());
    writer.commit();
  }

  @Override
  public void close() throws IOException {
    manager.release(searcher);
    manager.close();
    writer.close();
    directory.close();
  }
}
