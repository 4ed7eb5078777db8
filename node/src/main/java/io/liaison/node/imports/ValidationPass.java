package io.liaison.node.imports;

import io.liaison.api.BureauId;
import io.liaison.api.cases.imports.ImportField;
import io.liaison.api.cases.imports.ImportJob;
import io.liaison.api.cases.imports.ImportState;
import io.liaison.api.cases.imports.RowError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pass 1 of an import: every row of the file read and checked ({@link RowReader}; a case number
 * twice in the file is an error), nothing stored. The job comes out {@code STORING} when its rows
 * may be stored, else {@code REFUSED} (or {@code FAILED} for a file that cannot be read).
 */
final class ValidationPass {
  private final BureauId bureau;
  private final Runs runs;
  private final Jobs jobs;
  private final Consumer<ImportJob> progress;

  /** {@code progress} is told the job's counts every 1,000 rows. */
  ValidationPass(BureauId bureau, Runs runs, Jobs jobs, Consumer<ImportJob> progress) {
    this.bureau = bureau;
    this.runs = runs;
    this.jobs = jobs;
    this.progress = progress;
  }

  ImportJob run(ImportJob job, Path file) {
    long read = 0;
    long valid = 0;
    long invalid = 0;
    long errorCount = 0;
    List<RowError> errors = new ArrayList<>();
    try (RegisterFile f = Runs.open(job, file)) {
      RegisterFile.Row header = Runs.firstRow(f);
      if (header == null) {
        return jobs.refused(job, List.of(new RowError(1, "", "文件是空的：没有表头，也没有数据行")), 0);
      }
      List<RowError> headerErrors = new ArrayList<>();
      RowReader rows = RowReader.of(bureau, job.mapping(), header, headerErrors);
      if (!headerErrors.isEmpty()) {
        return jobs.refused(job, headerErrors, 0);
      }
      Map<String, Long> numbers = new HashMap<>();
      while (f.hasNext()) {
        runs.checkStopped();
        RegisterFile.Row row = f.next();
        if (row.blank()) {
          continue;
        }
        read++;
        RowReader.Result r = rows.read(row);
        List<RowError> es = new ArrayList<>(r.errors());
        String number = rows.caseNumber(row);
        if (number != null) {
          Long first = numbers.putIfAbsent(number, row.line());
          if (first != null) {
            es.add(
                new RowError(
                    row.line(),
                    job.mapping().columns().stream()
                        .filter(c -> c.field() == ImportField.CASE_NUMBER)
                        .findFirst()
                        .map(c -> c.column())
                        .orElse(""),
                    "案件编号「" + number + "」与第 " + first + " 行重复"));
          }
        }
        if (es.isEmpty()) {
          valid++;
        } else {
          invalid++;
          errorCount += es.size();
          for (RowError e : es) {
            if (errors.size() < ImportJob.MAX_ERRORS) {
              errors.add(e);
            }
          }
        }
        if (read % 1000 == 0) {
          progress.accept(jobs.counted(job, read, valid, invalid, errorCount, errors));
        }
      }
    } catch (IOException | RegisterFile.Unreadable e) {
      runs.checkStopped(); // an interrupted read is a stop, not a bad file
      return jobs.with(job, ImportState.FAILED, e.getMessage());
    }
    ImportJob counted = jobs.counted(job, read, valid, invalid, errorCount, errors);
    if (read == 0) {
      return jobs.refused(counted, List.of(new RowError(2, "", "表头下没有数据行")), 1);
    }
    if (invalid > 0 && !job.goodRowsOnly()) {
      return jobs.with(counted, ImportState.REFUSED, null);
    }
    if (valid == 0) {
      return jobs.with(counted, ImportState.REFUSED, null);
    }
    return jobs.with(counted, ImportState.STORING, null);
  }
}
