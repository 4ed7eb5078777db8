package io.liaison.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.crypto.Hashes;
import io.liaison.node.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start after a crash skips the full integrity check only when the main file is what the last
 * checkpoint left, and still refuses a damaged store. The crash is the store's files copied while
 * it is open between two writes (what a kill -9 leaves on disk: the main file, the WAL with every
 * committed transaction, the checkpoint marker), modification times kept.
 */
class CrashRestartTest {
  @TempDir Path dir;

  static StoredRecord rec(String id, String body) {
    return new StoredRecord(
        id,
        "lead",
        "150924",
        Instant.ofEpochMilli(1000),
        Hashes.sha256Hex(body.getBytes(StandardCharsets.UTF_8)),
        body,
        null);
  }

  /** Writes as the node does: through a batch (after which the store thread may checkpoint). */
  private static void put(Store s, StoredRecord r) {
    s.runBatch(List.of(st -> st.putRecord(r)));
  }

  /**
   * A store whose WAL was checkpointed into a main file of over 3 MB, with 50 records after that
   * checkpoint in the WAL; returns the crash copy.
   */
  private Path crashedStore() throws IOException {
    Path file = dir.resolve("live.db");
    try (Store s = Store.open(file)) {
      for (int b = 0; b < 1600; b += 50) {
        int from = b;
        s.runBatch(
            java.util.stream.IntStream.range(from, from + 50)
                .<java.util.function.Function<Store, ?>>mapToObj(
                    i -> st -> st.putRecord(rec("big-" + i, "x".repeat(4000) + i)))
                .toList());
      }
      assertThat(Files.size(file)).as("a checkpoint wrote the main file").isGreaterThan(3_000_000);
      for (int i = 0; i < 50; i++) {
        put(s, rec("late-" + i, "after the checkpoint " + i));
      }
      assertThat(Files.size(Checkpoints.wal(file))).isPositive();
      assertThat(Files.readString(Checkpoints.marker(file))).startsWith("checkpointed ");
      return crashCopy(file, dir.resolve("crashed.db"));
    }
  }

  private static Path crashCopy(Path file, Path target) throws IOException {
    for (Path f : new Path[] {file, Checkpoints.wal(file), Checkpoints.marker(file)}) {
      if (Files.exists(f)) {
        Path to =
            target.resolveSibling(f.getFileName().toString().replace("live.db", "crashed.db"));
        Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }

  /** Overwrites every 7th byte of {@code [from, to)}; keeps the modification time if asked. */
  private static void damage(Path file, long from, long to, boolean keepTime) throws IOException {
    var mtime = Files.getLastModifiedTime(file);
    byte[] bytes = Files.readAllBytes(file);
    for (long i = from; i < Math.min(to, bytes.length); i += 7) {
      bytes[(int) i] = (byte) 0x5A;
    }
    Files.write(file, bytes);
    if (keepTime) {
      Files.setLastModifiedTime(file, mtime);
    }
  }

  @Test
  void afterACrashAMainFileUnchangedSinceItsCheckpointIsNotCheckedInFullAndNothingIsLost()
      throws IOException {
    Path crashed = crashedStore();
    try (Store s = Store.open(crashed)) {
      assertThat(s.openCheck()).isEqualTo(StoreFile.OpenCheck.CHECKPOINT);
      assertThat(s.countRecords()).isEqualTo(1650);
      assertThat(s.record("late-49").orElseThrow().body()).isEqualTo("after the checkpoint 49");
      assertThat(s.record("big-0").orElseThrow().body()).isEqualTo("x".repeat(4000) + 0);
      assertThat(s.fullCheck()).isEmpty();
    }
  }

  @Test
  void aMainFileWrittenAfterTheCrashIsCheckedInFullAndRefused() throws IOException {
    Path crashed = crashedStore();
    // record pages in the middle: a start that skipped the check would open it and serve
    damage(crashed, 1_000_000, 1_200_000, false);
    assertThatThrownBy(() -> Store.open(crashed))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is corrupt")
        .hasMessageContaining("crashed.db");
  }

  @Test
  void damageThatKeepsSizeAndTimeButTouchesTheFirstPagesIsCheckedInFullAndRefused()
      throws IOException {
    Path crashed = crashedStore();
    damage(crashed, 8192, 60_000, true);
    assertThatThrownBy(() -> Store.open(crashed))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is corrupt");
  }

  @Test
  void damageTheFingerprintCannotSeeIsFoundByTheFullCheckAndTheStoreIsRefusedFromThen()
      throws IOException {
    Path crashed = crashedStore();
    // the documented limit: size, time and the first and last 64 KiB unchanged
    damage(crashed, 1_000_000, 1_200_000, true);
    try (Store s = Store.open(crashed)) {
      assertThat(s.openCheck()).isEqualTo(StoreFile.OpenCheck.CHECKPOINT);
      String found = s.fullCheck().orElseThrow();
      assertThat(s.condemn(found).getMessage()).contains("is corrupt");
      s.idle();
    }
    assertThat(StoreFile.cleanMarker(crashed)).doesNotExist();
    assertThat(Checkpoints.marker(crashed)).doesNotExist();
    assertThatThrownBy(() -> Store.open(crashed))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is corrupt");
  }

  @Test
  void aRecordWrittenAfterTheCheckpointThatDoesNotMatchItsHashIsRefused() throws IOException {
    Path file = dir.resolve("live.db");
    try (Store s = Store.open(file)) {
      put(s, rec("good", "fine"));
      put(
          s,
          new StoredRecord(
              "bad", "lead", "150924", Instant.ofEpochMilli(1000), "0".repeat(64), "body", null));
      crashCopy(file, dir.resolve("crashed.db"));
    }
    assertThatThrownBy(() -> Store.open(dir.resolve("crashed.db")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is corrupt")
        .hasMessageContaining("record bad does not match its content hash");
  }

  @Test
  void aCrashWithoutAMarkedCheckpointIsCheckedInFull() throws IOException {
    Path crashed = crashedStore();
    // the marker is removed before each checkpoint starts: a crash during one leaves none
    Files.delete(Checkpoints.marker(crashed));
    try (Store s = Store.open(crashed)) {
      assertThat(s.openCheck()).isEqualTo(StoreFile.OpenCheck.FULL);
      assertThat(s.countRecords()).isEqualTo(1650);
    }
  }

  @Test
  void checkingAlwaysChecksInFullEvenAfterAMarkedCheckpoint() throws IOException {
    Path crashed = crashedStore();
    System.setProperty(Store.CHECK, "always");
    try (Store s = Store.open(crashed)) {
      assertThat(s.openCheck()).isEqualTo(StoreFile.OpenCheck.FULL);
    } finally {
      System.clearProperty(Store.CHECK);
    }
  }

  @Test
  void afterAStartThatSkippedTheCheckCheckpointsAreMarkedOnlyOnceTheFullCheckHasPassed()
      throws IOException {
    Path crashed = crashedStore();
    try (Store s = Store.open(crashed)) {
      assertThat(s.openCheck()).isEqualTo(StoreFile.OpenCheck.CHECKPOINT);
      // the open checkpointed the replayed WAL without marking it: a second crash now checks
      assertThat(Checkpoints.marker(crashed)).doesNotExist();
      assertThat(Files.size(Checkpoints.wal(crashed))).isZero();
      put(s, rec("after-restart", "x"));
      s.idle();
      assertThat(Checkpoints.marker(crashed)).doesNotExist();
      assertThat(s.fullCheck()).isEmpty();
      s.idle();
      assertThat(Files.readString(Checkpoints.marker(crashed))).startsWith("checkpointed ");
    }
  }

  @Test
  void aCheckpointAReaderHoldsBackIsMarkedOnlyOnceItHasCompleted() throws Exception {
    Path file = dir.resolve("live.db");
    try (Store s = Store.open(file);
        Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      assertThat(Checkpoints.marker(file)).exists();
      // a read transaction holds its snapshot until it ends (as the background full check does)
      reader.setAutoCommit(false);
      try (Statement st = reader.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM records")) {
        assertThat(rs.next()).isTrue();
      }
      for (int b = 0; b < 1000; b += 50) {
        int from = b;
        s.runBatch(
            java.util.stream.IntStream.range(from, from + 50)
                .<java.util.function.Function<Store, ?>>mapToObj(
                    i -> st -> st.putRecord(rec("r-" + i, "y".repeat(5000) + i)))
                .toList());
      }
      assertThat(Files.size(Checkpoints.wal(file))).isGreaterThan(Checkpoints.WAL_BYTES);
      assertThat(Checkpoints.marker(file)).doesNotExist();
      reader.commit();
      Await.until(
          Duration.ofSeconds(20),
          () -> {
            s.idle();
            return Files.exists(Checkpoints.marker(file));
          },
          "the checkpoint marked once the reader is done");
      assertThat(Files.size(Checkpoints.wal(file))).isZero();
    }
    Path copy = crashCopy(file, dir.resolve("crashed.db"));
    try (Store s = Store.open(copy)) {
      assertThat(s.countRecords()).isEqualTo(1000);
    }
  }
}
