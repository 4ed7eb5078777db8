package io.liaison.search.link.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The current view of the {@link LinkIndex}: one refreshed searcher plus the {@link RecentWrites}
 * since. Every read of the engine goes through it: ranks and profiles by id, how many records hold
 * a key, who holds it, the one-off neighbourhood of an identifier. A view is valid until the next
 * write (global doc ids change on refresh); take {@link LinkIndex#view()} again after writing.
 *
 * <p>Why over 400 lines: each read is here twice, from the index and from what the view remembers
 * of it ({@link TermMemo}, {@link SegmentKeys}), and both must apply the writes since the refresh
 * in exactly the same way; side by side, each pair can be read against the other (and is tested so,
 * {@code IndexViewTest}). The counting over remembered postings is in {@link TermMemo}.
 */
public final class IndexView {
  static final String ID = "id";
  static final String TYPE = "t";
  static final String KEY = "k";
  static final String PROFILE = "p";
  static final String RANK = "v";

  private final IndexSearcher searcher;
  private final RecentWrites recent;

  /**
   * Each thread's terms enums of this view's segments, for keys and for ids: a write looks up a few
   * dozen keys in every segment, and a new enum per lookup (its frames, its first block read again)
   * cost more than the seeks themselves. Per thread because a relink reads one view from several.
   * The postings enums likewise: a new one clones the segment's input (most of a lookup in a small
   * segment the near-real-time refreshes make); reused, it only seeks.
   */
  private final ThreadLocal<Enums> enums;

  /** One thread's terms and postings enums of the view's segments, for keys [0] and ids [1]. */
  private static final class Enums {
    final TermsEnum[][] terms;
    final PostingsEnum[][] postings;

    Enums(int leaves) {
      terms = new TermsEnum[2][leaves];
      postings = new PostingsEnum[2][leaves];
    }
  }

  /**
   * What this view's searcher holds, read once for every write until the next refresh ({@link
   * TermMemo}). Only the thread that made the view (the engine's writer, under its lock) uses it:
   * the threads of a relink's link pass read the view without it.
   */
  private final TermMemo memo = new TermMemo();

  private final Thread owner = Thread.currentThread();

  IndexView(IndexSearcher searcher, RecentWrites recent) {
    this.searcher = searcher;
    this.recent = recent;
    int leaves = searcher.getIndexReader().leaves().size();
    this.enums = ThreadLocal.withInitial(() -> new Enums(leaves));
  }

  /** The memo, for the thread that made the view; null for any other. */
  private TermMemo memo() {
    return Thread.currentThread() == owner ? memo : null;
  }

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

  /** {@link SharedKeys} of this view; null unless one segment, no deletions, no recent writes. */
  public SharedKeys sharedKeys() throws IOException {
    return recent.isEmpty() ? SharedKeys.of(searcher.getIndexReader().leaves(), KEY) : null;
  }

  /** How many current records hold {@code key}, counted up to {@code cap + 1}. */
  public int records(String key, int cap) throws IOException {
    TermMemo memo = memo();
    if (memo != null) {
      Integer n = TermMemo.count(remembered(memo, key), recent, recent.withKey(key).size(), cap);
      if (n != null) {
        return n;
      }
    }
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
        PostingsEnum pe = postings(leaf, 0, te);
        Bits live = leaf.reader().getLiveDocs();
        // stop past the cap: an over-common value (an address in every case) must not cost its
        // whole postings list on every lookup
        for (int d = pe.nextDoc();
            d != DocIdSetIterator.NO_MORE_DOCS && n <= cap;
            d = pe.nextDoc()) {
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
    TermMemo memo = memo();
    if (memo != null) {
      int n = rememberedHolders(memo, key, cap, docs, recentOut);
      if (n >= 0) {
        return n;
      }
    }
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
    TermMemo memo = memo();
    List<TermMemo.Near> near = memo == null ? null : memo.hood(x.key());
    if (near == null) {
      near = scanNear(x, TermMemo.LIMIT, memo != null);
      if (memo != null) {
        memo.hood(x.key(), near);
      }
    }
    Neighbourhood h = neighbourhood(x, near, cap);
    // more of the first live documents superseded than remembered: read them all
    return h != null ? h : neighbourhood(x, scanNear(x, Integer.MAX_VALUE, memo != null), cap);
  }

  /** The neighbourhood from the terms a scan found; null if their documents are not enough. */
  private Neighbourhood neighbourhood(Ident x, List<TermMemo.Near> near, int cap) {
    Map<String, Integer> values = new java.util.TreeMap<>();
    List<Integer> docs = new ArrayList<>();
    for (TermMemo.Near n : near) {
      List<Integer> found = new ArrayList<>();
      int k =
          TermMemo.take(n.postings(), recent, found, cap + 1 - values.getOrDefault(n.value(), 0));
      if (k < 0) {
        return null;
      }
      values.merge(n.value(), k, Integer::sum);
      if (docs.size() <= cap) {
        docs.addAll(found);
      }
    }
    Map<String, Profile> fresh = new java.util.LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    int[] split = OneOff.split(x.type(), x.value().length());
    if (split != null) {
      for (String prefix :
          List.of(RecentWrites.headPrefix(x, split), RecentWrites.tailPrefix(x, split))) {
        for (Profile p : recent.withPrefix(prefix)) {
          for (Ident y : p.idents()) {
            if (y.type() == x.type()
                && OneOff.oneOff(x.value(), y.value())
                && seen.add(p.id() + "\n" + y.value())) {
              values.merge(y.value(), 1, Integer::sum);
              fresh.put(p.id(), p);
            }
          }
        }
      }
    }
    return new Neighbourhood(values, docs, fresh, docs.size() + fresh.size() <= cap);
  }

  private interface TermVisitor {
    void visit(LeafReaderContext leaf, TermsEnum te, String value) throws IOException;
  }

  /**
   * The terms of the searcher one character off {@code x}, in the order of two prefix scans of each
   * segment's sorted terms (see {@link OneOff}), each with its first {@code limit} live documents;
   * {@code known}: not in small segments that cannot have one ({@link SegmentKeys}).
   */
  private List<TermMemo.Near> scanNear(Ident x, int limit, boolean known) throws IOException {
    List<TermMemo.Near> out = new ArrayList<>();
    int[] split = OneOff.split(x.type(), x.value().length());
    if (split == null) {
      return out;
    }
    String value = x.value();
    String forward = Keys.ident(x.type(), "");
    String backward = Keys.reversed(x.type(), "");
    String reversed = new StringBuilder(value).reverse().toString();
    TermVisitor visitor =
        (leaf, te, v) -> out.add(new TermMemo.Near(v, postings(leaf, 0, te, limit)));
    boolean ascii = SegmentKeys.ascii(value);
    String head = forward + value.substring(0, split[0]);
    String tail = backward + reversed.substring(0, split[1]);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      TermsEnum te = termsEnum(leaf);
      if (te == null) {
        continue;
      }
      SegmentKeys keys = known && ascii ? SegmentKeys.of(leaf) : null;
      if (keys == null || keys.mayScan(head)) {
        scan(leaf, te, forward, value, split[0], -1, visitor);
      }
      if (keys == null || keys.mayScan(tail)) {
        scan(leaf, te, backward, reversed, split[1], split[0], visitor);
      }
    }
    return out;
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
    PostingsEnum pe = postings(leaf, 0, te);
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

  /** This thread's enum over the keys of a segment (null if it has none); repositioned by seeks. */
  private TermsEnum termsEnum(LeafReaderContext leaf) throws IOException {
    return cached(leaf, 0, KEY);
  }

  /**
   * The postings of the term {@code te} is on, in this thread's reused enum of the segment and
   * field (the caller reads it to the end or drops it before the next call for the same segment).
   */
  private PostingsEnum postings(LeafReaderContext leaf, int field, TermsEnum te)
      throws IOException {
    PostingsEnum[] mine = enums.get().postings[field];
    PostingsEnum pe = te.postings(mine[leaf.ord], PostingsEnum.NONE);
    mine[leaf.ord] = pe;
    return pe;
  }

  private TermsEnum cached(LeafReaderContext leaf, int field, String name) throws IOException {
    TermsEnum[] mine = enums.get().terms[field];
    TermsEnum te = mine[leaf.ord];
    if (te == null) {
      Terms terms = leaf.reader().terms(name);
      te = terms == null ? TermsEnum.EMPTY : terms.iterator();
      mine[leaf.ord] = te;
    }
    return te == TermsEnum.EMPTY ? null : te;
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
    TermMemo memo = memo();
    for (int g : sorted) {
      Profile known = memo == null ? null : memo.profile(g);
      if (known != null) {
        if (ids.test(known.id())) {
          out.add(known);
        }
        continue;
      }
      int i = org.apache.lucene.index.ReaderUtil.subIndex(g, leaves);
      if (i != leafIndex) {
        leafIndex = i;
        leaf = leaves.get(i);
        values = leaf.reader().getBinaryDocValues(PROFILE);
      }
      if (values != null && values.advanceExact(g - leaf.docBase)) {
        BytesRef bytes = values.binaryValue();
        if (ids.test(ProfileCodec.id(bytes))) {
          Profile p = ProfileCodec.decode(bytes);
          out.add(p);
          if (memo != null) {
            memo.profile(g, p);
          }
        }
      }
    }
    return out;
  }

  /** The searcher's postings of a key, remembered for the view. */
  private TermMemo.Postings[] remembered(TermMemo memo, String key) throws IOException {
    TermMemo.Postings[] ps = memo.key(key);
    if (ps == null) {
      ps = read(0, KEY, key);
      memo.key(key, ps);
    }
    return ps;
  }

  /** {@link #holders(String, int, Set, Map)} from the memo; -1 if it does not remember enough. */
  private int rememberedHolders(
      TermMemo memo, String key, int cap, Set<Integer> docs, Map<String, Profile> recentOut)
      throws IOException {
    List<Profile> fresh = recent.withKey(key);
    List<Integer> found = new ArrayList<>();
    int n = fresh.size();
    for (TermMemo.Postings p : remembered(memo, key)) {
      if (p.noDeletions() && recent.noneShadowed() && n + p.docFreq() > cap) {
        return n + p.docFreq(); // exact without deletions: too many, no need to read them
      }
      int k = TermMemo.take(p, recent, found, cap + 1 - n);
      if (k < 0) {
        return -1;
      }
      n += k;
      if (n > cap) {
        return n;
      }
    }
    docs.addAll(found);
    fresh.forEach(p -> recentOut.put(p.id(), p));
    return n;
  }

  /** A term's postings in every segment that has it (field 0: keys, 1: ids). */
  private TermMemo.Postings[] read(int field, String name, String term) throws IOException {
    BytesRef t = new BytesRef(term);
    List<TermMemo.Postings> out = new ArrayList<>(1);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      SegmentKeys known = SegmentKeys.of(leaf);
      if (known != null && !(field == 0 ? known.mayHoldKey(t) : known.mayHoldId(t))) {
        continue; // not in this small segment: no seek
      }
      TermsEnum te = cached(leaf, field, name);
      if (te != null && te.seekExact(t)) {
        out.add(postings(leaf, field, te, TermMemo.LIMIT));
      }
    }
    return out.toArray(new TermMemo.Postings[0]);
  }

  /** The current term's document frequency and first {@code limit} live documents. */
  private TermMemo.Postings postings(LeafReaderContext leaf, int field, TermsEnum te, int limit)
      throws IOException {
    int docFreq = te.docFreq();
    PostingsEnum pe = postings(leaf, field, te);
    Bits live = leaf.reader().getLiveDocs();
    int[] docs = new int[Math.min(docFreq, limit)];
    int k = 0;
    boolean complete = true;
    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
      if (live == null || live.get(d)) {
        if (k == docs.length) {
          complete = false;
          break;
        }
        docs[k++] = leaf.docBase + d;
      }
    }
    return new TermMemo.Postings(
        live == null,
        docFreq,
        k == docs.length ? docs : java.util.Arrays.copyOf(docs, k),
        complete);
  }

  int liveDoc(String id) throws IOException {
    TermMemo memo = memo();
    if (memo != null) {
      TermMemo.Postings[] ps = memo.id(id);
      if (ps == null) {
        ps = read(1, ID, id);
        memo.id(id, ps);
      }
      List<Integer> first = new ArrayList<>(1);
      int k = 0;
      for (int i = 0; i < ps.length && k == 0; i++) {
        k = TermMemo.take(ps[i], recent, first, 1);
      }
      if (k >= 0) {
        return k > 0 ? first.get(0) : -1;
      }
    }
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      TermsEnum te = cached(leaf, 1, ID);
      if (te != null && te.seekExact(term)) {
        PostingsEnum pe = postings(leaf, 1, te);
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
}
