package io.liaison.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.liaison.crypto.Hashes;
import io.liaison.node.TestCluster;
import io.liaison.node.store.RecordBuckets;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anti-entropy by bucket digests between a real store file and a map on a real two-node cluster
 * that no node listens to (so whatever is found, the reconciliation found): a store that agrees
 * with the grid lists no bucket; a value an outsider changed in an otherwise agreeing bucket, a
 * record the store lacks and a value of another type are each found in their one differing bucket
 * and handled as before; what the grid lacks is put back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BucketReconciliationIT {
  static final String KIND = "digest-test";
  static final int RECORDS = 400;

  @TempDir static Path dir;
  static TestCluster cluster;
  static HazelcastInstance outsider;
  static Vertx vertx;

  Store store;
  StoreExecutor executor;
  IMap<String, String> grid;
  GridReconciler reconciler;
  final Map<String, String> received = new ConcurrentHashMap<>();
  final Map<String, String> quarantined = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 2).startAll();
    ClientConfig cc = new ClientConfig();
    cc.setClusterName(cluster.config(0).cluster().name());
    cc.setProperty("hazelcast.logging.type", "slf4j");
    cc.getNetworkConfig().addAddress("127.0.0.1:" + cluster.config(1).cluster().port());
    outsider = HazelcastClient.newHazelcastClient(cc);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    outsider.shutdown();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    cluster.close();
  }

  @BeforeEach
  void agreeingStoreAndGrid() throws Exception {
    String name = "liaison.test.digest-" + UUID.randomUUID();
    store = Store.open(dir.resolve(name + ".db"));
    executor = new StoreExecutor(vertx, store, "test-store");
    grid = cluster.node(0).hazelcast().getMap(name);
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < RECORDS; i++) {
      values.put("R-" + i, value(i, "v1"));
    }
    // on the store thread, as every write (the store is not thread-safe)
    executor
        .call(s -> values.entrySet().stream().filter(e -> s.putRecord(record(e))).count())
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    grid.putAll(values);
    reconciler =
        new GridReconciler(
            vertx,
            executor,
            grid,
            KIND,
            (key, value) -> {
              received.put(key, value);
              // a feature's receive: verified (here: taken as it is) and stored
              return executor.call(s -> s.putRecord(record(key, value)));
            },
            (key, reason, detail, body) -> {
              quarantined.put(key, reason);
              return Future.succeededFuture();
            });
  }

  @AfterEach
  void close() {
    executor.close();
    store.close();
    grid.destroy();
  }

  static String value(int i, String version) {
    return "[{\"n\":" + i + ",\"version\":\"" + version + "\"}]";
  }

  static StoredRecord record(Map.Entry<String, String> e) {
    return record(e.getKey(), e.getValue());
  }

  static StoredRecord record(String key, String value) {
    return new StoredRecord(
        key,
        KIND,
        "150924",
        Instant.ofEpochMilli(1000),
        Hashes.sha256Hex(value.getBytes(StandardCharsets.UTF_8)),
        value,
        null);
  }

  GridReconciler.Pass pass() throws Exception {
    return reconciler.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static GridReconciler.Report done(GridReconciler.Pass p) throws Exception {
    return p.putBack().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void anAgreeingStoreListsNoBucketAndAnOutsidersChangeIsFoundInItsBucket() throws Exception {
    GridReconciler.Pass agreeing = pass();
    assertThat(agreeing.differing()).isZero();
    assertThat(done(agreeing).restored()).isZero();
    assertThat(received).isEmpty();

    // an outsider rewrites one record, in a bucket where everything else agrees
    String forged = value(7, "forged");
    outsider.<String, String>getMap(grid.getName()).put("R-7", forged);
    GridReconciler.Pass p = pass();
    assertThat(p.differing()).isEqualTo(1);
    assertThat(p.taken()).isEqualTo(1);
    assertThat(received).containsExactly(Map.entry("R-7", forged));
    assertThat(done(p).restored()).isZero();
  }

  @Test
  void aRecordTheStoreLacksIsReceivedAndOneTheGridLacksIsPutBack() throws Exception {
    String extra = value(RECORDS, "v1");
    grid.put("R-new", extra);
    grid.remove("R-3");
    GridReconciler.Pass p = pass();
    assertThat(p.differing())
        .isEqualTo(RecordBuckets.of("R-new") == RecordBuckets.of("R-3") ? 1 : 2);
    assertThat(received).containsExactly(Map.entry("R-new", extra));
    assertThat(p.missing()).isEqualTo(1);
    assertThat(done(p).restored()).isEqualTo(1);
    assertThat(grid.get("R-3")).isEqualTo(value(3, "v1"));
    assertThat(store.committedRecord("R-new")).isPresent();

    received.clear();
    GridReconciler.Pass again = pass();
    assertThat(again.differing()).as("both sides agree now").isZero();
    assertThat(received).isEmpty();
  }

  @Test
  void aValueOfAnotherTypeIsQuarantinedAndRepaired() throws Exception {
    outsider.getMap(grid.getName()).put("R-11", 42);
    GridReconciler.Pass p = pass();
    assertThat(p.differing()).isEqualTo(1);
    assertThat(quarantined).containsOnlyKeys(grid.getName() + "/R-11");
    assertThat(quarantined.values()).containsExactly("WRONG_TYPE");
    assertThat(grid.get("R-11")).isEqualTo(value(11, "v1"));
    done(p);
    assertThat(pass().differing()).isZero();
  }

  @Test
  void aStoreThatDiffersInMostBucketsIsListedWholeAndStillReconciled() throws Exception {
    Map<String, String> newer = new HashMap<>();
    for (int i = 0; i < RECORDS; i++) {
      newer.put("R-" + i, value(i, "v2"));
      newer.put("N-" + i, value(i, "new"));
    }
    grid.putAll(newer);
    GridReconciler.Pass p = pass();
    assertThat(p.differing()).isGreaterThan(BucketComparison.LIST_ALL_ABOVE);
    assertThat(received).isEqualTo(newer);
    assertThat(List.of(done(p).restored(), pass().differing())).containsExactly(0, 0);
  }
}
