package io.liaison.node.access;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.liaison.api.BureauId;
import io.liaison.api.Problem;
import io.liaison.api.access.EnrolledOfficer;
import io.liaison.api.access.OfficerSummary;
import io.liaison.api.access.Role;
import io.liaison.api.access.SignedInOfficer;
import io.liaison.api.access.Tokens;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Passwords;
import io.liaison.node.config.NodeConfig;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.NotFound;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Sessions;
import io.liaison.node.store.OfficerStore;
import io.liaison.node.store.OfficerStore.Credentials;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Officers of this bureau and their sessions. Passwords are Argon2id hashes; sign-in returns a
 * short-lived opaque access token and a rotating refresh token, both random and stored only as
 * SHA-256 hashes; failed sign-ins lock the officer out for a time that doubles with each further
 * failure; an optional TOTP (RFC 6238) second factor.
 *
 * <p>Why over 400 lines: sign-in, refresh, lock-out, TOTP and enrolment share the officer row and
 * its session rules; the SQL is in {@code store.OfficerStore}.
 */
public final class AuthService {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String DUMMY_HASH = Passwords.hash("no such officer".toCharArray());
  private static final Duration MAX_LOCKOUT = Duration.ofHours(24);

  private final Vertx vertx;
  private final StoreExecutor store;
  private final BureauId bureau;
  private final NodeConfig.Security config;
  private final Clock clock;
  private final Map<String, Session> byAccessHash = new ConcurrentHashMap<>();

  /** A session as cached in memory. */
  private record Session(
      String id, Principal principal, long accessExpires, long refreshExpires, boolean revoked) {}

  public AuthService(
      Vertx vertx, StoreExecutor store, BureauId bureau, NodeConfig.Security config, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.bureau = bureau;
    this.config = config;
    this.clock = clock;
  }

  /** Enrols an officer of this bureau; returns the TOTP provisioning URI when one was set up. */
  public Future<EnrolledOfficer> enrol(Officer o) {
    if (!o.id().startsWith(bureau.code() + "-")) {
      throw new Invalid(
          "foreign-officer", "an officer of this node must be of bureau " + bureau, "/id");
    }
    byte[] totp = o.totp() ? randomBytes(20) : null;
    return vertx
        .executeBlocking(() -> Passwords.hash(o.password().toCharArray()), false)
        .compose(
            hash ->
                store.call(
                    s -> {
                      insert(s, o, hash, totp, clock.millis());
                      return null;
                    }))
        .map(
            v -> {
              LOG.info("officer enrolled officer={} bureau={} roles={}", o.id(), bureau, o.roles());
              String uri =
                  totp == null
                      ? null
                      : "otpauth://totp/Liaison:"
                          + o.id()
                          + "?secret="
                          + Base32.toBase32String(totp).replace("=", "")
                          + "&issuer=Liaison";
              return new EnrolledOfficer(o.id(), o.name(), o.roles(), uri);
            });
  }

  /** Inserts an enrolled officer (store thread); 409 if the officer number is taken. */
  static void insert(Store s, Officer o, String passwordHash, byte[] totp, long now) {
    if (s.officers().exists(o.id())) {
      throw new Conflict("officer-exists", "officer " + o.id() + " exists");
    }
    s.officers()
        .insert(
            o.id(),
            o.name(),
            roles(o.roles()),
            passwordHash,
            totp == null ? null : Base64.getEncoder().encodeToString(totp),
            now);
  }

  /**
   * Enrols an officer directly into a store file while the node is stopped (the administrator's
   * bootstrap: the first ADMIN cannot be enrolled over the API).
   */
  public static void enrolOffline(Store s, Officer o) {
    insert(s, o, Passwords.hash(o.password().toCharArray()), null, System.currentTimeMillis());
  }

  /** The bureau's officers (no secrets). */
  public Future<List<OfficerSummary>> officers() {
    return store.call(s -> summaries(s, null));
  }

  /** One officer of this bureau (no secrets); 404 when there is none. */
  public Future<OfficerSummary> officer(String id) {
    return store.call(
        s ->
            summaries(s, id).stream().findFirst().orElseThrow(() -> new NotFound("officer " + id)));
  }

  /** What an administrator changes about an officer. */
  public enum Change {
    DISABLE,
    ENABLE,
    RESET_PASSWORD
  }

  /**
   * Disables an officer (every session ends at once), enables one again (and lifts a lockout), or
   * sets a new password (lifts a lockout, ends every session). An administrator cannot disable
   * themself (the bureau could be left without one).
   */
  public Future<OfficerSummary> change(
      String id, Change change, char[] password, String byOfficer) {
    if (change == Change.DISABLE && id.equals(byOfficer)) {
      throw new Invalid(
          "self-disable", "an administrator cannot disable their own account", "/action");
    }
    Future<String> hash =
        change == Change.RESET_PASSWORD
            ? vertx.executeBlocking(() -> Passwords.hash(password), false)
            : Future.succeededFuture(null);
    return hash.compose(
            h ->
                store.call(
                    s -> {
                      OfficerStore officers = s.officers();
                      if (!officers.exists(id)) {
                        throw new NotFound("officer " + id);
                      }
                      switch (change) {
                        case DISABLE -> officers.disable(id);
                        case ENABLE -> officers.enable(id);
                        case RESET_PASSWORD -> officers.setPassword(id, h);
                      }
                      if (change != Change.ENABLE) {
                        officers.revokeSessionsOf(id);
                        // the in-memory sessions too, or an access token works on until it expires
                        byAccessHash.values().removeIf(x -> x.principal().officer().equals(id));
                      }
                      return summaries(s, id).get(0);
                    }))
        .onSuccess(
            v -> {
              if (change != Change.ENABLE) {
                // open event streams of the officer end now, not at their next reconnect
                vertx.eventBus().publish(Sessions.ENDED, id);
              }
              LOG.info(
                  "officer changed officer={} change={} by={} bureau={}",
                  id,
                  change,
                  byOfficer,
                  bureau);
            });
  }

  private List<OfficerSummary> summaries(Store s, String id) {
    return s.officers().summaries(id).stream()
        .map(
            o ->
                new OfficerSummary(
                    o.id(),
                    o.name(),
                    parseRoles(o.roles()),
                    o.disabled(),
                    o.lockedUntil() > clock.millis() ? Instant.ofEpochMilli(o.lockedUntil()) : null,
                    o.totp()))
        .toList();
  }

  /** Signs an officer in; every failure looks the same to the caller except a lockout. */
  public Future<Tokens> login(String officer, char[] password, String totpCode) {
    return store
        .call(s -> s.officers().credentials(officer))
        .compose(
            row -> {
              long now = clock.millis();
              if (row.isPresent() && row.get().lockedUntil() > now) {
                long secs = Math.max(1, (row.get().lockedUntil() - now + 999) / 1000);
                return Future.failedFuture(locked(secs));
              }
              String hash = row.map(Credentials::passwordHash).orElse(DUMMY_HASH);
              return vertx
                  .executeBlocking(() -> Passwords.verify(password, hash), false)
                  .compose(
                      ok -> {
                        Arrays.fill(password, '\0');
                        boolean good =
                            ok
                                && row.isPresent()
                                && !row.get().disabled()
                                && totpOk(row.get().totp(), totpCode);
                        if (!good) {
                          return row.isPresent()
                              ? recordFailure(row.get())
                                  .compose(v -> Future.failedFuture(invalid()))
                              : Future.failedFuture(invalid());
                        }
                        return startSession(row.get());
                      });
            });
  }

  private Future<Void> recordFailure(Credentials row) {
    int failed = row.failed() + 1;
    long lockedUntil = 0;
    if (failed >= config.maxFailedLogins()) {
      long factor = 1L << Math.min(10, failed - config.maxFailedLogins());
      Duration d = config.lockout().multipliedBy(factor);
      lockedUntil = clock.millis() + Math.min(d.toMillis(), MAX_LOCKOUT.toMillis());
      LOG.warn(
          "officer locked out officer={} failures={} for={}s", row.id(), failed, d.toSeconds());
    }
    long until = lockedUntil;
    return store.call(
        s -> {
          s.officers().failedLogins(row.id(), failed, until);
          return null;
        });
  }

  private Future<Tokens> startSession(Credentials row) {
    String session = token(16);
    String access = token(32);
    String refresh = token(32);
    long now = clock.millis();
    long accessExp = now + config.accessTtl().toMillis();
    long refreshExp = now + config.refreshTtl().toMillis();
    Principal p = principal(row.id(), row.name(), row.roles(), session);
    return store
        .call(
            s -> {
              s.officers().clearFailures(row.id());
              s.officers()
                  .openSession(
                      session, row.id(), hash(access), accessExp, hash(refresh), refreshExp, now);
              return null;
            })
        .map(
            v -> {
              byAccessHash.put(hash(access), new Session(session, p, accessExp, refreshExp, false));
              LOG.info("officer signed in officer={} session={}", row.id(), session);
              return tokens(p, access, refresh, accessExp, refreshExp);
            });
  }

  /** Exchanges a refresh token for a new pair; the old refresh token stops working. */
  public Future<Tokens> refresh(String refreshToken) {
    String h = hash(refreshToken);
    String access = token(32);
    String refresh = token(32);
    long now = clock.millis();
    long accessExp = now + config.accessTtl().toMillis();
    return store.call(
        s -> {
          Optional<OfficerStore.Session> found = s.officers().sessionByRefresh(h);
          if (found.isEmpty() || found.get().refreshExpires() <= now) {
            throw invalidToken("the refresh token is not valid; sign in again");
          }
          OfficerStore.Session f = found.get();
          s.officers().renewSession(f.id(), hash(access), accessExp, hash(refresh));
          byAccessHash.values().removeIf(x -> x.id().equals(f.id()));
          Principal p = principal(f.officer(), f.name(), f.roles(), f.id());
          byAccessHash.put(
              hash(access), new Session(f.id(), p, accessExp, f.refreshExpires(), false));
          return tokens(p, access, refresh, accessExp, f.refreshExpires());
        });
  }

  /** Ends a session: its tokens stop working at once, on this node. */
  public Future<Void> logout(Principal p) {
    byAccessHash.values().removeIf(x -> x.id().equals(p.session()));
    return store.call(
        s -> {
          s.officers().revokeSession(p.session());
          LOG.info("officer signed out officer={} session={}", p.officer(), p.session());
          return null;
        });
  }

  /** The principal of an access token, or a 401 failure. */
  public Future<Principal> authenticate(String accessToken) {
    String h = hash(accessToken);
    Session cached = byAccessHash.get(h);
    long now = clock.millis();
    if (cached != null) {
      return cached.accessExpires() > now && !cached.revoked()
          ? Future.succeededFuture(cached.principal())
          : Future.failedFuture(invalidToken("the access token has expired; refresh it"));
    }
    return store
        .call(s -> lookup(s, h))
        .compose(
            found -> {
              if (found.isEmpty() || found.get().accessExpires() <= now) {
                return Future.failedFuture(invalidToken("the access token is not valid"));
              }
              byAccessHash.put(h, found.get());
              return Future.succeededFuture(found.get().principal());
            });
  }

  private Optional<Session> lookup(Store s, String accessHash) {
    return s.officers()
        .sessionByAccess(accessHash)
        .map(
            f ->
                new Session(
                    f.id(),
                    principal(f.officer(), f.name(), f.roles(), f.id()),
                    f.accessExpires(),
                    f.refreshExpires(),
                    false));
  }

  private Principal principal(String officer, String name, String roles, String session) {
    return new Principal(officer, name, bureau, parseRoles(roles), session);
  }

  private static Tokens tokens(Principal p, String access, String refresh, long aExp, long rExp) {
    SignedInOfficer officer = new SignedInOfficer(p.officer(), p.name(), p.bureau(), p.roles());
    return new Tokens(
        access, refresh, "Bearer", Instant.ofEpochMilli(aExp), Instant.ofEpochMilli(rExp), officer);
  }

  private boolean totpOk(String secret, String code) {
    if (secret == null) {
      return true;
    }
    if (code == null || !code.matches("[0-9]{6}")) {
      return false;
    }
    try {
      TimeBasedOneTimePasswordGenerator gen = new TimeBasedOneTimePasswordGenerator();
      SecretKeySpec key = new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA1");
      Instant now = clock.instant();
      for (int step = -1; step <= 1; step++) {
        int expected =
            gen.generateOneTimePassword(key, now.plus(gen.getTimeStep().multipliedBy(step)));
        if (String.format("%06d", expected).equals(code)) {
          return true;
        }
      }
      return false;
    } catch (InvalidKeyException e) {
      return false;
    }
  }

  static String roles(Set<Role> roles) {
    return String.join(",", roles.stream().map(Enum::name).sorted().toList());
  }

  static Set<Role> parseRoles(String csv) {
    Set<Role> out = EnumSet.noneOf(Role.class);
    for (String r : csv.split(",")) {
      if (!r.isBlank()) {
        out.add(Role.valueOf(r.strip()));
      }
    }
    return out;
  }

  private static String token(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  static String hash(String token) {
    return Hashes.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
  }

  private static ApiException invalid() {
    return new ApiException(
        Problem.of(
            "invalid-credentials", "Sign-in failed", 401, "wrong officer, password or code", null));
  }

  static ApiException invalidToken(String detail) {
    return new ApiException(Problem.of("invalid-token", "Not signed in", 401, detail, null));
  }

  private static ApiException locked(long seconds) {
    return new ApiException(
        Problem.of(
            "locked-out",
            "Too many failed sign-ins",
            429,
            "this officer is locked out for " + seconds + " s more",
            null),
        seconds);
  }
}
