package io.liaison.node.trust;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.RosterException;
import io.liaison.crypto.SignedRoster;
import io.liaison.node.cluster.GridWatch;
import io.liaison.node.domain.Invalid;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
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

  /**
   * Takes the newest version on the grid, and shares the one in force (listening: see attachment).
   */
  public Future<Void> join() {
    return vertx.executeBlocking(
        () -> {
          raw().forEach(this::fromGrid);
          grid.putIfAbsent(trust.roster().version(), signedJson());
          return null;
        },
        false);
  }

  /**
   * The roster map's listener for {@link io.liaison.node.cluster.GridWatch}; its repair puts the
   * version in force back (the map was destroyed or cleared).
   */
  public GridWatch.Attachment attachment(HazelcastInstance hz) {
    Listener l = new Listener();
    return new GridWatch.Attachment() {
      @Override
      public UUID attach() {
        return hz.getMap(grid.getName()).addEntryListener(l, true);
      }

      @Override
      public Future<?> repair() {
        return join();
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private IMap<Object, Object> raw() {
    return (IMap) grid;
  }

  /**
   * A value seen on the grid under {@code key}: adopted if the authority signed it and it is newer;
   * anything else under a version key (a forgery, another type, a roster filed under another
   * version) is quarantined and put right: the version in force put back under its own key,
   * anything else removed. Never throws.
   */
  private void fromGrid(Object key, Object value) {
    try {
      String json = value instanceof String v ? v : null;
      String why = null;
      if (!(key instanceof Long version)) {
        why = "a key that is not a version";
      } else if (json == null) {
        why = "a value that is not a signed roster";
      } else {
        try {
          SignedRoster signed = SignedRoster.fromJson(json);
          Roster r = RosterAuthority.verify(signed, trust.authorityPublicKey());
          if (r.version() != version) {
            why = "roster version " + r.version() + " filed under " + version;
          } else if (trust.adopt(signed)) {
            persist(json);
          }
        } catch (RuntimeException e) {
          why = e.getMessage();
        }
      }
      if (why == null) {
        return;
      }
      LOG.warn("roster refused key={}: {}", key, why);
      quarantine.add("roster/" + key, "ROSTER_FORGED", why, String.valueOf(value));
      long inForce = trust.roster().version();
      vertx
          .executeBlocking(
              () ->
                  Long.valueOf(inForce).equals(key)
                      ? raw().replace(key, value, signedJson())
                      : raw().remove(key, value),
              false)
          .onSuccess(done -> LOG.warn("roster entry repaired key={} {}", key, done))
          .onFailure(e -> LOG.warn("roster entry not repaired key={}: {}", key, e.toString()));
    } catch (RuntimeException e) {
      LOG.warn("roster grid value not handled key={}: {}", key, e.toString());
    }
  }

  /** Publishes a new roster version (admin); it must be newer and signed by the authority. */
  public Future<Roster> publish(SignedRoster signed) {
    Roster next;
    try {
      next = RosterAuthority.verifySuccessor(trust.roster(), signed, trust.authorityPublicKey());
    } catch (RosterException e) {
      // the whole document is signed: what does not verify is its signature
      throw new Invalid("roster-refused", e.getMessage(), "/signature");
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
      implements EntryAddedListener<Object, Object>,
          EntryUpdatedListener<Object, Object>,
          EntryRemovedListener<Object, Object>,
          MapClearedListener {
    @Override
    public void entryAdded(EntryEvent<Object, Object> e) {
      fromGrid(e.getKey(), e.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<Object, Object> e) {
      fromGrid(e.getKey(), e.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<Object, Object> e) {
      join();
    }

    @Override
    public void mapCleared(MapEvent e) {
      join();
    }
  }
}
