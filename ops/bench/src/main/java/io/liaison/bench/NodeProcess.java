package io.liaison.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.node.LiaisonNode;
import io.liaison.node.config.ConfigLoader;
import io.liaison.node.config.NodeConfig;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One bureau node in its own JVM, driven over stdin/stdout by {@link NodeHandle}: starts {@link
 * LiaisonNode} from a configuration file exactly as {@code liaison-node run} does, prints {@code
 * BENCH READY <httpPort> <startMillis> <jvmUptimeMillis>}, then answers one command per line with
 * {@code BENCH OK <json>} or {@code BENCH ERR <message>}. Everything else on stdout is the node's
 * log.
 *
 * <p>Commands: {@code hzset map seconds threads bytes}, {@code hzprep map keys bytes}, {@code
 * hzclaim map keys threads owner startAtMillis}, {@code hzowners map keys}, {@code sync
 * FULL|NORMAL|OFF}, {@code count}, {@code quit}.
 */
public final class NodeProcess {
  private static final PrintStream OUT = System.out;

  private NodeProcess() {}

  public static void main(String[] args) throws Exception {
    NodeConfig cfg = ConfigLoader.load(Path.of(args[0]), System.getenv());
    long t0 = System.nanoTime();
    LiaisonNode node =
        LiaisonNode.start(cfg, System.getenv(), Clock.systemUTC())
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.MINUTES);
    for (int i = 0; i < 600_000 && !node.isReady(); i++) {
      TimeUnit.MILLISECONDS.sleep(1);
    }
    long startMillis = (System.nanoTime() - t0) / 1_000_000;
    say(
        "READY "
            + node.httpPort()
            + " "
            + startMillis
            + " "
            + ManagementFactory.getRuntimeMXBean().getUptime());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] a = line.trim().split("\\s+");
      if (a[0].equals("quit")) {
        long t = System.nanoTime();
        try {
          node.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
          say("OK {\"stopMillis\":" + (System.nanoTime() - t) / 1_000_000 + "}");
        } catch (java.util.concurrent.TimeoutException e) {
          say("ERR the node did not stop within 60 s");
        } catch (Exception e) {
          say("ERR stop failed: " + e);
        }
        break;
      }
      try {
        say("OK " + command(node, a));
      } catch (Exception e) {
        say("ERR " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    System.exit(0);
  }

  private static ObjectNode command(LiaisonNode node, String[] a) throws Exception {
    var hz = node.hazelcast();
    return switch (a[0]) {
      case "hzset" ->
          RawGrid.set(
              hz, a[1], Double.parseDouble(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
      case "hzprep" -> RawGrid.prepare(hz, a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]));
      case "hzclaim" ->
          RawGrid.claim(
              hz, a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]), a[4], Long.parseLong(a[5]));
      case "hzowners" -> RawGrid.owners(hz, a[1], Integer.parseInt(a[2]));
      case "sync" -> synchronous(node, a[1]);
      case "count" ->
          onStore(
              node,
              s ->
                  Json.mapper()
                      .createObjectNode()
                      .put("records", s.countRecords())
                      .put("quarantined", s.quarantineCount()));
      default -> throw new IllegalArgumentException("unknown command " + a[0]);
    };
  }

  /**
   * Sets {@code PRAGMA synchronous} on the node's own store connection. The node has no setting for
   * it (it is always FULL), so the benchmark reaches the private field; only this pragma differs
   * from the production path. SQLite refuses the change inside a transaction, and every unit of the
   * store thread runs inside its group-commit transaction, so the pragma is issued from this thread
   * between batches (retried if a batch is open); the benchmark calls it while no load runs.
   */
  private static ObjectNode synchronous(LiaisonNode node, String mode) throws Exception {
    if (!mode.matches("FULL|NORMAL|OFF")) {
      throw new IllegalArgumentException("mode must be FULL, NORMAL or OFF");
    }
    Field storeField = LiaisonNode.class.getDeclaredField("store");
    storeField.setAccessible(true);
    Field conn = Store.class.getDeclaredField("conn");
    conn.setAccessible(true);
    Connection c = (Connection) conn.get(storeField.get(node));
    SQLException last = null;
    for (int attempt = 0; attempt < 1000; attempt++) {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA synchronous=" + mode);
        try (ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
          rs.next();
          return Json.mapper()
              .createObjectNode()
              .put("synchronous", rs.getInt(1))
              .put("attempts", attempt + 1);
        }
      } catch (SQLException e) {
        last = e;
        TimeUnit.MILLISECONDS.sleep(5);
      }
    }
    throw last;
  }

  private static ObjectNode onStore(LiaisonNode node, Function<Store, ObjectNode> work)
      throws Exception {
    Field f = LiaisonNode.class.getDeclaredField("storeExec");
    f.setAccessible(true);
    StoreExecutor exec = (StoreExecutor) f.get(node);
    return exec.call(work).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static void say(String s) {
    OUT.println("BENCH " + s);
    OUT.flush();
  }
}
