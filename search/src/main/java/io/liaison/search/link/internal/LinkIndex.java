package io.liaison.search.link.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
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
  public static final int SCHEMA = 1;

  private static final String ID = "id";
  private static final String TYPE = "t";
  private static final String KEY = "k";
  private static final String PROFILE = "p";
  private static final String RANK = "v";
  private static final String RECORD = "r";
  private static final String TOMBSTONE = "x";
  private static final String EDGE_TYPE = "e";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager manager;
  private final int refreshEvery;
  private final Map<String, String> openedWith;
  private IndexSearcher searcher;
  private final RecentWrites recent = new RecentWrites();
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
            .setRAMBufferSizeMB(64)
            .setCommitOnClose(false);
    this.writer = new IndexWriter(directory, config);
    this.manager = new SearcherManager(writer, new SearcherFactory());
    this.searcher = manager.acquire();
  }

  /** Opens the index in {@code path}; {@code create} discards what is there. */
  public static LinkIndex open(Path path, int refreshEvery, boolean create) throws IOException {
    return new LinkIndex(path, refreshEvery, create);
  }

  /** The user data of the commit the index was opened from (empty for a new index). */
  public Map<String, String> openedWith() {
    return openedWith;
  }

  // ---- records ----

  /**
   * {@code version * 2} for a record, {@code version * 2 + 1} for a tombstone (a withdrawal of
   * version v beats the record of version v); -1 if unknown.
   */
  public long rank(String id) throws IOException {
    RecentWrites.Entry r = recent.get(id);
    if (r != null) {
      return r.rank();
    }
    int doc = liveDoc(id);
    return doc < 0 ? -1 : numeric(doc, RANK);
  }

  /** The current profile of a record, empty if unknown or withdrawn. */
  public Optional<Profile> profile(String id) throws IOException {
    RecentWrites.Entry r = recent.get(id);
    if (r != null) {
      return Optional.ofNullable(r.profile());
    }
    int doc = liveDoc(id);
    if (doc < 0 || (numeric(doc, RANK) & 1) == 1) {
      return Optional.empty();
    }
    return Optional.of(load(List.of(doc)).get(0));
  }

  /** Adds or replaces a record. */
  public void put(Profile p) throws IOException {
    supersede(p.id());
    Document doc = new Document();
    doc.add(new StringField(ID, p.id(), Field.Store.NO));
    doc.add(new StringField(TYPE, RECORD, Field.Store.NO));
    for (String term : p.terms()) {
      doc.add(new StringField(KEY, term, Field.Store.NO));
    }
    doc.add(new BinaryDocValuesField(PROFILE, ProfileCodec.encode(p)));
    long rank = p.version() * 2;
    doc.add(new NumericDocValuesField(RANK, rank));
    writer.updateDocument(new Term(ID, p.id()), doc);
    recent.put(p.id(), rank, p);
    maybeRefresh();
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

  /** Adds a record during a rebuild (no tombstone check, no memory of recent writes). */
  public void bulkAdd(Profile p) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(ID, p.id(), Field.Store.NO));
    doc.add(new StringField(TYPE, RECORD, Field.Store.NO));
    for (String term : p.terms()) {
      doc.add(new StringField(KEY, term, Field.Store.NO));
    }
    doc.add(new BinaryDocValuesField(PROFILE, ProfileCodec.encode(p)));
    doc.add(new NumericDocValuesField(RANK, p.version() * 2));
    writer.addDocument(doc);
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
      int doc = liveDoc(id);
      if (doc >= 0) {
        recent.shadow(doc);
      }
    }
  }

  // ---- frequencies and retrieval ----

  /** How many current records hold {@code key}, counted up to {@code cap + 1}. */
  public int records(String key, int cap) throws IOException {
    int n = recent.withKey(key).size();
    BytesRef term = new BytesRef(key);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      TermsEnum te = termsEnum(leaf);
      if (te == null || !te.seekExact(term)) {
        continue;
      }
      if (leaf.reader().getLiveDocs() == null && recent.noneShadowed()) {
        n += te.docFreq();
      } else {
        PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
        Bits live = leaf.reader().getLiveDocs();
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          if (visible(leaf, live, d)) {
            n++;
          }
        }
      }
      if (n > cap) {
        return n;
      }
    }
    return n;
  }

  /** Every current record holding {@code key}. */
  public void holders(String key, Set<Integer> docs, Map<String, Profile> recentOut)
      throws IOException {
    holders(key, Integer.MAX_VALUE - 1, docs, recentOut);
  }

  /**
   * The records holding {@code key} if there are at most {@code cap}: returns how many there are
   * (counted up to {@code cap + 1}) and adds them to {@code docs} and {@code recentOut} only when
   * there are not too many.
   */
  public int holders(String key, int cap, Set<Integer> docs, Map<String, Profile> recentOut)
      throws IOException {
    List<Profile> fresh = recent.withKey(key);
    List<Integer> found = new ArrayList<>();
    int n = fresh.size();
    BytesRef term = new BytesRef(key);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      TermsEnum te = termsEnum(leaf);
      if (te != null && te.seekExact(term)) {
        if (leaf.reader().getLiveDocs() == null
            && recent.noneShadowed()
            && n + te.docFreq() > cap) {
          return n + te.docFreq(); // exact without deletions: too many, no need to read them
        }
        n += collect(leaf, te, found, cap + 1 - n);
        if (n > cap) {
          return n;
        }
      }
    }
    docs.addAll(found);
    fresh.forEach(p -> recentOut.put(p.id(), p));
    return n;
  }

  /**
   * The values one character off an identifier that current records hold (with how many records
   * hold each, counted up to the cap), and those records ({@code complete} false when there were
   * too many to collect).
   */
  public record Neighbourhood(
      Map<String, Integer> values,
      List<Integer> docs,
      Map<String, Profile> recent,
      boolean complete) {
    /** Records holding neighbours that are themselves held by more than {@code specificMax}. */
    public int commonRecords(int specificMax) {
      int n = 0;
      for (int k : values.values()) {
        n += k > specificMax ? k : 0;
      }
      return n;
    }
  }

  /**
   * The neighbourhood of {@code x}: two prefix scans of the sorted terms (see {@link OneOff}) and a
   * look at the records written since the last refresh. Counting stops past {@code cap} records
   * (then {@code docs} is incomplete: the caller does not retrieve from an over-common value).
   */
  public Neighbourhood neighbourhood(Ident x, int cap) throws IOException {
    Map<String, Integer> values = new java.util.TreeMap<>();
    List<Integer> docs = new ArrayList<>();
    Map<String, Profile> fresh = new java.util.LinkedHashMap<>();
    scanOneOff(
        x,
        (leaf, te, value) -> {
          List<Integer> found = new ArrayList<>();
          int k = collect(leaf, te, found, cap + 1 - values.getOrDefault(value, 0));
          values.merge(value, k, Integer::sum);
          if (docs.size() <= cap) {
            docs.addAll(found);
          }
        },
        (p, value) -> {
          values.merge(value, 1, Integer::sum);
          fresh.put(p.id(), p);
        });
    return new Neighbourhood(values, docs, fresh, docs.size() + fresh.size() <= cap);
  }

  private interface TermVisitor {
    void visit(LeafReaderContext leaf, TermsEnum te, String value) throws IOException;
  }

  private void scanOneOff(
      Ident x, TermVisitor inSearcher, java.util.function.BiConsumer<Profile, String> inRecent)
      throws IOException {
    int[] split = OneOff.split(x.type(), x.value().length());
    if (split == null) {
      return;
    }
    String value = x.value();
    String forward = Keys.ident(x.type(), "");
    String backward = Keys.reversed(x.type(), "");
    String reversed = new StringBuilder(value).reverse().toString();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      TermsEnum te = termsEnum(leaf);
      if (te == null) {
        continue;
      }
      scan(leaf, te, forward, value, split[0], -1, inSearcher);
      scan(leaf, te, backward, reversed, split[1], split[0], inSearcher);
    }
    Set<String> seen = new HashSet<>();
    for (String prefix :
        List.of(RecentWrites.headPrefix(x, split), RecentWrites.tailPrefix(x, split))) {
      for (Profile p : recent.withPrefix(prefix)) {
        for (Ident y : p.idents()) {
          if (y.type() == x.type()
              && OneOff.oneOff(value, y.value())
              && seen.add(p.id() + "\n" + y.value())) {
            inRecent.accept(p, y.value());
          }
        }
      }
    }
  }

  private void scan(
      LeafReaderContext leaf,
      TermsEnum te,
      String namespace,
      String value,
      int prefix,
      int forwardHead,
      TermVisitor visitor)
      throws IOException {
    BytesRef start = new BytesRef(namespace + value.substring(0, prefix));
    if (te.seekCeil(start) == TermsEnum.SeekStatus.END) {
      return;
    }
    byte[] mine = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int skip = start.length - prefix; // the namespace, in bytes
    for (BytesRef t = te.term(); t != null && startsWith(t, start); t = te.next()) {
      if (!OneOff.oneOff(mine, t.bytes, t.offset + skip, t.length - skip)) {
        continue;
      }
      String other = t.utf8ToString().substring(namespace.length());
      if (forwardHead < 0) {
        visitor.visit(leaf, te, other);
      } else {
        // read backwards; a difference in the middle is also found by the forward scan: once only
        String original = new StringBuilder(other).reverse().toString();
        String me = new StringBuilder(value).reverse().toString();
        if (!original.regionMatches(0, me, 0, forwardHead)) {
          visitor.visit(leaf, te, original);
        }
      }
    }
  }

  private static boolean startsWith(BytesRef t, BytesRef prefix) {
    if (t.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (t.bytes[t.offset + i] != prefix.bytes[prefix.offset + i]) {
        return false;
      }
    }
    return true;
  }

  /** Adds the visible docs of the current term, at most {@code limit}; returns how many. */
  private int collect(LeafReaderContext leaf, TermsEnum te, List<Integer> docs, int limit)
      throws IOException {
    PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
    Bits live = leaf.reader().getLiveDocs();
    int n = 0;
    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && n < limit; d = pe.nextDoc()) {
      if (visible(leaf, live, d)) {
        docs.add(leaf.docBase + d);
        n++;
      }
    }
    return n;
  }

  private boolean visible(LeafReaderContext leaf, Bits live, int doc) {
    return (live == null || live.get(doc)) && !recent.shadowed(leaf.docBase + doc);
  }

  private static TermsEnum termsEnum(LeafReaderContext leaf) throws IOException {
    Terms terms = leaf.reader().terms(KEY);
    return terms == null ? null : terms.iterator();
  }

  /** The profiles of searcher documents (global doc ids), in doc order. */
  public List<Profile> load(java.util.Collection<Integer> globalDocs) throws IOException {
    return load(globalDocs, id -> true);
  }

  /** The profiles of searcher documents whose record id passes {@code ids}, in doc order. */
  public List<Profile> load(
      java.util.Collection<Integer> globalDocs, java.util.function.Predicate<String> ids)
      throws IOException {
    List<Integer> sorted = new ArrayList<>(globalDocs);
    sorted.sort(null);
    List<Profile> out = new ArrayList<>(sorted.size());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    BinaryDocValues values = null;
    LeafReaderContext leaf = null;
    for (int g : sorted) {
      int i = org.apache.lucene.index.ReaderUtil.subIndex(g, leaves);
      if (i != leafIndex) {
        leafIndex = i;
        leaf = leaves.get(i);
        values = leaf.reader().getBinaryDocValues(PROFILE);
      }
      if (values != null && values.advanceExact(g - leaf.docBase)) {
        BytesRef bytes = values.binaryValue();
        if (ids.test(ProfileCodec.id(bytes))) {
          out.add(ProfileCodec.decode(bytes));
        }
      }
    }
    return out;
  }

  /** Every current record, in no particular order (refreshes first). */
  public void forEachProfile(Consumer<Profile> action) throws IOException {
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
          action.accept(ProfileCodec.decode(values.binaryValue()));
        }
      }
    }
  }

  private int liveDoc(String id) throws IOException {
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (te.seekExact(term)) {
        PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
        Bits live = leaf.reader().getLiveDocs();
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          if (visible(leaf, live, d)) {
            return leaf.docBase + d;
          }
        }
      }
    }
    return -1;
  }

  private long numeric(int globalDoc, String field) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf =
        leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(globalDoc, leaves));
    NumericDocValues values = leaf.reader().getNumericDocValues(field);
    return values != null && values.advanceExact(globalDoc - leaf.docBase)
        ? values.longValue()
        : -1;
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
