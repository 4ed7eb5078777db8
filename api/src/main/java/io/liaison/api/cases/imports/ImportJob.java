package io.liaison.api.cases.imports;

import java.time.Instant;
import java.util.List;

/**
 * An import of a case register and its progress. Rows are counted as read (every non-blank row
 * under the header), valid and invalid (after validation), stored (shared by this import) and
 * skipped (a case of that number was shared already: an import never shares a case twice).
 *
 * @param id the job id
 * @param state where it stands
 * @param format {@code csv} or {@code xlsx}
 * @param charset the CSV's character set as named by the officer (null: told from the file)
 * @param fileName the file's name as uploaded, or null
 * @param goodRowsOnly whether the good rows are shared despite bad ones
 * @param officer who started it
 * @param createdAt when it was started
 * @param updatedAt when its state last changed
 * @param rowsRead rows read so far
 * @param rowsValid rows found valid
 * @param rowsInvalid rows with at least one error
 * @param rowsStored rows shared by this job
 * @param rowsSkipped rows whose case was shared already
 * @param errorCount every error found (the list shows the first {@value #MAX_ERRORS})
 * @param errors the first errors, by row
 * @param resumedAtRows the rows the job went on from after a node restart, if it was interrupted
 * @param failure why the file could not be read, or null
 * @param mapping the column mapping it uses
 */
public record ImportJob(
    String id,
    ImportState state,
    String format,
    String charset,
    String fileName,
    boolean goodRowsOnly,
    String officer,
    Instant createdAt,
    Instant updatedAt,
    long rowsRead,
    long rowsValid,
    long rowsInvalid,
    long rowsStored,
    long rowsSkipped,
    long errorCount,
    List<RowError> errors,
    List<Long> resumedAtRows,
    String failure,
    ImportMapping mapping) {
  public static final int MAX_ERRORS = 1000;

  public ImportJob {
    errors = errors == null ? List.of() : List.copyOf(errors);
    resumedAtRows = resumedAtRows == null ? List.of() : List.copyOf(resumedAtRows);
  }
}
