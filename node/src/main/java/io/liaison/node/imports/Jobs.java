package io.liaison.node.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.Json;
import io.liaison.api.cases.imports.ImportJob;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.api.cases.imports.ImportState;
import io.liaison.api.cases.imports.RowError;
import io.liaison.node.store.ImportTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An import job's next versions (each stamped with the clock's time, to the millisecond) and the
 * job and mapping as the store keeps them (JSON in {@link ImportTable}).
 */
final class Jobs {
  private final Clock clock;

  Jobs(Clock clock) {
    this.clock = clock;
  }

  /** {@code j} in {@code state}, with {@code failure} (null when none). */
  ImportJob with(ImportJob j, ImportState state, String failure) {
    return stored(j, state, j.rowsStored(), j.rowsSkipped(), j.resumedAtRows(), failure);
  }

  /** {@code j} with the store pass's counts and the rows it was resumed at. */
  ImportJob stored(
      ImportJob j,
      ImportState state,
      long stored,
      long skipped,
      List<Long> resumed,
      String failure) {
    return next(
        j,
        state,
        j.rowsRead(),
        j.rowsValid(),
        j.rowsInvalid(),
        stored,
        skipped,
        j.errorCount(),
        j.errors(),
        resumed,
        failure);
  }

  /** {@code j} with the validation pass's counts and its first errors. */
  ImportJob counted(
      ImportJob j, long read, long valid, long invalid, long errorCount, List<RowError> errors) {
    return next(
        j,
        j.state(),
        read,
        valid,
        invalid,
        j.rowsStored(),
        j.rowsSkipped(),
        errorCount,
        errors,
        j.resumedAtRows(),
        j.failure());
  }

  /** {@code j} refused for {@code errors}, {@code read} rows read (all of them counted invalid). */
  ImportJob refused(ImportJob j, List<RowError> errors, long read) {
    return next(
        j,
        ImportState.REFUSED,
        read,
        0,
        read,
        0,
        0,
        errors.size(),
        errors,
        j.resumedAtRows(),
        null);
  }

  private ImportJob next(
      ImportJob j,
      ImportState state,
      long read,
      long valid,
      long invalid,
      long stored,
      long skipped,
      long errorCount,
      List<RowError> errors,
      List<Long> resumed,
      String failure) {
    return new ImportJob(
        j.id(),
        state,
        j.format(),
        j.charset(),
        j.fileName(),
        j.goodRowsOnly(),
        j.officer(),
        j.createdAt(),
        now(),
        read,
        valid,
        invalid,
        stored,
        skipped,
        errorCount,
        errors,
        resumed,
        failure,
        j.mapping());
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static ImportTable.Job row(ImportJob j, Path file, long nextRow) {
    return new ImportTable.Job(j.id(), j.state().name(), file.toString(), nextRow, write(j));
  }

  static String write(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ImportJob readJob(String json) {
    try {
      return Json.mapper().readValue(json, ImportJob.class);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable import job", e);
    }
  }

  static ImportMapping readMapping(String json) {
    try {
      return Json.mapper().readValue(json, ImportMapping.class);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable import mapping", e);
    }
  }
}
