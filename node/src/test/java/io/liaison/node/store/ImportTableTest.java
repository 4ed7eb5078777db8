package io.liaison.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import jobs in a real store file: their order does not move when a job makes progress. */
class ImportTableTest {
  @TempDir Path dir;

  static ImportTable.Job job(String id, String state, long nextRow) {
    return new ImportTable.Job(id, state, "/tmp/" + id, nextRow, "{\"id\":\"" + id + "\"}");
  }

  @Test
  void aJobsProgressKeepsItsPlaceNewestFirstAndOldestFirst() throws Exception {
    try (Store s = Store.open(dir.resolve("liaison.db"))) {
      s.runBatch(
          List.of(
              st -> {
                st.imports().put(job("imp-a", "STORING", 0));
                return null;
              },
              st -> {
                st.imports().put(job("imp-b", "STORING", 0));
                return null;
              },
              // a's next batch committed after b was created
              st -> {
                st.imports().put(job("imp-a", "STORING", 501));
                return null;
              }));
      assertThat(s.imports().list(10))
          .extracting(ImportTable.Job::id)
          .containsExactly("imp-b", "imp-a");
      assertThat(s.imports().inState(List.of("STORING")))
          .extracting(ImportTable.Job::id)
          .containsExactly("imp-a", "imp-b");
      assertThat(s.imports().get("imp-a").orElseThrow().nextRow()).isEqualTo(501);
    }
  }
}
