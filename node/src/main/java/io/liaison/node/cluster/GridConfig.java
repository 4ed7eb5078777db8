package io.liaison.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.util.ConcurrencyUtil;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.liaison.node.config.NodeConfig;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the Hazelcast member configuration of a node: TCP-IP join on the configured members only,
 * multicast off, bound to the configured interface, no phone-home, SLF4J logging, and one backup
 * for every shared map. Includes the maps that vertx-hazelcast's bundled {@code
 * default-cluster.xml} would have declared, since a programmatic {@link Config} does not apply it.
 */
public final class GridConfig {
  /** Our factory of grid-serialised objects (entry processors). */
  public static final int FACTORY_ID = 1000;

  /** Shared leads: lead id → JSON array of signed envelopes (the post, then each transition). */
  public static final String LEADS = "liaison.leads";

  /** Every bureau's audit chain entries: {@code <bureau>/<seq>} → signed entry JSON. */
  public static final String AUDIT = "liaison.audit";

  /**
   * The member attribute of builds that read audit chains from their stores and let audit entries
   * leave the grid after the retention; absent on earlier releases, which verify chains from the
   * grid, and on a node configured with {@code cluster.keepAuditOnGrid}. Entries expire only while
   * every data member announces it ({@link #everyDataMemberAnnounces}).
   */
  public static final String AUDIT_RETENTION = "liaison.audit-retention";

  /**
   * Whether every data member of {@code hz}'s cluster (lite members hold no data) has {@code
   * attribute} = 1.
   */
  public static boolean everyDataMemberAnnounces(HazelcastInstance hz, String attribute) {
    if (hz == null) {
      return false;
    }
    for (Member m : hz.getCluster().getMembers()) {
      if (!m.isLiteMember() && !"1".equals(m.getAttribute(attribute))) {
        return false;
      }
    }
    return true;
  }

  /** Transitions that lost a conflict: envelope hash → the signed envelope JSON. */
  public static final String SUPERSEDED = "liaison.superseded";

  /** Each bureau's liaison directory: {@code directory-<bureau>} → signed envelope JSON. */
  public static final String DIRECTORY = "liaison.directory";

  /** Signed roster versions: version → signed roster JSON. */
  public static final String ROSTER = "liaison.roster";

  /** Shared cases: pool id → JSON array of signed case versions (see node.cases.SharedCase). */
  public static final String CASES = "liaison.cases";

  /** Bureaus' signed merge decisions: {@code <proposalId>/<bureau>} → signed envelope JSON. */
  public static final String MERGE = "liaison.merge";

  /**
   * Signed hit notices on restricted records: {@code hit/<sealedId>/<recordId>} → envelope JSON.
   */
  public static final String HITS = "liaison.hits";

  /** Joint-operation plans: plan id → JSON array of signed steps (see node.action.PlanRecord). */
  public static final String ACTIONS = "liaison.actions";

  /** Joint meetings: {@code <id>}, {@code <id>/ack/<bureau>}, {@code <id>/done/<n>} → envelope. */
  public static final String MEETINGS = "liaison.meetings";

  private GridConfig() {}

  /**
   * The member configuration of {@code node}; {@code gridObjects} makes the objects the node sends
   * over the grid in its own serialised form (entry processors and their answers, under {@link
   * #FACTORY_ID}).
   */
  public static Config build(NodeConfig node, DataSerializableFactory gridObjects) {
    callbacksOnAPool();
    NodeConfig.Cluster c = node.cluster();
    Config cfg = new Config();
    cfg.setClusterName(c.name());
    cfg.setInstanceName("liaison-" + node.bureau() + "-" + c.port());
    // what this build's members understand on the wire beyond the first release (see BackupWrite)
    cfg.getMemberAttributeConfig().setAttribute(BackupWrite.ATTRIBUTE, "1");
    if (!c.keepAuditOnGrid()) {
      cfg.getMemberAttributeConfig().setAttribute(AUDIT_RETENTION, "1");
    }
    cfg.setProperty("hazelcast.phone.home.enabled", "false");
    cfg.setProperty("hazelcast.logging.type", "slf4j");
    cfg.setProperty("hazelcast.socket.bind.any", "false");
    cfg.setProperty("hazelcast.shutdownhook.enabled", "false");
    cfg.setProperty(
        "hazelcast.wait.seconds.before.join", Long.toString(Math.max(0, c.joinWait().toSeconds())));
    // how soon after start, and how often, a member looks for a healed split: 30 s unless the JVM
    // is given the Hazelcast property of the same name (-D…; the real-split test uses 3 s)
    for (String p :
        new String[] {
          "hazelcast.merge.first.run.delay.seconds", "hazelcast.merge.next.run.delay.seconds"
        }) {
      cfg.setProperty(p, System.getProperty(p, "30"));
    }

    NetworkConfig net = cfg.getNetworkConfig();
    net.setPort(c.port()).setPortAutoIncrement(false);
    // host only: vertx-hazelcast hands the public address to the clustered event bus as a host
    net.setPublicAddress(c.host());
    net.getInterfaces().setEnabled(true).addInterface(c.host());
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    join.getTcpIpConfig().addMember(c.host() + ":" + c.port());
    c.members().forEach(m -> join.getTcpIpConfig().addMember(m));

    cfg.addMapConfig(
        new MapConfig(LEADS).setBackupCount(1).setInMemoryFormat(InMemoryFormat.BINARY));
    cfg.addMapConfig(new MapConfig(ROSTER).setBackupCount(2));
    cfg.addMapConfig(new MapConfig(DIRECTORY).setBackupCount(2));
    // a shared case needs no cluster-wide decision: every write of it (a version, a setAll of an
    // import, a put-back) leaves the grid the retention after it; served from the stores then
    cfg.addMapConfig(
        new MapConfig(CASES)
            .setBackupCount(1)
            .setInMemoryFormat(InMemoryFormat.BINARY)
            .setTimeToLiveSeconds(
                (int) Math.max(1, Math.min(Integer.MAX_VALUE, c.gridRetention().toSeconds()))));
    cfg.addMapConfig(new MapConfig(SUPERSEDED).setBackupCount(1));
    cfg.addMapConfig(new MapConfig(MERGE).setBackupCount(1));
    cfg.addMapConfig(new MapConfig(HITS).setBackupCount(1));
    cfg.addMapConfig(new MapConfig(ACTIONS).setBackupCount(1));
    cfg.addMapConfig(new MapConfig(MEETINGS).setBackupCount(1));
    // an audit entry needs no cluster-wide decision either, but a member of an earlier release
    // verifies chains from the grid: no map TTL (it would apply on this build's partitions only);
    // an entry gets what is left of its retention, entry by entry, once every data member announces
    // AUDIT_RETENTION (AuditService)
    cfg.addMapConfig(
        new MapConfig(AUDIT).setBackupCount(1).setInMemoryFormat(InMemoryFormat.BINARY));

    cfg.getSerializationConfig().addDataSerializableFactory(FACTORY_ID, gridObjects);

    // what vertx-hazelcast's default-cluster.xml declares
    cfg.addMultiMapConfig(
        new MultiMapConfig("__vertx.subs")
            .setBackupCount(1)
            .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    cfg.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    cfg.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    return cfg;
  }

  private static final Object CALLBACKS = new Object();
  private static ExecutorService callbackPool;

  /**
   * Hazelcast completes its asynchronous calls' callbacks (an entry processor's answer handed to
   * Vert.x, the put-back's pipelined writes) on the common ForkJoinPool — or, where that pool has a
   * single thread, as on a 2-core machine, on a <em>new thread for every callback</em> ({@code
   * ConcurrencyUtil}): measured, 66,000 threads started in 90 s of put-back. Here they run on a
   * small pool of daemon threads instead (the callbacks only hand results over). Once per JVM.
   *
   * <p>Why an internal class: Hazelcast 5.6 has no public setting for this executor (it is not in
   * {@code Config} or the {@code hazelcast.*} properties; the {@code *Async} calls' stages use
   * {@code ConcurrencyUtil.getDefaultAsyncExecutor()} unless the caller passes one, and Hazelcast's
   * own pipelined put-back does not). The only public lever is the JDK's {@code
   * -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}, which works only when set before the
   * common pool is first used — something a node embedded in a JVM it does not start (tests, the
   * benchmark driver) cannot ensure. {@code GridCallbacksTest} pins the Hazelcast version this was
   * checked against and the method's presence, so an upgrade that moves it fails a test instead of
   * silently bringing back a thread per callback.
   */
  static void callbacksOnAPool() {
    if (ForkJoinPool.getCommonPoolParallelism() > 1) {
      return;
    }
    synchronized (CALLBACKS) {
      if (callbackPool == null) {
        AtomicInteger n = new AtomicInteger();
        callbackPool =
            Executors.newFixedThreadPool(
                2,
                r -> {
                  Thread t = new Thread(r, "liaison-grid-callback-" + n.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
        ConcurrencyUtil.setDefaultAsyncExecutor(callbackPool);
      }
    }
  }
}
