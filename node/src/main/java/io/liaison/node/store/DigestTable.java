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

  /** Record {@code r} was written, replacing {@code before} (null if it is new). */
  void written(StoredRecord before, StoredRecord r) {
    int bucket = RecordBuckets.of(r.id());
    long in = RecordBuckets.contribution(r.id(), r.hash());
    if (before == null || !before.kind().equals(r.kind())) {
      if (before != null) {
        add(before.kind(), bucket, -RecordBuckets.contribution(r.id(), before.hash()), -1);
        sql.update(
            "DELETE FROM record_buckets WHERE kind=? AND bucket=? AND id=?",
            before.kind(),
            bucket,
            r.id());
      }
      add(r.kind(), bucket, in, 1);
      sql.update(
          "INSERT OR IGNORE INTO record_buckets(kind, bucket, id) VALUES (?,?,?)",
          r.kind(),
          bucket,
          r.id());
    } else {
      add(r.kind(), bucket, in - RecordBuckets.contribution(r.id(), before.hash()), 0);
    }
  }

  // the sum is taken in Java: SQLite turns an integer that overflows into a floating-point number
  private void add(String kind, int bucket, long delta, int records) {
    List<Long> now =
        sql.query(
            "SELECT digest FROM record_digests WHERE kind=? AND bucket=?",
            rs -> rs.getLong(1),
            kind,
            bucket);
    long digest = (now.isEmpty() ? 0 : now.get(0)) + delta;
    sql.update(
        "INSERT INTO record_digests(kind, bucket, digest, records) VALUES (?,?,?,?)"
            + " ON CONFLICT(kind, bucket) DO UPDATE SET digest=excluded.digest,"
            + " records=records+excluded.records",
        kind,
        bucket,
        digest,
        records);
  }

  RecordBuckets.Digests digests(String kind) {
    long[] sums = new long[RecordBuckets.COUNT];
    long[] total = new long[1];
    sql.query(
        "SELECT bucket, digest, records FROM record_digests WHERE kind=?",
        rs -> {
          sums[rs.getInt(1)] = rs.getLong(2);
          total[0] += rs.getLong(3);
          return null;
        },
        kind);
    return new RecordBuckets.Digests(sums, total[0]);
  }

  /** Id → content hash of the records of {@code kind} in {@code buckets}. */
  Map<String, String> hashes(String kind, Collection<Integer> buckets) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Integer> all = new ArrayList<>(buckets);
    for (int i = 0; i < all.size(); i += 500) {
      List<Integer> part = all.subList(i, Math.min(all.size(), i + 500));
      List<Object> args = new ArrayList<>();
      args.add(kind);
      args.addAll(part);
      sql.query(
          "SELECT b.id, r.hash FROM record_buckets b CROSS JOIN records r ON r.id = b.id"
              + " WHERE b.kind=? AND b.bucket IN ("
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
