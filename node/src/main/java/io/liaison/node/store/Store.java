package io.liaison.node.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's durable record: one SQLite file in WAL mode with {@code synchronous=FULL}, so a
 * committed transaction is on disk before the call returns. Holds every verified shared record (own
 * and received), this bureau's signed audit chain, the node-local event feed (what SSE clients
 * resume from) and the quarantine.
 *
 * <p>Not thread-safe: the node calls it from one ordered worker only ({@code StoreExecutor}); the
 * exceptions, safe from any thread, are {@link #known}, {@link #holds} and {@link
 * #committedRecord}.
 */
public final class Store implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  private final Connection conn;
  private final Path file;
  private final KnownRecords known = new KnownRecords(KnownRecords.DEFAULT_CAPACITY);
  // a second, read-only connection for {@link #holds} from other threads (WAL: it sees what is
  // committed, never the store thread's open batch)
  private Connection reader;
  private final Object readerLock = new Object();
  private boolean readerClosed; // guarded by readerLock: no new reader once the store is closed
  // records written by the running batch: told to {@link #known} only once it is committed
  private final List<StoredRecord> written = new ArrayList<>();

  private Store(Connection conn, Path file) {
    this.conn = conn;
    this.file = file;
  }

  public static Store open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // the full integrity check reads the whole file (~40 s for a 5 GB store on a cold cache):
      // it runs unless the node closed this very file cleanly last time
      boolean clean = closedCleanly(file) && !"always".equals(System.getProperty(CHECK));
      // from here on a crash leaves no marker, so the next start checks
      Files.deleteIfExists(cleanMarker(file));
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=FULL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=5000");
        if (clean) {
          LOG.info(
              "store closed cleanly and unchanged since: integrity check skipped file={}", file);
        } else {
          try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
              c.close();
              String first =
                  verdict.strip().lines().limit(3).reduce((a, b) -> a + "; " + b).orElse("");
              throw corrupt(file, first);
            }
          }
        }
      }
      Store store = new Store(c, file);
      Migrations.apply(c);
      LOG.info("store opened file={} schema={}", file, Migrations.current(c));
      return store;
    } catch (SQLException e) {
      // damage that reaches the schema pages fails before quick_check can give its verdict
      String m = String.valueOf(e.getMessage());
      if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB")) {
        throw corrupt(file, m);
      }
      throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
    }
  }

  /** System property: {@code always} runs the integrity check on every open. */
  public static final String CHECK = "liaison.store.check";

  private static Path cleanMarker(Path file) {
    return file.resolveSibling(file.getFileName() + ".clean");
  }

  /** The file's size and modification time: what the clean-close marker holds. */
  private static String fingerprint(Path file) throws java.io.IOException {
    return Files.size(file) + " " + Files.getLastModifiedTime(file).toInstant();
  }

  /**
   * Whether the last close of this store was clean and the file is as it was left: the marker
   * written by {@link #close} matches its size and modification time, and there is no WAL.
   */
  private static boolean closedCleanly(Path file) throws java.io.IOException {
    Path marker = cleanMarker(file);
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    return Files.exists(marker)
        && Files.exists(file)
        && (!Files.exists(wal) || Files.size(wal) == 0)
        && Files.readString(marker).strip().equals(fingerprint(file));
  }

  private static StoreException corrupt(Path file, String detail) {
    return new StoreException(
        "store file "
            + file
            + " is corrupt ("
            + (detail.length() > 200 ? detail.substring(0, 200) + "…" : detail)
            + "); the node will not serve from it: restore the latest backup"
            + " (POST /api/v1/admin/backup) or move the file aside to rebuild from the cluster");
  }

  public Path file() {
    return file;
  }

  /** The content hashes of recently committed records (readable from any thread). */
  public KnownRecords known() {
    return known;
  }

  /**
   * Whether the store has committed record {@code id} with content hash {@code hash}: from {@link
   * #known} or, if it does not know, from the file through a read-only connection of its own. Safe
   * from any thread (unlike the rest of this class).
   */
  public boolean holds(String id, String hash) {
    if (known.holds(id, hash)) {
      return true;
    }
    List<String> stored =
        readCommitted("SELECT hash FROM records WHERE id=?", rs -> rs.getString(1), id);
    if (!stored.isEmpty() && hash.equals(stored.get(0))) {
      known.remember(id, hash);
      return true;
    }
    return false;
  }

  /**
   * Record {@code id} as last committed, read through the read-only connection: safe from any
   * thread, and it does not wait for the store thread's running batch (it never sees that batch's
   * uncommitted writes either).
   */
  public Optional<StoredRecord> committedRecord(String id) {
    return readCommitted(
            "SELECT id, kind, origin, posted_at, hash, body FROM records WHERE id=?",
            Store::toRecord,
            id)
        .stream()
        .findFirst();
  }

  /** A query on the read-only connection (WAL: committed data only). Safe from any thread. */
  private <T> List<T> readCommitted(String sql, RowMapper<T> mapper, Object... args) {
    synchronized (readerLock) {
      if (readerClosed) {
        throw new StoreException("store is closed");
      }
      try {
        if (reader == null) {
          org.sqlite.SQLiteConfig c = new org.sqlite.SQLiteConfig();
          c.setReadOnly(true);
          c.setBusyTimeout(5000);
          reader = c.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        }
        return query(reader, sql, mapper, args);
      } catch (SQLException e) {
        throw new StoreException("store read failed: " + e.getMessage(), e);
      }
    }
  }

  /** The failure of one unit of a batch (see {@link #runBatch}). */
  public record Failed(Throwable cause) {}

  /**
   * Runs the units in one transaction, each in its own savepoint, and commits once. A unit that
   * throws is rolled back alone and its result is a {@link Failed}; the others are committed.
   *
   * @throws StoreException if the commit itself fails (then nothing of the batch is committed)
   */
  public List<Object> runBatch(List<java.util.function.Function<Store, ?>> units) {
    List<Object> results = new ArrayList<>(units.size());
    try {
      conn.setAutoCommit(false);
      try {
        for (var unit : units) {
          java.sql.Savepoint sp = conn.setSavepoint();
          int mark = written.size();
          try {
            results.add(unit.apply(this));
            conn.releaseSavepoint(sp);
          } catch (RuntimeException e) {
            conn.rollback(sp);
            conn.releaseSavepoint(sp);
            written.subList(mark, written.size()).clear();
            results.add(new Failed(e));
          }
        }
        conn.commit();
        written.forEach(r -> known.remember(r.id(), r.hash()));
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        written.clear();
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("store commit failed: " + e.getMessage(), e);
    }
    return results;
  }

  /**
   * Inserts or replaces a shared record. Returns false (and changes nothing) when the stored copy
   * already has the same content hash.
   */
  public boolean putRecord(StoredRecord r) {
    Optional<StoredRecord> existing = record(r.id());
    if (existing.isPresent() && existing.get().hash().equals(r.hash())) {
      return false;
    }
    update(
        "INSERT INTO records(id, kind, origin, posted_at, hash, body, updated_at, state, owner,"
            + " handover_to, targets, claimed_at, feedback_at, expires_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, origin=excluded.origin,"
            + " posted_at=excluded.posted_at, hash=excluded.hash, body=excluded.body,"
            + " updated_at=excluded.updated_at, state=excluded.state, owner=excluded.owner,"
            + " handover_to=excluded.handover_to, targets=excluded.targets,"
            + " claimed_at=excluded.claimed_at, feedback_at=excluded.feedback_at,"
            + " expires_at=excluded.expires_at",
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
        r.facts().expiresAt());
    committed(r);
    return true;
  }

  /** Tells {@link #known} of a written record once it is committed (at once outside a batch). */
  private void committed(StoredRecord r) {
    try {
      if (conn.getAutoCommit()) {
        known.remember(r.id(), r.hash());
      } else {
        written.add(r);
      }
    } catch (SQLException e) {
      throw new StoreException("store connection failed: " + e.getMessage(), e);
    }
  }

  /** The stored records among {@code ids} (at most 500 at a time), in no particular order. */
  public List<StoredRecord> records(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    if (ids.size() > 500) {
      throw new IllegalArgumentException("at most 500 ids at a time, not " + ids.size());
    }
    return query(
        "SELECT id, kind, origin, posted_at, hash, body FROM records WHERE id IN ("
            + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
            + ")",
        Store::toRecord,
        ids.toArray());
  }

  public Optional<StoredRecord> record(String id) {
    List<StoredRecord> l =
        query(
            "SELECT id, kind, origin, posted_at, hash, body FROM records WHERE id=?",
            Store::toRecord,
            id);
    return l.stream().findFirst();
  }

  /**
   * Records of one kind, newest first, optionally of one origin bureau, strictly older than the
   * cursor (posted-at millis and id of the last item of the previous page).
   */
  public List<StoredRecord> records(String kind, String origin, Cursor before, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, kind, origin, posted_at, hash, body FROM records WHERE kind=?");
    List<Object> args = new ArrayList<>(List.of(kind));
    if (origin != null) {
      sql.append(" AND origin=?");
      args.add(origin);
    }
    if (before != null) {
      sql.append(" AND (posted_at < ? OR (posted_at = ? AND id < ?))");
      args.add(before.postedAtMillis());
      args.add(before.postedAtMillis());
      args.add(before.id());
    }
    sql.append(" ORDER BY posted_at DESC, id DESC LIMIT ?");
    args.add(limit);
    return query(sql.toString(), Store::toRecord, args.toArray());
  }

  /**
   * Records of one kind matching an SQL condition over the fact columns ({@code state}, {@code
   * owner}, {@code handover_to}, {@code targets}, {@code origin}, {@code claimed_at}, {@code
   * feedback_at}, {@code expires_at}), newest first, with keyset paging. The condition is code, not
   * user input; its values are bound as {@code args}.
   */
  public List<StoredRecord> recordsWhere(
      String kind, String condition, List<Object> args, Cursor before, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, kind, origin, posted_at, hash, body FROM records WHERE kind=? AND ("
                + condition
                + ")");
    List<Object> all = new ArrayList<>();
    all.add(kind);
    all.addAll(args);
    if (before != null) {
      sql.append(" AND (posted_at < ? OR (posted_at = ? AND id < ?))");
      all.add(before.postedAtMillis());
      all.add(before.postedAtMillis());
      all.add(before.id());
    }
    sql.append(" ORDER BY posted_at DESC, id DESC LIMIT ?");
    all.add(limit);
    return query(sql.toString(), Store::toRecord, all.toArray());
  }

  /** The stored response of an earlier request with this idempotency key, if any. */
  public Optional<String[]> idempotent(String key) {
    return query(
            "SELECT status, response FROM idempotency WHERE key=?",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            key)
        .stream()
        .findFirst();
  }

  public void rememberIdempotent(String key, int status, String response) {
    update(
        "INSERT OR IGNORE INTO idempotency(key, status, response, at) VALUES (?,?,?,?)",
        key,
        status,
        response,
        Instant.now().toEpochMilli());
  }

  /**
   * Records that a notification of {@code kind} about a record was sent; false if it was already.
   */
  public boolean markNotified(String recordId, String kind) {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT OR IGNORE INTO notified(record_id, kind, at) VALUES (?,?,?)")) {
      bind(ps, new Object[] {recordId, kind, Instant.now().toEpochMilli()});
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("store write failed: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a consistent snapshot of the live store to {@code target} ({@code VACUUM INTO}): a
   * complete SQLite file that can replace {@code liaison.db} of a stopped node.
   */
  public void backup(Path target) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      try (Statement st = conn.createStatement()) {
        st.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
      }
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("backup to " + target + " failed: " + e.getMessage(), e);
    }
  }

  /** Keeps an envelope that lost a conflict; false if it was kept already. */
  public boolean supersede(String recordId, io.liaison.crypto.SignedEnvelope envelope) {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT OR IGNORE INTO superseded(hash, record_id, envelope, at) VALUES (?,?,?,?)")) {
      bind(
          ps,
          new Object[] {
            envelope.hash(),
            recordId,
            new String(envelope.toJson(), java.nio.charset.StandardCharsets.UTF_8),
            Instant.now().toEpochMilli()
          });
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("store write failed: " + e.getMessage(), e);
    }
  }

  /** The superseded envelopes of a record, oldest first. */
  public List<String> superseded(String recordId) {
    return query(
        "SELECT envelope FROM superseded WHERE record_id=? ORDER BY at, hash",
        rs -> rs.getString(1),
        recordId);
  }

  /** Id → content hash of every record of a kind: the anti-entropy digest. */
  public Map<String, String> hashes(String kind) {
    Map<String, String> out = new LinkedHashMap<>();
    query(
        "SELECT id, hash FROM records WHERE kind=?",
        rs -> out.put(rs.getString(1), rs.getString(2)),
        kind);
    return out;
  }

  public long countRecords() {
    return query("SELECT count(*) FROM records", rs -> rs.getLong(1)).get(0);
  }

  /** A record as it is now and its position in the change log (see {@link #changesAfter}). */
  public record Change(long seq, StoredRecord record) {}

  /**
   * Records changed after position {@code seq} of the change log, in log order, at most {@code
   * limit}. Every insert or content change of a record moves it to the end of the log, so tailing
   * from a position sees every record's latest content (for the search index).
   */
  public List<Change> changesAfter(long seq, int limit) {
    return query(
        "SELECT c.seq, r.id, r.kind, r.origin, r.posted_at, r.hash, r.body FROM record_changes c"
            + " JOIN records r ON r.id = c.record_id WHERE c.seq > ? ORDER BY c.seq LIMIT ?",
        rs ->
            new Change(
                rs.getLong(1),
                new StoredRecord(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    Instant.ofEpochMilli(rs.getLong(5)),
                    rs.getString(6),
                    rs.getString(7),
                    null)),
        seq,
        limit);
  }

  /** The end of the change log (0 when empty). */
  public long lastChangeSeq() {
    return query("SELECT coalesce(max(seq), 0) FROM record_changes", rs -> rs.getLong(1)).get(0);
  }

  /** A random id given to this store file when it was created (never changes). */
  public String storeId() {
    return query("SELECT value FROM meta WHERE key='store_id'", rs -> rs.getString(1)).get(0);
  }

  /** The last entry of this bureau's audit chain, or empty for a new chain. */
  public Optional<ChainEntry> chainHead() {
    return query(
            "SELECT seq, hash, envelope, recorded FROM chain ORDER BY seq DESC LIMIT 1",
            Store::toChainEntry)
        .stream()
        .findFirst();
  }

  public void appendChain(ChainEntry e) {
    update(
        "INSERT INTO chain(seq, hash, envelope, recorded) VALUES (?,?,?,?)",
        e.seq(),
        e.hash(),
        e.envelope(),
        e.recorded());
  }

  /** Whether the chain already accounts for the record envelope with this hash. */
  public boolean chainHas(String recordedHash) {
    return !query("SELECT 1 FROM chain WHERE recorded=?", rs -> 1, recordedHash).isEmpty();
  }

  /** Chain entries after {@code seq}, in order, at most {@code limit}. */
  public List<ChainEntry> chainAfter(long seq, int limit) {
    return query(
        "SELECT seq, hash, envelope, recorded FROM chain WHERE seq > ? ORDER BY seq LIMIT ?",
        Store::toChainEntry,
        seq,
        limit);
  }

  /** Every record of a kind, in id order, in pages (for export). */
  public List<StoredRecord> recordsAfter(String kind, String afterId, int limit) {
    return query(
        "SELECT id, kind, origin, posted_at, hash, body FROM records WHERE kind=? AND id > ?"
            + " ORDER BY id LIMIT ?",
        Store::toRecord,
        kind,
        afterId,
        limit);
  }

  /** This bureau's whole chain in order (for export and audit). */
  public List<ChainEntry> chain() {
    return query(
        "SELECT seq, hash, envelope, recorded FROM chain ORDER BY seq", Store::toChainEntry);
  }

  private static ChainEntry toChainEntry(ResultSet rs) throws SQLException {
    return new ChainEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }

  /** Appends to the node-local event feed and returns the event's id (strictly increasing). */
  public long appendEvent(String type, String recordId, String audience, String data) {
    update(
        "INSERT INTO events(type, record_id, audience, at, data) VALUES (?,?,?,?,?)",
        type,
        recordId,
        audience,
        Instant.now().toEpochMilli(),
        data);
    return query("SELECT last_insert_rowid()", rs -> rs.getLong(1)).get(0);
  }

  /** The id of the newest event, or 0 when there is none. */
  public long lastEventSeq() {
    return query("SELECT coalesce(max(seq), 0) FROM events", rs -> rs.getLong(1)).get(0);
  }

  public List<StoredEvent> eventsAfter(long afterSeq, int limit) {
    return query(
        "SELECT seq, type, record_id, audience, at, data FROM events WHERE seq > ? ORDER BY seq"
            + " LIMIT ?",
        rs ->
            new StoredEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getString(6)),
        afterSeq,
        limit);
  }

  /**
   * Keeps a value that failed verification: its hash, size and {@code prefix}, once per key and
   * value (false if that value was kept already), at most {@code cap} entries (the oldest go).
   */
  public boolean quarantine(
      String recordKey,
      String reason,
      String detail,
      String sha256,
      long size,
      String prefix,
      int cap) {
    if (!query(
            "SELECT 1 FROM quarantine WHERE record_key=? AND sha256=? LIMIT 1",
            rs -> 1,
            recordKey,
            sha256)
        .isEmpty()) {
      return false;
    }
    update(
        "INSERT INTO quarantine(record_key, reason, detail, at, body, sha256, size)"
            + " VALUES (?,?,?,?,?,?,?)",
        recordKey,
        reason,
        detail,
        Instant.now().toEpochMilli(),
        prefix,
        sha256,
        size);
    update("DELETE FROM quarantine WHERE id <= (SELECT max(id) FROM quarantine) - ?", cap);
    return true;
  }

  public List<QuarantineEntry> quarantined(int limit) {
    return query(
        "SELECT id, record_key, reason, detail, at, sha256, size, body FROM quarantine"
            + " ORDER BY id DESC LIMIT ?",
        rs ->
            new QuarantineEntry(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getString(6),
                rs.getObject(7) == null ? null : rs.getLong(7),
                rs.getString(8)),
        limit);
  }

  public long quarantineCount() {
    return query("SELECT count(*) FROM quarantine", rs -> rs.getLong(1)).get(0);
  }

  @Override
  public void close() {
    try {
      synchronized (readerLock) {
        readerClosed = true;
        if (reader != null) {
          reader.close();
        }
      }
      conn.close();
    } catch (SQLException e) {
      LOG.warn("closing store failed: {}", e.getMessage());
      return;
    }
    // closing the last connection checkpointed the WAL into the file and removed it: mark the
    // file as closed cleanly, so the next open can skip the full integrity check
    try {
      if (closedCleanlyPossible()) {
        Files.writeString(cleanMarker(file), fingerprint(file) + "\n");
      }
    } catch (java.io.IOException e) {
      LOG.warn("could not mark the store closed cleanly: {}", e.getMessage());
    }
  }

  private boolean closedCleanlyPossible() throws java.io.IOException {
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    return Files.exists(file) && (!Files.exists(wal) || Files.size(wal) == 0);
  }

  private static StoredRecord toRecord(ResultSet rs) throws SQLException {
    return new StoredRecord(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        rs.getString(5),
        rs.getString(6),
        null);
  }

  /**
   * Runs one SQL write with bound arguments and returns the number of changed rows. For feature
   * packages that keep their own tables (their SQL is code, never user input). Store thread only.
   */
  public int update(String sql, Object... args) {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("store write failed: " + e.getMessage(), e);
    }
  }

  /** Runs one SQL query with bound arguments (see {@link #update}). Store thread only. */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try {
      return query(conn, sql, mapper, args);
    } catch (SQLException e) {
      throw new StoreException("store read failed: " + e.getMessage(), e);
    }
  }

  private static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    }
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  /** Maps one result row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
