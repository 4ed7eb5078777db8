package io.liaison.search.internal;

import java.io.IOException;
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
