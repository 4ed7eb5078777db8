package io.liaison.node.store;

import java.util.List;
import java.util.Optional;

/**
 * This bureau's officers, their sessions and the access log: the tables behind sign-in ({@code
 * access.AuthService}) and the access-log screen. Store thread only (take it from {@link
 * Store#officers()} inside a store call). Secrets are kept only as hashes.
 */
public final class OfficerStore {
  private final Store store;

  OfficerStore(Store store) {
    this.store = store;
  }

  /** An officer as listed (no secrets); {@code lockedUntil} in epoch ms, 0 if never locked. */
  public record Summary(
      String id, String name, String roles, boolean disabled, long lockedUntil, boolean totp) {}

  /** What sign-in checks: the password hash, the TOTP secret (Base64 or null), the lockout. */
  public record Credentials(
      String id,
      String name,
      String roles,
      String passwordHash,
      String totp,
      int failed,
      long lockedUntil,
      boolean disabled) {}

  /** A live session of an enabled officer, with the officer's name and roles. */
  public record Session(
      String id,
      String officer,
      long accessExpires,
      long refreshExpires,
      String name,
      String roles) {}

  /** One line of the access log; {@code officer} and {@code action} may be null. */
  public record Access(
      long id,
      long at,
      String officer,
      String address,
      String method,
      String path,
      int status,
      String action) {}

  public boolean exists(String id) {
    return !store.query("SELECT 1 FROM officers WHERE id=?", rs -> 1, id).isEmpty();
  }

  /** Adds an officer; {@code totp} is the Base64 TOTP secret or null. */
  public void insert(
      String id, String name, String roles, String passwordHash, String totp, long createdAt) {
    store.update(
        "INSERT INTO officers(id, name, roles, password, totp, created_at) VALUES (?,?,?,?,?,?)",
        id,
        name,
        roles,
        passwordHash,
        totp,
        createdAt);
  }

  /** The officers ({@code id} null) or the one officer {@code id}, by id. */
  public List<Summary> summaries(String id) {
    return store.query(
        "SELECT id, name, roles, disabled, locked_until, totp IS NOT NULL FROM officers"
            + " WHERE (? IS NULL OR id=?) ORDER BY id",
        rs ->
            new Summary(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4) == 1,
                rs.getLong(5),
                rs.getBoolean(6)),
        id,
        id);
  }

  public Optional<Credentials> credentials(String id) {
    return store
        .query(
            "SELECT id, name, roles, password, totp, failed, coalesce(locked_until,0),"
                + " disabled FROM officers WHERE id=?",
            rs ->
                new Credentials(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getLong(7),
                    rs.getInt(8) == 1),
            id)
        .stream()
        .findFirst();
  }

  public void disable(String id) {
    store.update("UPDATE officers SET disabled=1 WHERE id=?", id);
  }

  /** Enables the officer again and lifts a lockout. */
  public void enable(String id) {
    store.update("UPDATE officers SET disabled=0, failed=0, locked_until=NULL WHERE id=?", id);
  }

  /** Sets a new password hash and lifts a lockout. */
  public void setPassword(String id, String passwordHash) {
    store.update(
        "UPDATE officers SET password=?, failed=0, locked_until=NULL WHERE id=?", passwordHash, id);
  }

  /** Counts failed sign-ins; {@code lockedUntil} (epoch ms) 0 for no lockout. */
  public void failedLogins(String id, int failed, long lockedUntil) {
    store.update(
        "UPDATE officers SET failed=?, locked_until=? WHERE id=?",
        failed,
        lockedUntil == 0 ? null : lockedUntil,
        id);
  }

  /** Forgets failed sign-ins and a lockout. */
  public void clearFailures(String id) {
    store.update("UPDATE officers SET failed=0, locked_until=NULL WHERE id=?", id);
  }

  public void openSession(
      String session,
      String officer,
      String accessHash,
      long accessExpires,
      String refreshHash,
      long refreshExpires,
      long createdAt) {
    store.update(
        "INSERT INTO sessions(id, officer, access_hash, access_expires, refresh_hash,"
            + " refresh_expires, created_at) VALUES (?,?,?,?,?,?,?)",
        session,
        officer,
        accessHash,
        accessExpires,
        refreshHash,
        refreshExpires,
        createdAt);
  }

  /** The live session of an enabled officer with this access-token hash. */
  public Optional<Session> sessionByAccess(String accessHash) {
    return session("access_hash", accessHash);
  }

  /** The live session of an enabled officer with this refresh-token hash. */
  public Optional<Session> sessionByRefresh(String refreshHash) {
    return session("refresh_hash", refreshHash);
  }

  private Optional<Session> session(String column, String hash) {
    return store
        .query(
            "SELECT s.id, s.officer, s.access_expires, s.refresh_expires, o.name, o.roles FROM"
                + " sessions s JOIN officers o ON o.id = s.officer WHERE s."
                + column
                + "=? AND s.revoked=0 AND o.disabled=0",
            rs ->
                new Session(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6)),
            hash)
        .stream()
        .findFirst();
  }

  /** New tokens for session {@code id} (the old refresh token stops working). */
  public void renewSession(String id, String accessHash, long accessExpires, String refreshHash) {
    store.update(
        "UPDATE sessions SET access_hash=?, access_expires=?, refresh_hash=? WHERE id=?",
        accessHash,
        accessExpires,
        refreshHash,
        id);
  }

  public void revokeSession(String id) {
    store.update("UPDATE sessions SET revoked=1 WHERE id=?", id);
  }

  public void revokeSessionsOf(String officer) {
    store.update("UPDATE sessions SET revoked=1 WHERE officer=?", officer);
  }

  /** Appends a line to the access log. */
  public void logAccess(
      long at,
      String officer,
      String address,
      String method,
      String path,
      int status,
      String action) {
    store.update(
        "INSERT INTO access_log(at, officer, address, method, path, status, action)"
            + " VALUES (?,?,?,?,?,?,?)",
        at,
        officer,
        address,
        method,
        path,
        status,
        action);
  }

  /** The access log after line {@code after}, of one officer or all ({@code officer} null). */
  public List<Access> accessLog(long after, String officer, int limit) {
    return store.query(
        "SELECT id, at, officer, address, method, path, status, action FROM access_log"
            + " WHERE id > ? AND (? IS NULL OR officer = ?) ORDER BY id LIMIT ?",
        rs ->
            new Access(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8)),
        after,
        officer,
        officer,
        limit);
  }
}
