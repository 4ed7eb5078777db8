package io.liaison.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.admin.QuarantineEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable store on a real SQLite file: group commit, reopen, corruption. */
class StoreTest {
  @TempDir Path dir;

  static StoredRecord rec(String id, String body) {
    return new StoredRecord(
        id, "lead", "150924", Instant.ofEpochMilli(1000), "h-" + body, body, null);
  }

  @Test
  void numberedIdsAreTheSeqsOfOneBureausAuditEntriesInNumericOrder() {
    try (Store s = Store.open(dir.resolve("liaison.db"))) {
      for (String id :
          List.of(
              "140222/10",
              "140222/2",
              "140222/1",
              "140222/x1",
              "140222/",
              "1402220/5",
              "14022/3",
              "150924/4")) {
        s.putRecord(
            new StoredRecord(
                id, "audit", "140222", Instant.ofEpochMilli(1000), "h-" + id, "{}", null));
      }
      s.putRecord(rec("140222/7", "lead, not audit"));
      assertThat(s.numberedIds("audit", "140222/")).containsExactly(1, 2, 10);
      assertThat(s.numberedIds("audit", "150924/")).containsExactly(4);
      assertThat(s.numberedIds("audit", "140221/")).isEmpty();
      assertThat(s.origins("audit")).containsExactly("140222");
    }
  }

  @Test
  void aFailingUnitOfABatchRollsBackAloneAndTheRestIsDurable() {
    Path file = dir.resolve("liaison.db");
    try (Store s = Store.open(file)) {
      List<Function<Store, ?>> units =
          List.of(
              st -> st.putRecord(rec("a", "1")),
              st -> {
                st.putRecord(rec("b", "2"));
                throw new IllegalStateException("boom");
              },
              st -> st.putRecord(rec("c", "3")));
      List<Object> results = s.runBatch(units);
      assertThat(results.get(0)).isEqualTo(true);
      assertThat(results.get(1)).isInstanceOf(Store.Failed.class);
      assertThat(results.get(2)).isEqualTo(true);
      // only what was committed is known: a grid echo of "b" must still be verified and stored
      assertThat(s.known().holds("a", "h-1")).isTrue();
      assertThat(s.known().holds("b", "h-2")).isFalse();
      assertThat(s.known().holds("c", "h-3")).isTrue();
      assertThat(s.known().holds("c", "h-other")).isFalse();
    }
    try (Store again = Store.open(file)) {
      // a fresh store knows nothing yet: holds() reads the file (through its own connection)
      assertThat(again.known().holds("a", "h-1")).isFalse();
      assertThat(again.holds("a", "h-1")).isTrue();
      assertThat(again.known().holds("a", "h-1")).as("remembered").isTrue();
      assertThat(again.holds("a", "h-other")).isFalse();
      assertThat(again.holds("b", "h-2")).as("rolled back").isFalse();
      assertThat(again.record("a")).isPresent();
      assertThat(again.record("b")).isEmpty();
      assertThat(again.record("c")).isPresent();
      assertThat(again.putRecord(rec("a", "1"))).as("same hash changes nothing").isFalse();
    }
  }

  @Test
  void committedReadsSeeOnlyCommittedWorkAndStopWithTheStore() {
    Store s = Store.open(dir.resolve("liaison.db"));
    s.runBatch(List.of(st -> st.putRecord(rec("a", "1"))));
    // a batch still running is not seen by the read-only connection, its committed data is
    List<Object> seen =
        s.runBatch(
            List.of(
                st -> {
                  st.putRecord(rec("b", "2"));
                  return List.of(
                      st.committedRecord("a").isPresent(), st.committedRecord("b").isPresent());
                }));
    assertThat(seen.get(0)).isEqualTo(List.of(true, false));
    assertThat(s.committedRecord("b")).isPresent();
    assertThat(s.committedRecord("b").get().hash()).isEqualTo("h-2");
    s.close();
    assertThatThrownBy(() -> s.committedRecord("a"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aBatchWhoseCommitFailsLeavesNothingKnown() {
    try (Store s = Store.open(dir.resolve("liaison.db"))) {
      List<Function<Store, ?>> units =
          List.of(
              st -> st.putRecord(rec("a", "1")),
              st -> {
                st.update("COMMIT"); // ends the transaction under the batch: the batch fails
                return null;
              });
      assertThatThrownBy(() -> s.runBatch(units)).isInstanceOf(StoreException.class);
      assertThat(s.known().holds("a", "h-1")).isFalse();
    }
  }

  @Test
  void theQuarantineKeepsEachValueOnceAndAtMostItsCap() {
    try (Store s = Store.open(dir.resolve("liaison.db"))) {
      assertThat(s.quarantine("lead/a", "BAD_SIGNATURE", "d", "h1", 10_000_000, "[{", 3)).isTrue();
      assertThat(s.quarantine("lead/a", "BAD_SIGNATURE", "d", "h1", 10_000_000, "[{", 3))
          .as("the same value under the same key again")
          .isFalse();
      for (int i = 2; i <= 5; i++) {
        assertThat(s.quarantine("lead/a", "BAD_SIGNATURE", "d", "h" + i, 10, "x", 3)).isTrue();
      }
      assertThat(s.quarantineCount()).isEqualTo(3);
      List<QuarantineEntry> kept = s.quarantined(10);
      assertThat(kept).extracting(QuarantineEntry::sha256).containsExactly("h5", "h4", "h3");
      assertThat(kept.get(0).size()).isEqualTo(10);
      assertThat(kept.get(0).prefix()).isEqualTo("x");
    }
  }

  @Test
  void knownRecordsForgetTheLeastRecentlyUsedBeyondTheirBound() {
    KnownRecords k = new KnownRecords(2);
    k.remember("a", "1");
    k.remember("b", "2");
    assertThat(k.holds("a", "1")).isTrue(); // a is now the most recently used
    k.remember("c", "3");
    assertThat(k.holds("b", "2")).isFalse();
    assertThat(k.holds("a", "1")).isTrue();
    assertThat(k.holds("c", "3")).isTrue();
  }

  @Test
  void aCorruptFileIsRefusedWithAClearMessage() throws IOException {
    Path file = dir.resolve("liaison.db");
    try (Store s = Store.open(file)) {
      for (int i = 0; i < 200; i++) {
        s.putRecord(rec("id-" + i, "x".repeat(500) + i));
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 4096; i < bytes.length; i += 7) {
      bytes[i] = (byte) 0x5A;
    }
    Files.write(file, bytes);
    assertThatThrownBy(() -> Store.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("liaison.db");
  }

  @Test
  void theFullCheckIsSkippedOnlyForAFileClosedCleanlyAndUnchangedSince() throws IOException {
    Path file = dir.resolve("liaison.db");
    try (Store s = Store.open(file)) {
      for (int i = 0; i < 200; i++) {
        s.putRecord(rec("id-" + i, "x".repeat(500) + i));
      }
    }
    Path marker = dir.resolve("liaison.db.clean");
    assertThat(marker).exists();
    // damage to record pages that keeps size and modification time (what the marker records)
    // goes unnoticed at open: the documented limit of skipping the check
    var mtime = Files.getLastModifiedTime(file);
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length - 8192; i < bytes.length; i += 7) {
      bytes[i] = (byte) 0x5A;
    }
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, mtime);
    Files.copy(file, dir.resolve("copy.db"));
    Files.setLastModifiedTime(dir.resolve("copy.db"), mtime);
    Files.copy(marker, dir.resolve("copy.db.clean"));
    Store.open(file).close();

    // forced, the check runs and refuses it
    System.setProperty(Store.CHECK, "always");
    try {
      assertThatThrownBy(() -> Store.open(dir.resolve("copy.db")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("corrupt");
    } finally {
      System.clearProperty(Store.CHECK);
    }
    // and the marker is consumed by an open: the next open (as after a crash) checks
    assertThat(dir.resolve("copy.db.clean")).doesNotExist();
    assertThatThrownBy(() -> Store.open(dir.resolve("copy.db"))).isInstanceOf(StoreException.class);
  }

  @Test
  void eventsGetGapFreeIncreasingIds() {
    try (Store s = Store.open(dir.resolve("e.db"))) {
      long a = s.appendEvent("t", "r", null, "{}");
      long b = s.appendEvent("t", "r", null, "{}");
      assertThat(b).isEqualTo(a + 1);
      assertThat(s.lastEventSeq()).isEqualTo(b);
      assertThat(s.eventsAfter(a, 10)).extracting(StoredEvent::seq).containsExactly(b);
    }
  }
}
