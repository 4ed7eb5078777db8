package io.liaison.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's bucket digests ({@link RecordBuckets}) on a real SQLite file: after new records, new
 * versions, repeated versions, a change of kind, a rolled-back unit, quarantined values and the
 * migration that fills them for a store written before them, they equal the digests recomputed from
 * every record's id and hash.
 */
class DigestTableTest {
  @TempDir Path dir;

  static StoredRecord rec(String id, String kind, String body) {
    return new StoredRecord(
        id, kind, "150924", Instant.ofEpochMilli(1000), "h-" + body, body, null);
  }

  /** The digests from every record of the kind: what the kept ones must equal. */
  static long[] bruteForce(Store s, String kind) {
    long[] sums = new long[RecordBuckets.COUNT];
    s.hashes(kind)
        .forEach((id, hash) -> sums[RecordBuckets.of(id)] += RecordBuckets.contribution(id, hash));
    return sums;
  }

  static void assertKept(Store s, String kind) {
    RecordBuckets.Digests kept = s.digests(kind);
    assertThat(kept.buckets()).as(kind).containsExactly(bruteForce(s, kind));
    assertThat(kept.records()).as(kind + " records").isEqualTo(s.hashes(kind).size());
    // the grid digests: those of the records that belong on the grid
    long[] grid = new long[RecordBuckets.COUNT];
    s.gridHashes(kind, null)
        .forEach((id, hash) -> grid[RecordBuckets.of(id)] += RecordBuckets.contribution(id, hash));
    assertThat(s.gridDigests(kind).buckets()).as(kind + " on the grid").containsExactly(grid);
  }

  static StoredRecord settled(String id, String kind, String body, long settledAt) {
    return new StoredRecord(
        id,
        kind,
        "150924",
        Instant.ofEpochMilli(1000),
        "h-" + body,
        body,
        RecordFacts.settled(settledAt));
  }

  @Test
  void recordsPastTheirRetentionLeaveTheGridDigestsNotTheStoreDigests() {
    long t = System.currentTimeMillis() - Duration.ofDays(30).toMillis();
    try (Store s = Store.open(dir.resolve("r.db"))) {
      s.gridRetention(Duration.ofDays(60)); // what settled at t is on the grid when written
      for (int i = 0; i < 300; i++) {
        // settled at t + i: retired by a cutoff at or after it; every third never settles (open)
        s.putRecord(
            i % 3 == 0
                ? rec("L-" + i, "lead", "v1-" + i)
                : settled("L-" + i, "lead", "v1-" + i, t + i));
      }
      long[] all = s.digests("lead").buckets();
      assertThat(s.gridDigests("lead").buckets()).containsExactly(all);
      assertThat(s.retire(t + 149, 1_000)).isEqualTo(100); // 1..149 not divisible by 3
      assertThat(s.retire(t + 149, 1_000)).isZero();
      assertKept(s, "lead");
      assertThat(s.digests("lead").buckets()).containsExactly(all);
      Map<String, String> onGrid = s.gridHashes("lead", null);
      assertThat(onGrid)
          .hasSize(200)
          .containsKeys("L-0", "L-150", "L-151")
          .doesNotContainKey("L-1");
      // a new version of a retired record is on the grid again until the next retirement
      s.putRecord(settled("L-1", "lead", "v2-1", t + 1));
      assertKept(s, "lead");
      assertThat(s.gridHashes("lead", null)).containsKey("L-1");
      // in small steps: at most the limit each time
      assertThat(s.retire(t + 1_000, 60)).isEqualTo(60);
      assertThat(s.retire(t + 1_000, 1_000)).isEqualTo(41);
      assertKept(s, "lead");
      assertThat(s.gridHashes("lead", null)).hasSize(100);
      // a record that settled longer than the retention ago (caught up from a peer's store long
      // after) is written off the grid, a new one and a new version of a retired one alike
      s.gridRetention(Duration.ofDays(7));
      s.putRecord(settled("L-old", "lead", "v1-old", t));
      s.putRecord(settled("L-2", "lead", "v2-2", t + 2));
      assertKept(s, "lead");
      assertThat(s.gridHashes("lead", null)).hasSize(100).doesNotContainKeys("L-old", "L-2");
      assertThat(s.retire(System.currentTimeMillis(), 1_000)).isZero();
    }
  }

  @Test
  void keptDigestsEqualTheRecomputationAfterVersionsQuarantineAndTheMigration() throws Exception {
    Path file = dir.resolve("liaison.db");
    long[] leadsBefore;
    try (Store s = Store.open(file)) {
      List<Function<Store, ?>> units = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        int n = i;
        units.add(st -> st.putRecord(rec("L-" + n, "lead", "v1-" + n)));
      }
      for (int i = 0; i < 80; i++) {
        int n = i;
        units.add(st -> st.putRecord(rec("C-" + n, "case", "v1-" + n)));
      }
      s.runBatch(units);
      assertKept(s, "lead");
      // new versions (twice for some), the same version again, one record that changes kind
      for (int i = 0; i < 600; i += 3) {
        assertThat(s.putRecord(rec("L-" + i, "lead", "v2-" + i))).isTrue();
      }
      for (int i = 0; i < 600; i += 9) {
        assertThat(s.putRecord(rec("L-" + i, "lead", "v3-" + i))).isTrue();
      }
      assertThat(s.putRecord(rec("L-1", "lead", "v1-1"))).isFalse();
      s.putRecord(rec("L-2", "case", "moved"));
      // a unit that fails after its write is rolled back with its digest change
      List<Object> results =
          s.runBatch(
              List.of(
                  st -> st.putRecord(rec("L-4", "lead", "v9-4")),
                  st -> {
                    st.putRecord(rec("L-5", "lead", "rolled-back"));
                    st.putRecord(rec("L-new", "lead", "rolled-back"));
                    throw new IllegalStateException("boom");
                  }));
      assertThat(results.get(1)).isInstanceOf(Store.Failed.class);
      // quarantined values are no records: they change no digest
      s.quarantine("lead/L-7", "BAD_SIGNATURE", "test", "abc", 3, "abc", 100);
      assertKept(s, "lead");
      assertKept(s, "case");
      assertThat(s.digests("lead").records()).isEqualTo(599);
      assertThat(s.digests("case").records()).isEqualTo(81);
      assertThat(s.digests("price").records()).isZero();
      assertThat(s.digests("price").buckets()).containsOnly(0L);
      leadsBefore = s.digests("lead").buckets();

      // the ids and hashes of some buckets are those of the whole kind in those buckets
      List<Integer> some = List.of(RecordBuckets.of("L-3"), RecordBuckets.of("L-10"), 17);
      Map<String, String> expected =
          s.hashes("lead").entrySet().stream()
              .filter(e -> some.contains(RecordBuckets.of(e.getKey())))
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(s.hashes("lead", some)).isEqualTo(expected).containsKeys("L-3", "L-10");
    }
    // a store from before the digests: the migration fills them from the records
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE record_digests");
      st.execute("DROP TABLE record_buckets");
      st.execute("ALTER TABLE records DROP COLUMN settled_at");
      st.execute("UPDATE schema_version SET version = 9");
    }
    try (Store s = Store.open(file)) {
      assertKept(s, "lead");
      assertKept(s, "case");
      assertThat(s.digests("lead").buckets()).containsExactly(leadsBefore);
      assertThat(s.hashes("lead", List.of(RecordBuckets.of("L-3")))).containsKey("L-3");
      // and they are kept from there on
      s.putRecord(rec("L-3", "lead", "after-migration"));
      s.putRecord(rec("L-1000", "lead", "after-migration"));
      assertKept(s, "lead");
    }
  }

  @Test
  void theBucketFunctionAndTheContributionNeverChange() {
    // stores keep sums computed with them: another function would make every bucket differ from
    // the grid's (found, but every start would list everything) until a migration recomputed them
    assertThat(RecordBuckets.of("150924-L-0001")).isEqualTo(2571);
    assertThat(RecordBuckets.of("")).isEqualTo(3643);
    assertThat(RecordBuckets.contribution("150924-L-0001", "ab")).isEqualTo(6955689751344336878L);
  }

  @Test
  void aDifferentVersionOfOneRecordChangesOnlyItsBucket() {
    try (Store a = Store.open(dir.resolve("a.db"));
        Store b = Store.open(dir.resolve("b.db"))) {
      for (int i = 0; i < 200; i++) {
        a.putRecord(rec("L-" + i, "lead", "v1-" + i));
        b.putRecord(rec("L-" + (199 - i), "lead", "v1-" + (199 - i))); // another order
      }
      assertThat(a.digests("lead").buckets()).containsExactly(b.digests("lead").buckets());
      b.putRecord(rec("L-42", "lead", "v2-42"));
      long[] da = a.digests("lead").buckets();
      long[] db = b.digests("lead").buckets();
      for (int k = 0; k < RecordBuckets.COUNT; k++) {
        assertThat(da[k] == db[k]).as("bucket " + k).isEqualTo(k != RecordBuckets.of("L-42"));
      }
    }
  }
}
