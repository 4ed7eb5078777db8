package io.liaison.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.Function;

/**
 * The anti-entropy digests of the records ({@link RecordBuckets}): per kind and bucket the sum of
 * the records' contributions and their number ({@code record_digests}), and which ids are in which
 * bucket ({@code record_buckets}), both written in the transaction that writes the record, so that
 * a reconciliation reads 4,096 sums instead of every record's id and hash, and lists ids only in
 * the buckets that differ. Store thread only; reached through {@link RecordTable}.
 */
final class DigestTable {
  private final Store sql;

  DigestTable(Store sql) {
    this.sql = sql;
  }

  /**
   * Record {@code r} was written, replacing {@code before} (null if it is new; {@code beforeOnGrid}
   * whether it was in the grid digests). A write puts the record in the grid digests unless it
   * settled more than the store's grid retention ago (a record caught up from a peer's store long
   * after); what settles later is taken out by {@link #retire} before the grid is compared.
   */
  void written(StoredRecord before, boolean beforeOnGrid, StoredRecord r) {
    int bucket = RecordBuckets.of(r.id());
    Long settled = r.facts().settledAt();
    boolean onGrid =
        settled == null || settled > System.currentTimeMillis() - sql.gridRetention().toMillis();
    long in = RecordBuckets.contribution(r.id(), r.hash());
    long inGrid = onGrid ? in : 0;
    if (before == null || !before.kind().equals(r.kind())) {
      if (before != null) {
        long out = RecordBuckets.contribution(r.id(), before.hash());
        add(before.kind(), bucket, -out, beforeOnGrid ? -out : 0, -1);
        sql.update(
            "DELETE FROM record_buckets WHERE kind=? AND bucket=? AND id=?",
            before.kind(),
            bucket,
            r.id());
      }
      add(r.kind(), bucket, in, inGrid, 1);
    } else {
      long out = RecordBuckets.contribution(r.id(), before.hash());
      add(r.kind(), bucket, in - out, inGrid - (beforeOnGrid ? out : 0), 0);
    }
    sql.update(
        "INSERT INTO record_buckets(kind, bucket, id, settled_at, on_grid) VALUES (?,?,?,?,?)"
            + " ON CONFLICT(kind, bucket, id) DO UPDATE SET settled_at=excluded.settled_at,"
            + " on_grid=excluded.on_grid",
        r.kind(),
        bucket,
        r.id(),
        settled,
        onGrid ? 1 : 0);
  }

  /** Whether record {@code id} of {@code kind} is in the grid digests. */
  boolean onGrid(String kind, String id) {
    return !sql.query(
            "SELECT 1 FROM record_buckets WHERE kind=? AND bucket=? AND id=? AND on_grid=1",
            rs -> 1,
            kind,
            RecordBuckets.of(id),
            id)
        .isEmpty();
  }

  // the sum is taken in Java: SQLite turns an integer that overflows into a floating-point number
  private void add(String kind, int bucket, long delta, long gridDelta, int records) {
    List<long[]> now =
        sql.query(
            "SELECT digest, grid_digest FROM record_digests WHERE kind=? AND bucket=?",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)},
            kind,
            bucket);
    long digest = (now.isEmpty() ? 0 : now.get(0)[0]) + delta;
    long grid = (now.isEmpty() ? 0 : now.get(0)[1]) + gridDelta;
    sql.update(
        "INSERT INTO record_digests(kind, bucket, digest, grid_digest, records) VALUES (?,?,?,?,?)"
            + " ON CONFLICT(kind, bucket) DO UPDATE SET digest=excluded.digest,"
            + " grid_digest=excluded.grid_digest, records=records+excluded.records",
        kind,
        bucket,
        digest,
        grid,
        records);
  }

  /**
   * Takes out of the grid digests, at most {@code limit} at a time, the records settled at or
   * before {@code cutoff} (epoch ms): their retention on the grid has passed, the grid no longer
   * holds them, and a comparison with the grid must not count them. The number taken out.
   */
  int retire(long cutoff, int limit) {
    List<String[]> rows =
        sql.query(
            "SELECT b.kind, b.bucket, b.id, r.hash FROM record_buckets b INDEXED BY"
                + " record_buckets_retiring CROSS JOIN records r ON r.id = b.id"
                + " WHERE b.on_grid = 1 AND b.settled_at IS NOT NULL AND b.settled_at <= ?"
                + " LIMIT ?",
            rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
            cutoff,
            limit);
    Map<String, Long> delta = new HashMap<>(); // kind \n bucket → minus the contributions
    for (String[] row : rows) {
      delta.merge(row[0] + "\n" + row[1], -RecordBuckets.contribution(row[2], row[3]), Long::sum);
      sql.update(
          "UPDATE record_buckets SET on_grid=0 WHERE kind=? AND bucket=? AND id=?",
          row[0],
          Integer.parseInt(row[1]),
          row[2]);
    }
    delta.forEach(
        (kb, d) -> {
          String[] p = kb.split("\n");
          add(p[0], Integer.parseInt(p[1]), 0, d, 0);
        });
    return rows.size();
  }

  RecordBuckets.Digests digests(String kind) {
    return digests(kind, "digest");
  }

  /** The digests of the records of {@code kind} that belong on the grid (not retired). */
  RecordBuckets.Digests gridDigests(String kind) {
    return digests(kind, "grid_digest");
  }

  private RecordBuckets.Digests digests(String kind, String column) {
    long[] sums = new long[RecordBuckets.COUNT];
    long[] total = new long[1];
    sql.query(
        "SELECT bucket, " + column + ", records FROM record_digests WHERE kind=?",
        rs -> {
          sums[rs.getInt(1)] = rs.getLong(2);
          total[0] += rs.getLong(3);
          return null;
        },
        kind);
    return new RecordBuckets.Digests(sums, total[0]);
  }

  /**
   * Id → content hash of the records of {@code kind} in {@code buckets} (all buckets if null) that
   * belong on the grid.
   */
  Map<String, String> gridHashes(String kind, Collection<Integer> buckets) {
    if (buckets == null) {
      Map<String, String> out = new LinkedHashMap<>();
      sql.query(
          "SELECT b.id, r.hash FROM record_buckets b CROSS JOIN records r ON r.id = b.id"
              + " WHERE b.kind=? AND b.on_grid=1",
          rs -> out.put(rs.getString(1), rs.getString(2)),
          kind);
      return out;
    }
    return hashes(kind, buckets, " AND b.on_grid=1");
  }

  /** Id → content hash of the records of {@code kind} in {@code buckets}. */
  Map<String, String> hashes(String kind, Collection<Integer> buckets) {
    return hashes(kind, buckets, "");
  }

  private Map<String, String> hashes(String kind, Collection<Integer> buckets, String onGrid) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Integer> all = new ArrayList<>(buckets);
    for (int i = 0; i < all.size(); i += 500) {
      List<Integer> part = all.subList(i, Math.min(all.size(), i + 500));
      List<Object> args = new ArrayList<>();
      args.add(kind);
      args.addAll(part);
      sql.query(
          "SELECT b.id, r.hash FROM record_buckets b CROSS JOIN records r ON r.id = b.id"
              + " WHERE b.kind=?"
              + onGrid
              + " AND b.bucket IN ("
              + String.join(",", Collections.nCopies(part.size(), "?"))
              + ")",
          rs -> out.put(rs.getString(1), rs.getString(2)),
          args.toArray());
    }
    return out;
  }

  /** The tables, filled from the records already stored (a migration, in its transaction). */
  static void create(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS record_digests (kind TEXT NOT NULL, bucket INTEGER NOT NULL,"
              + " digest INTEGER NOT NULL, records INTEGER NOT NULL, PRIMARY KEY (kind, bucket))"
              + " WITHOUT ROWID");
      st.execute(
          "CREATE TABLE IF NOT EXISTS record_buckets (kind TEXT NOT NULL, bucket INTEGER NOT NULL,"
              + " id TEXT NOT NULL, PRIMARY KEY (kind, bucket, id)) WITHOUT ROWID");
      // the bucket function for this one statement: sorted, the rows go in in key order
      Function.create(
          c,
          "liaison_bucket",
          new Function() {
            @Override
            protected void xFunc() throws SQLException {
              result(RecordBuckets.of(value_text(0)));
            }
          });
      try {
        st.execute(
            "INSERT OR IGNORE INTO record_buckets(kind, bucket, id)"
                + " SELECT kind, liaison_bucket(id), id FROM records ORDER BY 1, 2, 3");
      } finally {
        Function.destroy(c, "liaison_bucket");
      }
    }
    Map<String, long[][]> sums = new HashMap<>(); // kind → {digests, counts}
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT kind, id, hash FROM records")) {
      while (rs.next()) {
        long[][] k =
            sums.computeIfAbsent(
                rs.getString(1),
                x -> new long[][] {new long[RecordBuckets.COUNT], new long[RecordBuckets.COUNT]});
        String id = rs.getString(2);
        int b = RecordBuckets.of(id);
        k[0][b] += RecordBuckets.contribution(id, rs.getString(3));
        k[1][b]++;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO record_digests(kind, bucket, digest, records) VALUES (?,?,?,?)")) {
      for (var e : sums.entrySet()) {
        for (int b = 0; b < RecordBuckets.COUNT; b++) {
          if (e.getValue()[1][b] > 0) {
            ps.setString(1, e.getKey());
            ps.setInt(2, b);
            ps.setLong(3, e.getValue()[0][b]);
            ps.setLong(4, e.getValue()[1][b]);
            ps.addBatch();
          }
        }
      }
      ps.executeBatch();
    }
  }
}
