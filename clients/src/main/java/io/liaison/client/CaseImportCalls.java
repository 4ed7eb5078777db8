package io.liaison.client;

import io.liaison.api.cases.imports.ImportJob;
import io.liaison.api.cases.imports.ImportJobs;
import io.liaison.api.cases.imports.ImportMapping;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Imports of this bureau's case register ({@code /api/v1/cases/imports}): the column mapping saved
 * for the bureau, the upload of a CSV (UTF-8 or GBK) or XLSX file (streamed from disk), and the
 * job's progress. Obtain with {@link LiaisonClient#caseImports()}.
 */
public final class CaseImportCalls {
  static final String BASE = "/api/v1/cases/imports";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final LiaisonClient client;
  private final Transport transport;

  CaseImportCalls(LiaisonClient client, Transport transport) {
    this.client = client;
    this.transport = transport;
  }

  /** The bureau's saved column mapping. */
  public ImportMapping mapping() {
    return client.get(BASE + "/mapping", ImportMapping.class);
  }

  /** Saves the bureau's column mapping (used by every later import). */
  public ImportMapping saveMapping(ImportMapping mapping) {
    return client.put(BASE + "/mapping", mapping, ImportMapping.class);
  }

  /**
   * Uploads a register and starts its import with the saved mapping; answers at once with the job
   * ({@code VALIDATING}). {@code charset} (CSV only) null to let the node tell UTF-8 from GBK.
   */
  public ImportJob start(Path file, boolean goodRowsOnly, String charset) {
    String name = file.getFileName().toString();
    String type = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : "text/csv";
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(file);
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    String query =
        "?fileName="
            + ApiPaths.encode(name)
            + (goodRowsOnly ? "&goodRowsOnly=true" : "")
            + (charset == null ? "" : "&charset=" + ApiPaths.encode(charset));
    HttpRequest r =
        transport
            .request(BASE + query)
            .timeout(Duration.ofMinutes(30))
            .header("Content-Type", type)
            .POST(body)
            .build();
    return transport.send(r, ImportJob.class);
  }

  /** The job as it stands. */
  public ImportJob job(String id) {
    return client.get(BASE + "/" + ApiPaths.encode(id), ImportJob.class);
  }

  /** This node's import jobs, newest first. */
  public ImportJobs jobs(int limit) {
    return client.get(BASE + "?limit=" + limit, ImportJobs.class);
  }

  /**
   * Polls the job every {@code every} until it has ended, telling {@code progress} each state seen;
   * returns the last.
   */
  public ImportJob await(String id, Duration every, Consumer<ImportJob> progress) {
    while (true) {
      ImportJob j = job(id);
      progress.accept(j);
      if (j.state().finished()) {
        return j;
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return j;
      }
    }
  }
}
