package io.liaison.node.trust;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.RosterException;
import io.liaison.crypto.SignedRoster;
import io.liaison.node.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributes roster versions over the grid ({@code liaison.roster}, key = version). A version is
 * adopted only if the pinned roster authority signed it and it is newer than the one in force; the
 * adopted roster is written to {@code <dataDir>/roster-adopted.json} so that a revocation survives
 * a full-cluster restart. A forged roster on the grid is quarantined.
 */
public final class RosterService {
  private static final Logger LOG = LoggerFactory.getLogger(RosterService.class);
  public static final String ADOPTED_FILE = "roster-adopted.json";

  private final Vertx vertx;
  private final TrustService trust;
  private final IMap<Long, String> grid;
  private final Quarantine quarantine;
  private final Path adoptedFile;

  public RosterService(
      Vertx vertx,
      TrustService trust,
      IMap<Long, String> grid,
      Quarantine quarantine,
      Path dataDir) {
    this.vertx = vertx;
    this.trust = trust;
    this.grid = grid;
    this.quarantine = quarantine;
    this.adoptedFile = dataDir.resolve(ADOPTED_FILE);
  }

  /** A roster adopted earlier by this node, if any (read at start-up, before joining). */
  public static Optional<SignedRoster> adoptedEarlier(Path dataDir) {
    Path f = dataDir.resolve(ADOPTED_FILE);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SignedRoster.fromJson(Files.readString(f)));
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring unreadable {}: {}", f, e.getMessage());
      return Optional.empty();
    }
  }

  /** Listens for new versions, takes the newest on the grid, and shares the one in force. */
  public Future<Void> join() {
    grid.addEntryListener(new Listener(), true);
    return vertx.executeBlocking(
        () -> {
          grid.values().forEach(v -> consider(v, false));
          grid.putIfAbsent(trust.roster().version(), signedJson());
          return null;
        },
        false);
  }

  /** Publishes a new roster version (admin); it must be newer and signed by the authority. */
  public Future<Roster> publish(SignedRoster signed) {
    Roster next;
    try {
      next = RosterAuthority.verifySuccessor(trust.roster(), signed, trust.authorityPublicKey());
    } catch (RosterException e) {
      // the whole document is signed: what does not verify is its signature
      throw ApiException.unprocessable("roster-refused", e.getMessage(), "/signature");
    }
    String json = new String(signed.toJson(), StandardCharsets.UTF_8);
    return vertx
        .executeBlocking(() -> grid.putIfAbsent(next.version(), json), false)
        .map(
            prev -> {
              consider(json, true);
              return next;
            });
  }

  private String signedJson() {
    return new String(trust.signedRoster().toJson(), StandardCharsets.UTF_8);
  }

  private void consider(String json, boolean fromAdmin) {
    SignedRoster signed;
    try {
      signed = SignedRoster.fromJson(json);
      if (trust.adopt(signed)) {
        persist(json);
      }
    } catch (RuntimeException e) {
      LOG.warn("roster refused: {}", e.getMessage());
      if (!fromAdmin) {
        quarantine.add("roster", "ROSTER_FORGED", e.getMessage(), json);
      }
    }
  }

  private void persist(String json) {
    try {
      Path tmp = adoptedFile.resolveSibling(ADOPTED_FILE + ".tmp");
      Files.createDirectories(adoptedFile.getParent());
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(
          tmp, adoptedFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.error("cannot persist adopted roster: {}", e.getMessage());
    }
  }

  private final class Listener
      implements EntryAddedListener<Long, String>, EntryUpdatedListener<Long, String> {
    @Override
    public void entryAdded(EntryEvent<Long, String> e) {
      consider(e.getValue(), false);
    }

    @Override
    public void entryUpdated(EntryEvent<Long, String> e) {
      consider(e.getValue(), false);
    }
  }
}
