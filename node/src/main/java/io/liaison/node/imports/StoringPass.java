package io.liaison.node.imports;

import io.liaison.api.cases.imports.ImportJob;
import io.liaison.api.cases.imports.ImportState;
import io.liaison.node.cases.CaseService;
import io.liaison.node.cases.SharedCase;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Pass 2 of an import: the good rows from the first one not yet committed, signed on the import
 * thread a batch of {@link CaseImports#BATCH} at a time (while the batch before is committed) and
 * shared by {@link CaseService#shareBatch}, whose store transaction also records the job's next row
 * — so a node stopped between two batches goes on exactly where it was.
 */
final class StoringPass {
  private final CaseService cases;
  private final Runs runs;
  private final Jobs jobs;
  private final Consumer<ImportJob> progress;

  /** {@code progress} is told the job as each batch commits. */
  StoringPass(CaseService cases, Runs runs, Jobs jobs, Consumer<ImportJob> progress) {
    this.cases = cases;
    this.runs = runs;
    this.jobs = jobs;
    this.progress = progress;
  }

  /** The good rows from {@code nextRow} on; the job comes out {@code DONE} (or {@code FAILED}). */
  ImportJob run(ImportJob job, Path file, long nextRow) {
    AtomicLong stored = new AtomicLong(job.rowsStored());
    AtomicLong skipped = new AtomicLong(job.rowsSkipped());
    ImportJob[] current = {job};
    Future<CaseService.BatchShared> inFlight = null;
    try (RegisterFile f = Runs.open(job, file)) {
      RegisterFile.Row header = Runs.firstRow(f);
      RowReader rows = RowReader.of(cases.bureau(), job.mapping(), header, new ArrayList<>());
      Set<String> numbers = new HashSet<>();
      List<SharedCase> batch = new ArrayList<>(CaseImports.BATCH);
      long last = 0;
      while (f.hasNext()) {
        runs.checkStopped();
        RegisterFile.Row row = f.next();
        if (row.blank()) {
          continue;
        }
        String number = rows.caseNumber(row);
        boolean firstOfNumber = number == null || numbers.add(number);
        if (row.line() < nextRow || !firstOfNumber) {
          continue; // committed before a stop, or a repeated number (an error of pass 1)
        }
        RowReader.Result r = rows.read(row);
        if (!r.valid()) {
          continue;
        }
        batch.add(cases.signNew(r.record()));
        last = row.line();
        if (batch.size() == CaseImports.BATCH) {
          inFlight = share(current, batch, last + 1, file, stored, skipped, inFlight);
          batch = new ArrayList<>(CaseImports.BATCH);
        }
      }
      if (!batch.isEmpty()) {
        inFlight = share(current, batch, last + 1, file, stored, skipped, inFlight);
      }
      if (inFlight != null) {
        runs.await(inFlight);
      }
    } catch (IOException | RegisterFile.Unreadable e) {
      runs.checkStopped(); // an interrupted read is a stop, not a bad file
      return jobs.with(current[0], ImportState.FAILED, e.getMessage());
    }
    return jobs.with(current[0], ImportState.DONE, null);
  }

  /** Waits for the batch before, then commits {@code batch} with the job's progress. */
  private Future<CaseService.BatchShared> share(
      ImportJob[] current,
      List<SharedCase> batch,
      long next,
      Path file,
      AtomicLong stored,
      AtomicLong skipped,
      Future<CaseService.BatchShared> before) {
    if (before != null) {
      runs.await(before);
    }
    return cases.shareBatch(
        batch,
        (s, done) -> {
          ImportJob j =
              jobs.stored(
                  current[0],
                  ImportState.STORING,
                  stored.addAndGet(done.stored()),
                  skipped.addAndGet(done.skipped()),
                  current[0].resumedAtRows(),
                  null);
          s.imports().put(Jobs.row(j, file, next));
          current[0] = j;
          progress.accept(j);
        });
  }
}
