package io.liaison.search.internal;

import io.liaison.search.SearchDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

/**
 * Adds many documents with several threads: the caller's thread reads the documents and hands
 * batches to workers, which build the Lucene documents (identifier extraction) and add them
 * (analysis). At most two batches per worker are in flight, so memory stays flat whatever the size.
 */
public final class BulkLoader {
  private static final int BATCH = 256;
  private static final long REPORT_EVERY = 10_000;

  private BulkLoader() {}

  /** Adds every document; returns how many. Progress is reported on the caller's thread. */
  public static long load(
      IndexWriter writer, Iterable<SearchDocument> documents, int threads, LongConsumer progress)
      throws IOException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "case-index-rebuild");
              t.setDaemon(true);
              return t;
            });
    Semaphore inFlight = new Semaphore(threads * 2);
    AtomicLong done = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long reported = 0;
    try {
      List<SearchDocument> batch = new ArrayList<>(BATCH);
      for (SearchDocument d : documents) {
        batch.add(d);
        if (batch.size() == BATCH) {
          submit(pool, inFlight, writer, batch, done, failure);
          batch = new ArrayList<>(BATCH);
          if (done.get() - reported >= REPORT_EVERY) {
            reported = done.get();
            progress.accept(reported);
          }
        }
      }
      if (!batch.isEmpty()) {
        submit(pool, inFlight, writer, batch, done, failure);
      }
    } finally {
      // Never interrupt a thread inside IndexWriter: an interrupted channel closes the writer.
      pool.shutdown();
      inFlight.acquireUninterruptibly(threads * 2);
      inFlight.release(threads * 2);
    }
    Throwable t = failure.get();
    if (t instanceof IOException e) {
      throw e;
    } else if (t instanceof RuntimeException e) {
      throw e;
    } else if (t != null) {
      throw new IllegalStateException("rebuild failed", t);
    }
    return done.get();
  }

  private static void submit(
      ExecutorService pool,
      Semaphore inFlight,
      IndexWriter writer,
      List<SearchDocument> batch,
      AtomicLong done,
      AtomicReference<Throwable> failure) {
    if (failure.get() != null) {
      throw new IllegalStateException("rebuild failed", failure.get());
    }
    inFlight.acquireUninterruptibly();
    pool.execute(
        () -> {
          try {
            List<Document> docs = new ArrayList<>(batch.size());
            for (SearchDocument d : batch) {
              docs.add(Schema.toDocument(d));
            }
            writer.addDocuments(docs);
            done.addAndGet(docs.size());
          } catch (IOException e) {
            failure.compareAndSet(null, new UncheckedIOException(e));
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          } finally {
            inFlight.release();
          }
        });
  }
}
