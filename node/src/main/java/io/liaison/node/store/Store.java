package io.liaison.node.store;

import io.liaison.api.admin.QuarantineEntry;
import io.liaison.crypto.SignedEnvelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The node's durable record: one SQLite file in WAL mode with {@code synchronous=FULL}, so a
 * committed transaction is on disk before the call returns ({@link StoreFile}). It keeps, each in a
 * table class of this package with the SQL of its own: every verified shared record (own and
 * received) with the change log and superseded envelopes ({@link RecordTable}), the answers of
 * idempotent requests ({@link IdempotencyTable}), this bureau's signed audit chain ({@link
 * AuditChainTable}), the node-local event feed that SSE clients resume from ({@link EventTable}),
 * the quarantine ({@link QuarantineTable}) and the officers with their sessions ({@link
 * OfficerStore}). No SQL is written outside this package.
 *
 * <p>Why over 400 lines: it is the one gateway to the file (one connection, one transaction per
 * batch), so it keeps the public method of every table as a one-line delegate that the feature
 * packages call; the SQL itself is in the table classes.
 *
 * <p>Not thread-safe: the node calls it from one ordered worker only ({@code StoreExecutor}); the
 * exceptions, safe from any thread, are {@link #known}, {@link #holds} and {@link
 * #committedRecord}.
 */
public final class Store implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  private final Connection conn;
  private final Statements statements;
  private final Path file;
  private final KnownRecords known = new KnownRecords(KnownRecords.DEFAULT_CAPACITY);
  // a second, read-only connection for {@link #holds} from other threads (WAL: it sees what is
  // committed, never the store thread's open batch)
  private Connection reader;
  private final Object readerLock = new Object();
  private boolean readerClosed; // guarded by readerLock: no new reader once the store is closed
  // records written by the running batch: told to {@link #known} only once it is committed
  private final List<StoredRecord> written = new ArrayList<>();

  private final StoreFile.OpenCheck openCheck;
  private final Checkpoints checkpoints;

  private Store(StoreFile.Opened opened, Path file) {
    this.conn = opened.connection();
    this.statements = new Statements(conn);
    this.file = file;
    this.openCheck = opened.check();
    // after a start that skipped the full check, checkpoints are marked only once it has passed
    this.checkpoints = new Checkpoints(file, openCheck != StoreFile.OpenCheck.CHECKPOINT);
  }

  /**
   * Opens (creating if need be) the store file, checks its integrity unless it was closed cleanly
   * ({@link StoreFile}), and brings its schema up to date.
   */
  public static Store open(Path file) {
    StoreFile.Opened opened = StoreFile.connect(file);
    Connection c = opened.connection();
    try {
      Store store = new Store(opened, file);
      Migrations.apply(c);
      store.checkpoints.run(c);
      LOG.info(
          "store opened file={} schema={} check={}",
          file,
          Migrations.current(c),
          opened.check().name().toLowerCase(Locale.ROOT));
      return store;
    } catch (SQLException e) {
      throw StoreFile.openFailed(file, e);
    }
  }

  /** System property: {@code always} runs the integrity check on every open. */
  public static final String CHECK = StoreFile.CHECK;

  public Path file() {
    return file;
  }

  /** How the file was checked when it was opened. */
  public StoreFile.OpenCheck openCheck() {
    return openCheck;
  }

  /**
   * The whole file's {@code PRAGMA quick_check}, on a read-only connection of its own (safe from
   * any thread; it reads the whole file). Empty if it passed — then checkpoints are marked again —
   * else what it found.
   */
  public Optional<String> fullCheck() {
    Optional<String> found = StoreFile.fullCheck(file);
    if (found.isEmpty()) {
      checkpoints.markable();
    }
    return found;
  }

  /**
   * The file was found damaged while the node ran: no marker is written from now on (nor at close),
   * so the next start checks in full and refuses it. Returns the message to stop with.
   */
  public StoreException condemn(String finding) {
    checkpoints.condemn();
    return StoreFile.corrupt(file, finding);
  }

  /** Runs a WAL checkpoint if one is due (the store thread calls this between batches). */
  public void idle() {
    try {
      if (conn.getAutoCommit()) {
        checkpoints.maybe(conn);
      }
    } catch (SQLException e) {
      LOG.warn("store checkpoint skipped: {}", e.getMessage());
    }
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
            "SELECT " + RecordTable.COLUMNS + " FROM records WHERE id=?", RecordTable::toRecord, id)
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
          SQLiteConfig c = new SQLiteConfig();
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
  public List<Object> runBatch(List<Function<Store, ?>> units) {
    List<Object> results = new ArrayList<>(units.size());
    try {
      conn.setAutoCommit(false);
      try {
        for (var unit : units) {
          Savepoint sp = conn.setSavepoint();
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
        conn.setAutoCommit(true);
        checkpoints.maybe(conn);
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

  // the tables, each with the SQL of what it keeps; the public methods below are their API
  private final RecordTable records = new RecordTable(this);
  private final IdempotencyTable idempotency = new IdempotencyTable(this);
  private final AuditChainTable chain = new AuditChainTable(this);
  private final EventTable events = new EventTable(this);
  private final QuarantineTable quarantine = new QuarantineTable(this);
  private final OfficerStore officers = new OfficerStore(this);
  private final ImportTable imports = new ImportTable(this);

  // records and change log (RecordTable)

  /**
   * Inserts or replaces a shared record. Returns false (and changes nothing) when the stored copy
   * already has the same content hash.
   */
  public boolean putRecord(StoredRecord r) {
    if (!records.put(r)) {
      return false;
    }
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
  public List<StoredRecord> records(Collection<String> ids) {
    return records.records(ids);
  }

  public Optional<StoredRecord> record(String id) {
    return records.record(id);
  }

  /**
   * Records of one kind, newest first, optionally of one origin bureau, strictly older than the
   * cursor (posted-at millis and id of the last item of the previous page).
   */
  public List<StoredRecord> records(String kind, String origin, Cursor before, int limit) {
    return records.records(kind, origin, before, limit);
  }

  /**
   * Records of one kind matching an SQL condition over the fact columns ({@code state}, {@code
   * owner}, {@code handover_to}, {@code targets}, {@code origin}, {@code claimed_at}, {@code
   * feedback_at}, {@code expires_at}), newest first, with keyset paging. The condition is code, not
   * user input; its values are bound as {@code args}.
   */
  public List<StoredRecord> recordsWhere(
      String kind, String condition, List<Object> args, Cursor before, int limit) {
    return records.recordsWhere(kind, condition, args, before, limit);
  }

  /** Every record of a kind, in id order, in pages (for export). */
  public List<StoredRecord> recordsAfter(String kind, String afterId, int limit) {
    return records.recordsAfter(kind, afterId, limit);
  }

  /** Id → content hash of every record of a kind: the anti-entropy digest. */
  public Map<String, String> hashes(String kind) {
    return records.hashes(kind);
  }

  /**
   * The anti-entropy digests of a kind's records per bucket ({@link RecordBuckets}), kept with
   * every write: reading them costs 4,096 rows, not one per record.
   */
  public RecordBuckets.Digests digests(String kind) {
    return records.digests(kind);
  }

  /** Id → content hash of the records of a kind in the given buckets ({@link RecordBuckets}). */
  public Map<String, String> hashes(String kind, Collection<Integer> buckets) {
    return records.hashes(kind, buckets);
  }

  /**
   * The digests of a kind's records that belong on the grid: those not settled longer than the grid
   * retention ago as of the last {@link #retire} (docs/architecture.md, "Retention on the grid").
   * What the grid's digests are compared against.
   */
  public RecordBuckets.Digests gridDigests(String kind) {
    return records.gridDigests(kind);
  }

  /**
   * Id → content hash of the records of a kind that belong on the grid, in the given buckets (all
   * if null).
   */
  public Map<String, String> gridHashes(String kind, Collection<Integer> buckets) {
    return records.gridHashes(kind, buckets);
  }

  /**
   * Takes out of the grid digests at most {@code limit} records settled at or before {@code cutoff}
   * (epoch ms); how many it took out (fewer than {@code limit}: none is left).
   */
  public int retire(long cutoff, int limit) {
    return records.retire(cutoff, limit);
  }

  /** Id → content hash of those of {@code ids} (at most 500) the store holds. */
  public Map<String, String> hashesOf(Collection<String> ids) {
    return records.hashesOf(ids);
  }

  private volatile Duration gridRetention = Duration.ofDays(7);

  /** How long a settled record stays on the grid after its last write (the node's setting). */
  public Duration gridRetention() {
    return gridRetention;
  }

  /** Sets {@link #gridRetention} (once, at start, from the node's configuration). */
  public void gridRetention(Duration retention) {
    this.gridRetention = Objects.requireNonNull(retention);
  }

  /**
   * The numbers after {@code prefix} of the ids of {@code kind} that are {@code prefix} and digits
   * (an audit chain's seqs: kind {@code audit}, prefix {@code <bureau>/}), ascending.
   */
  public long[] numberedIds(String kind, String prefix) {
    return records.numberedIds(kind, prefix);
  }

  /** The origin bureaus of the records of {@code kind}, ascending. */
  public List<String> origins(String kind) {
    return records.origins(kind);
  }

  public long countRecords() {
    return records.count();
  }

  /**
   * Whether bureau {@code origin} shared a lead open to every member (not sealed) that cites the
   * attachment with content hash {@code sha256}.
   */
  public boolean openLeadCites(String origin, String sha256) {
    return records.openLeadCites(origin, sha256);
  }

  /** A record as it is now and its position in the change log (see {@link #changesAfter}). */
  public record Change(long seq, StoredRecord record) {}

  /**
   * Records changed after position {@code seq} of the change log, in log order, at most {@code
   * limit}. Every insert or content change of a record moves it to the end of the log, so tailing
   * from a position sees every record's latest content (for the search index).
   */
  public List<Change> changesAfter(long seq, int limit) {
    return records.changesAfter(seq, limit);
  }

  /**
   * As {@link #changesAfter(long, int)}, only records of the given kinds (for the report's facts,
   * which skip the price observations and the rest).
   */
  public List<Change> changesAfter(long seq, Collection<String> kinds, int limit) {
    return records.changesAfter(seq, kinds, limit);
  }

  /** The end of the change log (0 when empty). */
  public long lastChangeSeq() {
    return records.lastChangeSeq();
  }

  /** Keeps an envelope that lost a conflict; false if it was kept already. */
  public boolean supersede(String recordId, SignedEnvelope envelope) {
    return records.supersede(recordId, envelope);
  }

  /** The superseded envelopes of a record, oldest first. */
  public List<String> superseded(String recordId) {
    return records.superseded(recordId);
  }

  // idempotency (IdempotencyTable)

  /** The stored response of an earlier request with this idempotency key, if any. */
  public Optional<String[]> idempotent(String key) {
    return idempotency.get(key);
  }

  public void rememberIdempotent(String key, int status, String response) {
    idempotency.remember(key, status, response);
  }

  // audit chain (AuditChainTable)

  /** The last entry of this bureau's audit chain, or empty for a new chain. */
  public Optional<ChainEntry> chainHead() {
    return chain.head();
  }

  public void appendChain(ChainEntry e) {
    chain.append(e);
  }

  /** Whether the chain already accounts for the record envelope with this hash. */
  public boolean chainHas(String recordedHash) {
    return chain.has(recordedHash);
  }

  /** Chain entries after {@code seq}, in order, at most {@code limit}. */
  public List<ChainEntry> chainAfter(long seq, int limit) {
    return chain.after(seq, limit);
  }

  /** This bureau's whole chain in order (for export and audit). */
  public List<ChainEntry> chain() {
    return chain.all();
  }

  // event feed (EventTable)

  /** Appends to the node-local event feed and returns the event's id (strictly increasing). */
  public long appendEvent(String type, String recordId, String audience, String data) {
    return events.append(type, recordId, audience, data);
  }

  /** The id of the newest event, or 0 when there is none. */
  public long lastEventSeq() {
    return events.lastSeq();
  }

  public List<StoredEvent> eventsAfter(long afterSeq, int limit) {
    return events.after(afterSeq, limit);
  }

  /** The data of the newest {@code limit} events of {@code type}, newest first. */
  public List<String> eventData(String type, int limit) {
    return events.dataOfType(type, limit);
  }

  /**
   * Records that a notification of {@code kind} about a record was sent; false if it was already.
   */
  public boolean markNotified(String recordId, String kind) {
    return events.markNotified(recordId, kind);
  }

  // quarantine (QuarantineTable)

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
    return quarantine.add(recordKey, reason, detail, sha256, size, prefix, cap);
  }

  public List<QuarantineEntry> quarantined(int limit) {
    return quarantine.latest(limit);
  }

  public long quarantineCount() {
    return quarantine.count();
  }

  // officers, sessions, access log

  /** This bureau's officers, their sessions and the access log. */
  public OfficerStore officers() {
    return officers;
  }

  /** Import jobs of case registers and the saved column mapping. */
  public ImportTable imports() {
    return imports;
  }

  // the file

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
    } catch (SQLException | IOException e) {
      throw new StoreException("backup to " + target + " failed: " + e.getMessage(), e);
    }
  }

  /** A random id given to this store file when it was created (never changes). */
  public String storeId() {
    return query("SELECT value FROM meta WHERE key='store_id'", rs -> rs.getString(1)).get(0);
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
      // the clean-close marker takes over from the checkpoint marker (closing checkpoints)
      Checkpoints.unmark(file);
      statements.close();
      conn.close();
    } catch (SQLException | IOException e) {
      LOG.warn("closing store failed: {}", e.getMessage());
      return;
    }
    // a start that skipped the full check and closed before it passed (or found damage) leaves
    // no marker: the next start checks in full
    if (checkpoints.trusted()) {
      StoreFile.markClosed(file);
    }
  }

  /**
   * Runs one SQL write with bound arguments and returns the number of changed rows: for the tables
   * of this package (their SQL is code, never user input). Store thread only.
   */
  int update(String sql, Object... args) {
    try {
      return statements.with(
          sql,
          ps -> {
            bind(ps, args);
            return ps.executeUpdate();
          });
    } catch (SQLException e) {
      throw new StoreException("store write failed: " + e.getMessage(), e);
    }
  }

  /** Runs one SQL query with bound arguments (see {@link #update}). Store thread only. */
  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try {
      return statements.with(sql, ps -> rows(ps, mapper, args));
    } catch (SQLException e) {
      throw new StoreException("store read failed: " + e.getMessage(), e);
    }
  }

  private static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return rows(ps, mapper, args);
    }
  }

  private static <T> List<T> rows(PreparedStatement ps, RowMapper<T> mapper, Object[] args)
      throws SQLException {
    bind(ps, args);
    try (ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
      return out;
    }
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  /** Maps one result row. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
