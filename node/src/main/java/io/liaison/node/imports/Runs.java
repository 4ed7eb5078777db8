package io.liaison.node.imports;

import io.liaison.api.cases.imports.ImportJob;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What both passes of a job share on the import thread: whether the node is stopping, waiting for
 * the store, and opening the job's file at its header row.
 */
final class Runs {
  private volatile boolean stopped;

  void stop() {
    stopped = true;
  }

  /** Throws {@link Stopped} when the node is stopping or the import thread was interrupted. */
  void checkStopped() {
    if (stopped || Thread.currentThread().isInterrupted()) {
      throw new Stopped();
    }
  }

  /** The future's value, waited for on the import thread (at most 5 minutes). */
  <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    } catch (ExecutionException e) {
      if (stopped) {
        throw new Stopped();
      }
      Throwable c = e.getCause();
      throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the store did not answer in 5 minutes");
    }
  }

  static RegisterFile open(ImportJob job, Path file) throws IOException {
    return RegisterFile.open(
        file, job.format(), job.charset() == null ? null : Charset.forName(job.charset()));
  }

  /** The first row that is not blank (the header), or null. */
  static RegisterFile.Row firstRow(RegisterFile f) {
    while (f.hasNext()) {
      RegisterFile.Row r = f.next();
      if (!r.blank()) {
        return r;
      }
    }
    return null;
  }

  /** The node is stopping: the job stays as committed. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped", null, false, false);
    }
  }
}
