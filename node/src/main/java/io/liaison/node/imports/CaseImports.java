package io.liaison.node.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.Json;
import io.liaison.api.cases.imports.ImportField;
import io.liaison.api.cases.imports.ImportJob;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.api.cases.imports.ImportState;
import io.liaison.api.cases.imports.RowError;
import io.liaison.node.cases.CaseService;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.domain.NotFound;
import io.liaison.node.store.ImportTable;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports of a bureau's case register (CSV or XLSX in the bureau's own column names, mapped by its
 * saved {@link ImportMapping}). A job runs in two passes over the uploaded file, one row at a time
 * (never the whole file in memory), on a thread of its own:
 *
 * <ol>
 *   <li><b>validate</b> every row ({@link RowReader}: each error with its row and column, in
 *       Chinese; a case number twice in the file is an error). With any bad row the job is {@code
 *       REFUSED} and nothing is stored, unless the officer asked for the good rows only.
 *   <li><b>store</b> the good rows in batches of {@link #BATCH} (500): signed on this thread (while
 *       the batch before is committed), then {@link CaseService#shareBatch}: one store transaction
 *       per batch — which also records the job's next row — one {@code putAll} on the grid, the
 *       feed. Every other node takes them in as any shared case (verify, store, index, link).
 * </ol>
 *
 * The job's state is in the store ({@link ImportTable}); a node stopped mid-import goes on from the
 * first row not yet committed when it is ready again ({@link #resume}). A case number shared
 * already (by an earlier import or by hand) is skipped, never shared twice.
 */
public final class CaseImports {
  private static final Logger LOG = LoggerFactory.getLogger(CaseImports.class);

  /**
   * Rows a batch: 500 (one store transaction and one grid {@code putAll} each); the system property
   * {@code liaison.import.batchSize} changes it (tests make batches small to stop a node between
   * two of them).
   */
  public static final int BATCH = Integer.getInteger("liaison.import.batchSize", 500);

  public static final long MAX_BYTES = 512L * 1024 * 1024;
  private static final SecureRandom IDS = new SecureRandom();

  private final StoreExecutor store;
  private final CaseService cases;
  private final Path dir;
  private final Clock clock;
  private final Map<String, ImportJob> running = new ConcurrentHashMap<>();
  private final ExecutorService runner;
  private volatile boolean stopped;

  public CaseImports(StoreExecutor store, CaseService cases, Path dataDir, Clock clock) {
    this.store = store;
    this.cases = cases;
    this.dir = dataDir.resolve("imports");
    this.clock = clock;
    this.runner =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "liaison-import");
              t.setDaemon(true);
              return t;
            });
  }

  /** A new job's id and the file its upload goes to. */
  public record Upload(String id, Path file) {}

  public Upload newUpload(String format) throws IOException {
    Files.createDirectories(dir);
    String id = "imp-" + randomId();
    return new Upload(id, dir.resolve(id + "." + format));
  }

  private static String randomId() {
    byte[] b = new byte[8];
    IDS.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The bureau's saved mapping; 404 when none is saved. */
  public Future<ImportMapping> mapping() {
    return store
        .call(s -> s.imports().mapping())
        .map(
            m ->
                m.map(CaseImports::readMapping)
                    .orElseThrow(
                        () ->
                            new NotFound(
                                "no column mapping is saved; PUT /api/v1/cases/imports/mapping")));
  }

  public Future<ImportMapping> saveMapping(ImportMapping m) {
    String json = write(m);
    return store.transaction(
        s -> {
          s.imports().saveMapping(json);
          return m;
        });
  }

  /**
   * Starts an import of the uploaded file {@code up} with the saved mapping: the job is stored
   * ({@code VALIDATING}) and runs in the background.
   */
  public Future<ImportJob> start(
      Upload up,
      String format,
      Charset charset,
      String fileName,
      boolean goodRowsOnly,
      String officer) {
    return mapping()
        .compose(
            m -> {
              Instant now = now();
              ImportJob job =
                  new ImportJob(
                      up.id(),
                      ImportState.VALIDATING,
                      format,
                      charset == null ? null : charset.name(),
                      fileName,
                      goodRowsOnly,
                      officer,
                      now,
                      now,
                      0,
                      0,
                      0,
                      0,
                      0,
                      0,
                      List.of(),
                      List.of(),
                      null,
                      m);
              return store
                  .transaction(
                      s -> {
                        s.imports().put(row(job, up.file(), 0));
                        return job;
                      })
                  .onSuccess(j -> submit(j, up.file(), 0));
            });
  }

  /** The job, as it stands now (a running job's progress is live). */
  public Future<ImportJob> job(String id) {
    ImportJob live = running.get(id);
    if (live != null) {
      return Future.succeededFuture(live);
    }
    return store
        .call(s -> s.imports().get(id))
        .map(j -> j.map(x -> readJob(x.body())).orElseThrow(() -> new NotFound("no import " + id)));
  }

  /** The newest jobs first (their first errors left out: ask for a job to see them). */
  public Future<List<ImportJob>> jobs(int limit) {
    return store
        .call(s -> s.imports().list(limit))
        .map(
            rows ->
                rows.stream().map(r -> running.getOrDefault(r.id(), readJob(r.body()))).toList());
  }

  /** Goes on with every job a stop interrupted; call once the node is ready. */
  public Future<Void> resume() {
    return store
        .call(
            s ->
                s.imports()
                    .inState(List.of(ImportState.VALIDATING.name(), ImportState.STORING.name())))
        .map(
            rows -> {
              for (ImportTable.Job r : rows) {
                ImportJob j = readJob(r.body());
                LOG.info(
                    "import resumed job={} state={} nextRow={}", j.id(), j.state(), r.nextRow());
                submit(j, Path.of(r.file()), r.nextRow());
              }
              return null;
            });
  }

  /** Stops the runner; a job in progress is left as committed and resumed at the next start. */
  public void stop() {
    stopped = true;
    runner.shutdownNow();
  }

  private void submit(ImportJob job, Path file, long nextRow) {
    running.put(job.id(), job);
    runner.execute(
        () -> {
          try {
            run(job, file, nextRow);
          } catch (Stopped e) {
            LOG.info("import interrupted by a stop job={}", job.id());
          } catch (RuntimeException e) {
            LOG.warn("import failed job={} reason={}", job.id(), e.toString());
            try {
              finish(
                  with(
                      running.getOrDefault(job.id(), job),
                      ImportState.FAILED,
                      "导入中断：" + e.getMessage()),
                  file);
            } catch (RuntimeException again) {
              LOG.warn("import state not saved job={} reason={}", job.id(), again.toString());
            }
          } finally {
            running.remove(job.id());
          }
        });
  }

  private void run(ImportJob job, Path file, long nextRow) {
    ImportJob j = job;
    if (j.state() == ImportState.VALIDATING) {
      j = validate(j, file);
      if (j.state() != ImportState.STORING) {
        finish(j, file);
        return;
      }
      ImportJob validated = j;
      await(
          store.transaction(
              s -> {
                s.imports().put(row(validated, file, 0));
                return null;
              }));
      nextRow = 0;
    } else if (nextRow > 0) {
      List<Long> resumed = new ArrayList<>(j.resumedAtRows());
      resumed.add(nextRow);
      j = copy(j, j.state(), j.rowsStored(), j.rowsSkipped(), resumed, null);
    }
    j = storeRows(j, file, nextRow);
    finish(j, file);
  }

  /** Pass 1: every row read and checked; nothing stored. */
  private ImportJob validate(ImportJob job, Path file) {
    long read = 0;
    long valid = 0;
    long invalid = 0;
    long errorCount = 0;
    List<RowError> errors = new ArrayList<>();
    try (RegisterFile f = open(job, file)) {
      RegisterFile.Row header = firstRow(f);
      if (header == null) {
        return refused(job, List.of(new RowError(1, "", "文件是空的：没有表头，也没有数据行")), 0);
      }
      List<RowError> headerErrors = new ArrayList<>();
      RowReader rows = RowReader.of(cases.bureau(), job.mapping(), header, headerErrors);
      if (!headerErrors.isEmpty()) {
        return refused(job, headerErrors, 0);
      }
      Map<String, Long> numbers = new HashMap<>();
      while (f.hasNext()) {
        checkStopped();
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
          running.put(job.id(), counts(job, read, valid, invalid, errorCount, errors));
        }
      }
    } catch (IOException | RegisterFile.Unreadable e) {
      checkStopped(); // an interrupted read is a stop, not a bad file
      return with(job, ImportState.FAILED, e.getMessage());
    }
    ImportJob counted = counts(job, read, valid, invalid, errorCount, errors);
    if (read == 0) {
      return refused(counted, List.of(new RowError(2, "", "表头下没有数据行")), 1);
    }
    if (invalid > 0 && !job.goodRowsOnly()) {
      return with(counted, ImportState.REFUSED, null);
    }
    if (valid == 0) {
      return with(counted, ImportState.REFUSED, null);
    }
    return with(counted, ImportState.STORING, null);
  }

  /** Pass 2: the good rows from {@code nextRow} on, signed and shared a batch at a time. */
  private ImportJob storeRows(ImportJob job, Path file, long nextRow) {
    AtomicLong stored = new AtomicLong(job.rowsStored());
    AtomicLong skipped = new AtomicLong(job.rowsSkipped());
    ImportJob[] current = {job};
    Future<CaseService.BatchShared> inFlight = null;
    try (RegisterFile f = open(job, file)) {
      RegisterFile.Row header = firstRow(f);
      RowReader rows = RowReader.of(cases.bureau(), job.mapping(), header, new ArrayList<>());
      Set<String> numbers = new HashSet<>();
      List<SharedCase> batch = new ArrayList<>(BATCH);
      long last = 0;
      while (f.hasNext()) {
        checkStopped();
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
        if (batch.size() == BATCH) {
          inFlight = share(current, batch, last + 1, file, stored, skipped, inFlight);
          batch = new ArrayList<>(BATCH);
        }
      }
      if (!batch.isEmpty()) {
        inFlight = share(current, batch, last + 1, file, stored, skipped, inFlight);
      }
      if (inFlight != null) {
        await(inFlight);
      }
    } catch (IOException | RegisterFile.Unreadable e) {
      checkStopped(); // an interrupted read is a stop, not a bad file
      return with(current[0], ImportState.FAILED, e.getMessage());
    }
    return with(current[0], ImportState.DONE, null);
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
      await(before);
    }
    return cases.shareBatch(
        batch,
        (s, done) -> {
          ImportJob j =
              copy(
                  current[0],
                  ImportState.STORING,
                  stored.addAndGet(done.stored()),
                  skipped.addAndGet(done.skipped()),
                  current[0].resumedAtRows(),
                  null);
          s.imports().put(row(j, file, next));
          current[0] = j;
          running.put(j.id(), j);
        });
  }

  private void finish(ImportJob j, Path file) {
    ImportJob done = with(j, j.state(), j.failure());
    await(
        store.transaction(
            s -> {
              s.imports().put(row(done, file, 0));
              return null;
            }));
    running.remove(j.id());
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("import file not removed job={} file={}", j.id(), file);
    }
    LOG.info(
        "import finished job={} state={} read={} valid={} invalid={} stored={} skipped={}",
        j.id(),
        j.state(),
        j.rowsRead(),
        j.rowsValid(),
        j.rowsInvalid(),
        j.rowsStored(),
        j.rowsSkipped());
  }

  private static RegisterFile.Row firstRow(RegisterFile f) {
    while (f.hasNext()) {
      RegisterFile.Row r = f.next();
      if (!r.blank()) {
        return r;
      }
    }
    return null;
  }

  private static RegisterFile open(ImportJob job, Path file) throws IOException {
    return RegisterFile.open(
        file, job.format(), job.charset() == null ? null : Charset.forName(job.charset()));
  }

  private void checkStopped() {
    if (stopped || Thread.currentThread().isInterrupted()) {
      throw new Stopped();
    }
  }

  private <T> T await(Future<T> f) {
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

  private ImportJob refused(ImportJob j, List<RowError> errors, long read) {
    return new ImportJob(
        j.id(),
        ImportState.REFUSED,
        j.format(),
        j.charset(),
        j.fileName(),
        j.goodRowsOnly(),
        j.officer(),
        j.createdAt(),
        now(),
        read,
        0,
        read,
        0,
        0,
        errors.size(),
        errors,
        j.resumedAtRows(),
        null,
        j.mapping());
  }

  private ImportJob counts(
      ImportJob j, long read, long valid, long invalid, long errorCount, List<RowError> errors) {
    return new ImportJob(
        j.id(),
        j.state(),
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
        j.rowsStored(),
        j.rowsSkipped(),
        errorCount,
        errors,
        j.resumedAtRows(),
        j.failure(),
        j.mapping());
  }

  private ImportJob with(ImportJob j, ImportState state, String failure) {
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
        j.rowsRead(),
        j.rowsValid(),
        j.rowsInvalid(),
        j.rowsStored(),
        j.rowsSkipped(),
        j.errorCount(),
        j.errors(),
        j.resumedAtRows(),
        failure,
        j.mapping());
  }

  private ImportJob copy(
      ImportJob j,
      ImportState state,
      long stored,
      long skipped,
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
        j.rowsRead(),
        j.rowsValid(),
        j.rowsInvalid(),
        stored,
        skipped,
        j.errorCount(),
        j.errors(),
        resumed,
        failure,
        j.mapping());
  }

  private static ImportTable.Job row(ImportJob j, Path file, long nextRow) {
    return new ImportTable.Job(j.id(), j.state().name(), file.toString(), nextRow, write(j));
  }

  private static String write(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ImportJob readJob(String json) {
    try {
      return Json.mapper().readValue(json, ImportJob.class);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable import job", e);
    }
  }

  private static ImportMapping readMapping(String json) {
    try {
      return Json.mapper().readValue(json, ImportMapping.class);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable import mapping", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The node is stopping: the job stays as committed. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped", null, false, false);
    }
  }
}
