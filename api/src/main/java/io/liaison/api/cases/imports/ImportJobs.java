package io.liaison.api.cases.imports;

import java.util.List;

/** Import jobs of this node, newest first. */
public record ImportJobs(List<ImportJob> jobs) {
  public ImportJobs {
    jobs = jobs == null ? List.of() : List.copyOf(jobs);
  }
}
