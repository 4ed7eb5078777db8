package io.liaison.node.imports;

import io.liaison.api.cases.imports.ImportJob;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.api.cases.imports.ImportState;
import io.liaison.node.cases.CaseService;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports of a bureau's case register (CSV or XLSX in the bureau's own column names, mapped by its
 * saved {@link ImportMapping}). A job runs in two passes over the uploaded file, one row at a time
 * (never the whole file in memory), on a thread of its own ({@link ValidationPass}, then {@link
 * StoringPass}; this class keeps the jobs, starts, resumes and finishes them):
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

  /**
   * The largest register a node takes: 512 MiB; the system property {@code liaison.import.maxBytes}
   * changes it (tests make it small to send more than it). Read on each upload, not once per JVM: a
   * test that sets it must not depend on whether another test loaded this class first.
   */
  public static long maxBytes() {
    return Long.getLong("liaison.import.maxBytes", 512L * 1024 * 1024);
  }

  private static final SecureRandom IDS = new SecureRandom();

  /** The states of a job that has not ended: it runs, or goes on when the node is ready. */
  private static final List<String> ACTIVE =
      List.of(ImportState.VALIDATING.name(), ImportState.STORING.name());

  private final StoreExecutor store;
  private final CaseService cases;
  private final Path dir;
  private final Map<String, ImportJob> running = new ConcurrentHashMap<>();
  private final ExecutorService runner;
  private final Runs runs = new Runs();
  private final Jobs jobs;
  private final ValidationPass validation;
  private final StoringPass storing;

  public CaseImports(StoreExecutor store, CaseService cases, Path dataDir, Clock clock) {
    this.store = store;
    this.cases = cases;
    this.dir = dataDir.resolve("imports");
    this.jobs = new Jobs(clock);
    this.validation = new ValidationPass(cases.bureau(), runs, jobs, j -> running.put(j.id(), j));
    this.storing = new StoringPass(cases, runs, jobs, j -> running.put(j.id(), j));
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
                m.map(Jobs::readMapping)
                    .orElseThrow(
                        () ->
                            new NotFound(
                                "no column mapping is saved; PUT /api/v1/cases/imports/mapping")));
  }

  public Future<ImportMapping> saveMapping(ImportMapping m) {
    String json = Jobs.write(m);
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
              Instant now = jobs.now();
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
                        s.imports().put(Jobs.row(job, up.file(), 0));
                        return job;
                      })
                  .onSuccess(this::submit);
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
        .map(
            j ->
                j.map(x -> Jobs.readJob(x.body()))
                    .orElseThrow(() -> new NotFound("no import " + id)));
  }

  /** The newest jobs first (their first errors left out: ask for a job to see them). */
  public Future<List<ImportJob>> jobs(int limit) {
    return store
        .call(s -> s.imports().list(limit))
        .map(
            rows ->
                rows.stream()
                    .map(r -> running.getOrDefault(r.id(), Jobs.readJob(r.body())))
                    .toList());
  }

  /** Goes on with every job a stop interrupted; call once the node is ready. */
  public Future<Void> resume() {
    return store
        .call(s -> s.imports().inState(ACTIVE))
        .map(
            rows -> {
              for (ImportTable.Job r : rows) {
                ImportJob j = Jobs.readJob(r.body());
                LOG.info(
                    "import resumed job={} state={} nextRow={}", j.id(), j.state(), r.nextRow());
                submit(j);
              }
              return null;
            });
  }

  /** Stops the runner; a job in progress is left as committed and resumed at the next start. */
  public void stop() {
    runs.stop();
    runner.shutdownNow();
  }

  /**
   * Queues {@code job} on the runner unless it is queued or running already; when its turn comes it
   * runs from what the store holds then (its state and next row), so a job that ended or went on
   * meanwhile is neither run again nor counted twice.
   */
  private void submit(ImportJob job) {
    if (running.putIfAbsent(job.id(), job) != null) {
      LOG.info("import already queued or running job={}", job.id());
      return;
    }
    runner.execute(
        () -> {
          ImportJob current = job;
          Path file = null;
          try {
            ImportTable.Job r = runs.await(store.call(s -> s.imports().get(job.id()))).orElse(null);
            if (r == null || !ACTIVE.contains(r.state())) {
              LOG.info("import not run: it has ended job={}", job.id());
              return;
            }
            current = Jobs.readJob(r.body());
            file = Path.of(r.file());
            run(current, file, r.nextRow());
          } catch (Runs.Stopped e) {
            LOG.info("import interrupted by a stop job={}", job.id());
          } catch (RuntimeException e) {
            LOG.warn("import failed job={} reason={}", job.id(), e.toString());
            if (file != null) {
              try {
                finish(
                    jobs.with(
                        running.getOrDefault(job.id(), current),
                        ImportState.FAILED,
                        "导入中断：" + e.getMessage()),
                    file);
              } catch (RuntimeException again) {
                LOG.warn("import state not saved job={} reason={}", job.id(), again.toString());
              }
            }
          } finally {
            running.remove(job.id());
          }
        });
  }

  private void run(ImportJob job, Path file, long nextRow) {
    ImportJob j = job;
    if (j.state() == ImportState.VALIDATING) {
      j = validation.run(j, file);
      if (j.state() != ImportState.STORING) {
        finish(j, file);
        return;
      }
      ImportJob validated = j;
      runs.await(
          store.transaction(
              s -> {
                s.imports().put(Jobs.row(validated, file, 0));
                return null;
              }));
      nextRow = 0;
    } else if (nextRow > 0) {
      List<Long> resumed = new ArrayList<>(j.resumedAtRows());
      resumed.add(nextRow);
      j = jobs.stored(j, j.state(), j.rowsStored(), j.rowsSkipped(), resumed, null);
    }
    j = storing.run(j, file, nextRow);
    finish(j, file);
  }

  private void finish(ImportJob j, Path file) {
    ImportJob done = jobs.with(j, j.state(), j.failure());
    runs.await(
        store.transaction(
            s -> {
              s.imports().put(Jobs.row(done, file, 0));
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
}
