package io.liaison.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * Writes that respect versions: a document replaces the one with the same id only if its rank is
 * higher. Ranks of writes the searcher cannot see yet come from {@link LiveVersions}, which {@link
 * #refresh} swaps around each reopen. Writes of different ids run in parallel (lock stripes);
 * writes of one id are serialised, so check and write are atomic.
 */
public final class VersionedWriter {
  private static final int STRIPES = 64;

  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final LiveVersions versions = new LiveVersions();
  private final Object[] stripes = new Object[STRIPES];
  private final ReentrantLock refreshLock = new ReentrantLock();

  public VersionedWriter(IndexWriter writer, SearcherManager searchers) {
    this.writer = writer;
    this.searchers = searchers;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /**
   * Writes {@code doc} for {@code id} if {@code rank} is higher than the current one (a tombstone
   * also when equal, so a repeated delete is harmless).
   *
   * @return whether it was written
   */
  public boolean write(String id, long rank, boolean tombstone, Document doc) throws IOException {
    synchronized (stripes[Math.floorMod(id.hashCode(), STRIPES)]) {
      long current = currentRank(id);
      if (tombstone ? rank < current : rank <= current) {
        return false;
      }
      writer.updateDocument(new Term(Schema.ID, id), doc);
      versions.put(id, rank); // after the write: see LiveVersions
      return true;
    }
  }

  /** A document to write with its id and rank (see {@link #writeAll}). */
  public record Write(String id, long rank, Document doc) {}

  /**
   * Writes each document whose rank is higher than its id's current one, as {@link #write} would
   * one by one, with one {@link IndexWriter#addDocuments} call for the ids the index does not hold
   * yet (an import's new records, the usual case: no delete term to apply) and one {@link
   * IndexWriter#updateDocument} for each of the others. Of one id given twice the higher rank
   * counts. The ids' stripes are held together (taken in order), so no write of these ids runs in
   * between.
   *
   * @return the number of documents written
   */
  public int writeAll(List<Write> writes) throws IOException {
    Map<String, Write> byId = new LinkedHashMap<>();
    for (Write w : writes) {
      Write had = byId.get(w.id());
      if (had == null || w.rank() > had.rank()) {
        byId.put(w.id(), w);
      }
    }
    TreeSet<Integer> held = new TreeSet<>();
    for (String id : byId.keySet()) {
      held.add(Math.floorMod(id.hashCode(), STRIPES));
    }
    return underStripes(new ArrayList<>(held), 0, byId);
  }

  private int underStripes(List<Integer> held, int i, Map<String, Write> byId) throws IOException {
    if (i < held.size()) {
      synchronized (stripes[held.get(i)]) {
        return underStripes(held, i + 1, byId);
      }
    }
    List<Write> fresh = new ArrayList<>();
    List<Write> replacing = new ArrayList<>();
    for (Write w : byId.values()) {
      long current = currentRank(w.id());
      if (w.rank() <= current) {
        continue;
      }
      (current < 0 ? fresh : replacing).add(w);
    }
    if (!fresh.isEmpty()) {
      writer.addDocuments(fresh.stream().map(Write::doc).toList());
      fresh.forEach(w -> versions.put(w.id(), w.rank())); // after the write: see LiveVersions
    }
    for (Write w : replacing) {
      writer.updateDocument(new Term(Schema.ID, w.id()), w.doc());
      versions.put(w.id(), w.rank());
    }
    return fresh.size() + replacing.size();
  }

  /** The rank of {@code id} counting writes not yet refreshed, or -1. */
  public long currentRank(String id) throws IOException {
    Long live = versions.get(id);
    if (live != null) {
      return live;
    }
    IndexSearcher s = searchers.acquire();
    try {
      return Searches.indexedRank(s.getIndexReader(), id);
    } finally {
      searchers.release(s);
    }
  }

  /** Reopens the searcher so that every write so far is visible. */
  public void refresh() throws IOException {
    refreshLock.lock();
    boolean ok = false;
    try {
      versions.beforeRefresh();
      searchers.maybeRefreshBlocking();
      ok = true;
    } finally {
      versions.afterRefresh(ok);
      refreshLock.unlock();
    }
  }

  /** Forgets the live versions; only while no write can run (during a rebuild). */
  public void reset() {
    versions.clear();
  }
}
