package io.liaison.node.store;

import io.liaison.crypto.SignedEnvelope;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared records (own and received, with the fact columns the inbox queries use), their change
 * log (what the search index tails) and the envelopes that lost a conflict. Store thread only;
 * reached through {@link Store}'s methods of the same names.
 */
final class RecordTable {
  static final String COLUMNS = "id, kind, origin, posted_at, hash, body, settled_at";

  private final Store sql;
  private final DigestTable digests;

  RecordTable(Store sql) {
    this.sql = sql;
    this.digests = new DigestTable(sql);
  }

  /** Inserts or replaces; false (nothing changed) when the stored copy has the same hash. */
  boolean put(StoredRecord r) {
    Optional<StoredRecord> existing = record(r.id());
    if (existing.isPresent() && existing.get().hash().equals(r.hash())) {
      return false;
    }
    boolean onGrid = existing.isPresent() && digests.onGrid(existing.get().kind(), r.id());
    sql.update(
        "INSERT INTO records(id, kind, origin, posted_at, hash, body, updated_at, state, owner,"
            + " handover_to, targets, claimed_at, feedback_at, expires_at, settled_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, origin=excluded.origin,"
            + " posted_at=excluded.posted_at, hash=excluded.hash, body=excluded.body,"
            + " updated_at=excluded.updated_at, state=excluded.state, owner=excluded.owner,"
            + " handover_to=excluded.handover_to, targets=excluded.targets,"
            + " claimed_at=excluded.claimed_at, feedback_at=excluded.feedback_at,"
            + " expires_at=excluded.expires_at, settled_at=excluded.settled_at",
        r.id(),
        r.kind(),
        r.origin(),
        r.postedAt().toEpochMilli(),
        r.hash(),
        r.body(),
        Instant.now().toEpochMilli(),
        r.facts().state(),
        r.facts().owner(),
        r.facts().handoverTo(),
        r.facts().targets(),
        r.facts().claimedAt(),
        r.facts().feedbackAt(),
        r.facts().expiresAt(),
        r.facts().settledAt());
    digests.written(existing.orElse(null), onGrid, r);
    return true;
  }

  RecordBuckets.Digests digests(String kind) {
    return digests.digests(kind);
  }

  Map<String, String> hashes(String kind, Collection<Integer> buckets) {
    return digests.hashes(kind, buckets);
  }

  RecordBuckets.Digests gridDigests(String kind) {
    return digests.gridDigests(kind);
  }

  Map<String, String> gridHashes(String kind, Collection<Integer> buckets) {
    return digests.gridHashes(kind, buckets);
  }

  int retire(long cutoff, int limit) {
    return digests.retire(cutoff, limit);
  }

  /** Id → content hash of those of {@code ids} the store holds (at most 500). */
  Map<String, String> hashesOf(Collection<String> ids) {
    Map<String, String> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    if (ids.size() > 500) {
      throw new IllegalArgumentException("at most 500 ids at a time, not " + ids.size());
    }
    sql.query(
        "SELECT id, hash FROM records WHERE id IN ("
            + String.join(",", Collections.nCopies(ids.size(), "?"))
            + ")",
        rs -> out.put(rs.getString(1), rs.getString(2)),
        ids.toArray());
    return out;
  }

  List<StoredRecord> records(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    if (ids.size() > 500) {
      throw new IllegalArgumentException("at most 500 ids at a time, not " + ids.size());
    }
    return sql.query(
        "SELECT "
            + COLUMNS
            + " FROM records WHERE id IN ("
            + String.join(",", Collections.nCopies(ids.size(), "?"))
            + ")",
        RecordTable::toRecord,
        ids.toArray());
  }

  Optional<StoredRecord> record(String id) {
    return sql
        .query("SELECT " + COLUMNS + " FROM records WHERE id=?", RecordTable::toRecord, id)
        .stream()
        .findFirst();
  }

  List<StoredRecord> records(String kind, String origin, Cursor before, int limit) {
    StringBuilder q = new StringBuilder("SELECT " + COLUMNS + " FROM records WHERE kind=?");
    List<Object> args = new ArrayList<>(List.of(kind));
    if (origin != null) {
      q.append(" AND origin=?");
      args.add(origin);
    }
    return page(q, args, before, limit);
  }

  List<StoredRecord> recordsWhere(
      String kind, String condition, List<Object> args, Cursor before, int limit) {
    StringBuilder q =
        new StringBuilder(
            "SELECT " + COLUMNS + " FROM records WHERE kind=? AND (" + condition + ")");
    List<Object> all = new ArrayList<>();
    all.add(kind);
    all.addAll(args);
    return page(q, all, before, limit);
  }

  /** Newest first, strictly older than {@code before} (keyset paging), at most {@code limit}. */
  private List<StoredRecord> page(StringBuilder q, List<Object> args, Cursor before, int limit) {
    if (before != null) {
      q.append(" AND (posted_at < ? OR (posted_at = ? AND id < ?))");
      args.add(before.postedAtMillis());
      args.add(before.postedAtMillis());
      args.add(before.id());
    }
    q.append(" ORDER BY posted_at DESC, id DESC LIMIT ?");
    args.add(limit);
    return sql.query(q.toString(), RecordTable::toRecord, args.toArray());
  }

  List<StoredRecord> recordsAfter(String kind, String afterId, int limit) {
    return sql.query(
        "SELECT " + COLUMNS + " FROM records WHERE kind=? AND id > ? ORDER BY id LIMIT ?",
        RecordTable::toRecord,
        kind,
        afterId,
        limit);
  }

  Map<String, String> hashes(String kind) {
    Map<String, String> out = new LinkedHashMap<>();
    sql.query(
        "SELECT id, hash FROM records WHERE kind=?",
        rs -> out.put(rs.getString(1), rs.getString(2)),
        kind);
    return out;
  }

  /**
   * The numbers after {@code prefix} of the ids of {@code kind} that start with it and continue
   * with digits only (audit entries {@code <bureau>/<seq>}), ascending; from the (kind, id) index.
   */
  long[] numberedIds(String kind, String prefix) {
    String upper =
        prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    List<Long> seqs =
        sql.query(
            "SELECT CAST(substr(id, ?) AS INTEGER) FROM records WHERE kind=? AND id>=? AND id<?"
                + " AND substr(id, ?) NOT GLOB '*[^0-9]*' AND length(id) > ?",
            rs -> rs.getLong(1),
            prefix.length() + 1,
            kind,
            prefix,
            upper,
            prefix.length() + 1,
            prefix.length());
    return seqs.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** The origins of the records of {@code kind}, ascending. */
  List<String> origins(String kind) {
    return sql.query(
        "SELECT DISTINCT origin FROM records WHERE kind=? ORDER BY origin",
        rs -> rs.getString(1),
        kind);
  }

  long count() {
    return sql.query("SELECT count(*) FROM records", rs -> rs.getLong(1)).get(0);
  }

  /** Whether {@code origin} shared a lead open to every member that cites the attachment. */
  boolean openLeadCites(String origin, String sha256) {
    return !sql.query(
            "SELECT 1 FROM records WHERE kind='lead' AND origin=? AND body LIKE ?"
                + " AND body NOT LIKE '%\"distribution\":\"RESTRICTED\"%' LIMIT 1",
            rs -> 1, origin, "%\"sha256\":\"" + sha256 + "\"%")
        .isEmpty();
  }

  List<Store.Change> changesAfter(long seq, int limit) {
    return sql.query(
        "SELECT c.seq, r.id, r.kind, r.origin, r.posted_at, r.hash, r.body FROM record_changes c"
            + " JOIN records r ON r.id = c.record_id WHERE c.seq > ? ORDER BY c.seq LIMIT ?",
        RecordTable::toChange,
        seq,
        limit);
  }

  List<Store.Change> changesAfter(long seq, Collection<String> kinds, int limit) {
    List<Object> args = new ArrayList<>();
    args.add(seq);
    args.addAll(kinds);
    args.add(limit);
    // CROSS JOIN keeps the log first: a plain JOIN let SQLite walk every record of the kinds by
    // the kind index and sort them for each page (a 1M-case store: minutes per page)
    return sql.query(
        "SELECT c.seq, r.id, r.kind, r.origin, r.posted_at, r.hash, r.body FROM record_changes c"
            + " CROSS JOIN records r ON r.id = c.record_id WHERE c.seq > ? AND r.kind IN ("
            + String.join(",", Collections.nCopies(kinds.size(), "?"))
            + ") ORDER BY c.seq LIMIT ?",
        RecordTable::toChange,
        args.toArray());
  }

  private static Store.Change toChange(ResultSet rs) throws SQLException {
    return new Store.Change(
        rs.getLong(1),
        new StoredRecord(
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            Instant.ofEpochMilli(rs.getLong(5)),
            rs.getString(6),
            rs.getString(7),
            null));
  }

  long lastChangeSeq() {
    return sql.query("SELECT coalesce(max(seq), 0) FROM record_changes", rs -> rs.getLong(1))
        .get(0);
  }

  boolean supersede(String recordId, SignedEnvelope envelope) {
    return sql.update(
            "INSERT OR IGNORE INTO superseded(hash, record_id, envelope, at) VALUES (?,?,?,?)",
            envelope.hash(),
            recordId,
            new String(envelope.toJson(), StandardCharsets.UTF_8),
            Instant.now().toEpochMilli())
        == 1;
  }

  List<String> superseded(String recordId) {
    return sql.query(
        "SELECT envelope FROM superseded WHERE record_id=? ORDER BY at, hash",
        rs -> rs.getString(1),
        recordId);
  }

  static StoredRecord toRecord(ResultSet rs) throws SQLException {
    long settled = rs.getLong(7);
    // wasNull() answers for the last column read: asked now, before the others are read
    RecordFacts facts = rs.wasNull() ? null : RecordFacts.settled(settled);
    return new StoredRecord(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        rs.getString(5),
        rs.getString(6),
        facts);
  }
}
