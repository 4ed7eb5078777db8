package io.liaison.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.DistributedObjectEvent;
import com.hazelcast.core.DistributedObjectListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import com.hazelcast.map.listener.MapEvictedListener;
import io.liaison.crypto.Hashes;
import io.liaison.node.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node attached to the shared maps, whatever anyone on the cluster link does to them.
 *
 * <ul>
 *   <li>Every added, updated or merged value goes to its feature's receive (verify, store); a value
 *       of another type is quarantined and repaired ({@link GridReconciler#foreign}); an exception
 *       never leaves a listener.
 *   <li>A removed or evicted entry is put back from the store at once, a cleared map entirely (our
 *       nodes never remove entries of a shared map), unless its retention on the grid is over; an
 *       expired entry (its retention ended) changes nothing in the store or the index.
 *   <li>A destroyed map ({@code destroy()} drops every member's listeners) and a listener
 *       registration that is gone — seen by a {@link DistributedObjectListener} and by a check
 *       every {@link #CHECK_MS} ms — are attached again and the map reconciled with the store.
 *       Until that is done the node is not ready ({@link #problems()}, {@code /health/ready}).
 * </ul>
 *
 * <p>Why over 400 lines: the listeners, the re-attachment after a destroy and the readiness
 * problems share the registration state of every watched map.
 */
public final class GridWatch {
  private static final Logger LOG = LoggerFactory.getLogger(GridWatch.class);

  /** How often the listener registrations are checked. */
  public static final long CHECK_MS = 2_000;

  /** How long after a map's destruction it is attached and repaired a second time. */
  static final long SETTLE_MS = 1_500;

  /** What the watch does for one map: attach its listener, and repair the map after a loss. */
  public interface Attachment {
    /** Adds the map's listener to the map's current proxy; its registration id. */
    UUID attach();

    /** Puts back what the map lost (the map was destroyed, cleared, or missed events). */
    Future<?> repair();
  }

  private final Vertx vertx;
  private final HazelcastInstance hz;
  private final List<Watched> watched = new CopyOnWriteArrayList<>();
  private final Map<String, String> problems = new ConcurrentHashMap<>();
  private UUID objectListener;
  private long timer = -1;

  public GridWatch(Vertx vertx, HazelcastInstance hz) {
    this.vertx = vertx;
    this.hz = hz;
  }

  /** A map that survives its destruction (see {@link LiveMap}). */
  public static <K, V> IMap<K, V> live(HazelcastInstance hz, String name) {
    return LiveMap.of(hz, name);
  }

  /** Watches map {@code name}: attaches now, again after a loss. */
  public void watch(String name, Attachment a) {
    Watched w = new Watched(name, a);
    w.registration = a.attach();
    watched.add(w);
  }

  /**
   * The attachment of a map of signed records: values to {@code receive}, anything else and losses
   * to {@code reconciler} (null: nothing to put back, e.g. superseded transitions).
   */
  public Attachment records(
      String name,
      Store store,
      BiFunction<String, String, Future<Boolean>> receive,
      GridReconciler reconciler) {
    Listener l = new Listener(name, store, receive, reconciler);
    return new Attachment() {
      @Override
      public UUID attach() {
        return hz.getMap(name).addEntryListener(l, true);
      }

      @Override
      public Future<?> repair() {
        return reconciler == null ? Future.succeededFuture() : reconciler.reconcile();
      }
    };
  }

  private Supplier<List<String>> unproven = List::of;
  private final Set<String> alerted = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unprovenCount = new AtomicInteger();

  /**
   * Also checks, at every membership change and every {@link #CHECK_MS} ms, that every member of
   * the cluster proves a roster bureau's node ({@code unproven}: the members that do not,
   * described; see {@code trust.MemberProof}); while one does not, the node is not ready, and each
   * such member is logged as an error once ({@code liaison_grid_members_unverified} counts them).
   */
  public void watchMembers(
      Function<Iterable<Member>, List<String>> unproven, MeterRegistry metrics) {
    this.unproven = () -> unproven.apply(hz.getCluster().getMembers());
    metrics.gauge("liaison.grid.members.unverified", unprovenCount);
    hz.getCluster()
        .addMembershipListener(
            new MembershipListener() {
              @Override
              public void memberAdded(MembershipEvent e) {
                checkMembers();
              }

              @Override
              public void memberRemoved(MembershipEvent e) {
                checkMembers();
              }
            });
    checkMembers();
  }

  private void checkMembers() {
    List<String> bad;
    try {
      bad = unproven.get();
    } catch (RuntimeException e) {
      LOG.warn("member check failed: {}", e.toString());
      return;
    }
    LOG.debug("member check: {} unproven", bad);
    unprovenCount.set(bad.size());
    if (bad.isEmpty()) {
      problems.remove("members");
      alerted.clear();
      return;
    }
    problems.put(
        "members",
        "grid members that do not prove a bureau's roster key: "
            + bad
            + "; this node does not serve with them");
    for (String m : bad) {
      if (alerted.add(m)) {
        LOG.error("unverified grid member joined the cluster: {}", m);
      }
    }
    alerted.retainAll(bad);
  }

  /** Starts watching for destroyed maps and lost listeners. */
  public void start() {
    objectListener =
        hz.addDistributedObjectListener(
            new DistributedObjectListener() {
              @Override
              public void distributedObjectCreated(DistributedObjectEvent e) {}

              @Override
              public void distributedObjectDestroyed(DistributedObjectEvent e) {
                for (Watched w : watched) {
                  if (w.name.equals(e.getObjectName())) {
                    reattach(w, "the map was destroyed", true);
                  }
                }
              }
            });
    timer = vertx.setPeriodic(CHECK_MS, t -> check());
  }

  public void stop() {
    vertx.cancelTimer(timer);
    if (objectListener != null) {
      try {
        hz.removeDistributedObjectListener(objectListener);
      } catch (RuntimeException e) {
        // the instance is shutting down
      }
    }
  }

  /** Why the node cannot do its job on the grid now, by map; empty when it can. */
  public Map<String, String> problems() {
    return new TreeMap<>(problems);
  }

  public boolean healthy() {
    return problems.isEmpty();
  }

  private void check() {
    checkMembers();
    for (Watched w : watched) {
      if (!w.repairing && !registered(w)) {
        reattach(w, "the map's listener registration is gone", true);
      }
    }
  }

  /** Whether this member still holds the map's listener registration; true if it cannot tell. */
  private boolean registered(Watched w) {
    try {
      if (hz instanceof HazelcastInstanceProxy p) {
        return p
            .getOriginal()
            .node
            .getNodeEngine()
            .getEventService()
            .getRegistrations(MapService.SERVICE_NAME, w.name)
            .stream()
            .anyMatch(r -> r.getId().equals(w.registration));
      }
    } catch (RuntimeException e) {
      LOG.debug("listener check failed map={}: {}", w.name, e.toString());
    }
    return true;
  }

  /**
   * Attaches the map's listener again and repairs the map; with {@code twice}, once more {@link
   * #SETTLE_MS} later: the destruction reaches the members one by one, and a member that processes
   * it after the new registration reached it drops that registration too (seen: some keys' events
   * lost for good). The second pass also takes in what the first one missed. The node is not ready
   * until both are done.
   */
  private void reattach(Watched w, String why, boolean twice) {
    synchronized (w) {
      if (w.repairing) {
        return;
      }
      w.repairing = true;
    }
    problems.put(w.name, why + "; attaching again and putting back what it lost");
    LOG.warn("grid map lost map={}: {}; attaching again", w.name, why);
    vertx
        .executeBlocking(
            () -> {
              UUID old = w.registration;
              w.registration = w.attachment.attach();
              try {
                hz.getMap(w.name).removeEntryListener(old);
              } catch (RuntimeException e) {
                // gone with the map
              }
              return null;
            },
            false)
        .compose(v -> w.attachment.repair())
        .onComplete(
            ar -> {
              w.repairing = false;
              if (ar.failed()) {
                problems.put(w.name, "repair failed: " + ar.cause());
                LOG.error("grid map not repaired map={}: {}", w.name, ar.cause().toString());
                vertx.setTimer(SETTLE_MS, t -> reattach(w, why, false));
              } else if (twice) {
                vertx.setTimer(SETTLE_MS, t -> reattach(w, why + " (second pass)", false));
              } else {
                problems.remove(w.name);
                LOG.warn("grid map attached again and repaired map={}", w.name);
              }
            });
  }

  private static final class Watched {
    final String name;
    final Attachment attachment;
    volatile UUID registration;
    volatile boolean repairing;

    Watched(String name, Attachment attachment) {
      this.name = name;
      this.attachment = attachment;
    }
  }

  /**
   * One map's listener: any key or value type (an outsider's Integer must not throw here), the
   * value handed on unless the store already holds exactly it (the node's own echo).
   */
  private final class Listener
      implements EntryAddedListener<Object, Object>,
          EntryUpdatedListener<Object, Object>,
          EntryMergedListener<Object, Object>,
          EntryRemovedListener<Object, Object>,
          EntryEvictedListener<Object, Object>,
          EntryExpiredListener<Object, Object>,
          MapClearedListener,
          MapEvictedListener {
    private final String map;
    private final Store store;
    private final BiFunction<String, String, Future<Boolean>> receive;
    private final GridReconciler reconciler;

    Listener(
        String map,
        Store store,
        BiFunction<String, String, Future<Boolean>> receive,
        GridReconciler reconciler) {
      this.map = map;
      this.store = store;
      this.receive = receive;
      this.reconciler = reconciler;
    }

    @Override
    public void entryAdded(EntryEvent<Object, Object> e) {
      take(e);
    }

    @Override
    public void entryUpdated(EntryEvent<Object, Object> e) {
      take(e);
    }

    @Override
    public void entryMerged(EntryEvent<Object, Object> e) {
      take(e);
    }

    @Override
    public void entryRemoved(EntryEvent<Object, Object> e) {
      putBack(e, "removed");
    }

    @Override
    public void entryEvicted(EntryEvent<Object, Object> e) {
      putBack(e, "evicted");
    }

    /**
     * An entry's retention on the grid ended (docs/architecture.md, "Retention on the grid"): the
     * record stays in every store and index as it is; nothing is put back or changed. (Without this
     * listener Hazelcast would hand expiries to {@link #entryEvicted}, which puts back; that
     * put-back refuses a record past its retention anyway.)
     */
    @Override
    public void entryExpired(EntryEvent<Object, Object> e) {
      LOG.debug("grid entry left after its retention map={} key={}", map, e.getKey());
    }

    @Override
    public void mapCleared(MapEvent e) {
      repairAll("cleared");
    }

    @Override
    public void mapEvicted(MapEvent e) {
      repairAll("evicted");
    }

    private void take(EntryEvent<Object, Object> e) {
      try {
        Object k = e.getKey();
        Object v = e.getValue();
        if (!(k instanceof String key)) {
          LOG.warn("grid key of another type map={} type={}; removed", map, typeOf(k));
          vertx.executeBlocking(() -> hz.getMap(map).remove(k, v), false);
          return;
        }
        if (v == null) {
          return;
        }
        if (!(v instanceof String json)) {
          if (reconciler != null) {
            reconciler.foreign(key, v);
          } else {
            LOG.warn("grid value of another type map={} key={} type={}", map, key, typeOf(v));
          }
          return;
        }
        if (json.length() > GridReconciler.MAX_VALUE_CHARS) {
          if (reconciler != null) {
            reconciler.oversized(key, json);
          } else {
            LOG.warn("oversized grid value map={} key={} chars={}", map, key, json.length());
          }
          return;
        }
        if (!held(key, json)) {
          receive
              .apply(key, json)
              .onFailure(
                  x ->
                      LOG.warn(
                          "grid value not taken in map={} key={}: {}", map, key, x.toString()));
        }
      } catch (RuntimeException x) {
        // a value that does not deserialise (a class we do not have), or a bug: logged, never
        // thrown into Hazelcast's event thread
        LOG.warn("grid event not handled map={}: {}", map, x.toString());
      }
    }

    private void putBack(EntryEvent<Object, Object> e, String how) {
      try {
        if (reconciler != null && e.getKey() instanceof String key) {
          reconciler
              .restore(key)
              .onSuccess(
                  held -> {
                    if (held) {
                      LOG.warn(
                          "grid entry {} map={} key={}; put back from the store", how, map, key);
                    }
                  })
              .onFailure(
                  x ->
                      LOG.warn(
                          "grid entry not put back map={} key={}: {}", map, key, x.toString()));
        }
      } catch (RuntimeException x) {
        LOG.warn("grid event not handled map={}: {}", map, x.toString());
      }
    }

    private void repairAll(String how) {
      if (reconciler != null) {
        LOG.warn("grid map {} map={}; putting back what the store holds", how, map);
        reconciler.reconcile();
      }
    }

    /** Whether the store holds exactly this value; if it cannot tell, no (the full path runs). */
    private boolean held(String key, String value) {
      try {
        return store.holds(key, Hashes.sha256Hex(value.getBytes(StandardCharsets.UTF_8)));
      } catch (RuntimeException x) {
        LOG.warn("store check of a grid value failed key={}: {}", key, x.getMessage());
        return false;
      }
    }
  }

  private static String typeOf(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }
}
