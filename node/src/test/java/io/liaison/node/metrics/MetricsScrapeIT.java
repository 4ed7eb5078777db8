package io.liaison.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import io.liaison.node.config.NodeConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus scrapes with the scrape-only credential (security.metricsTokenFile): it opens GET
 * /metrics and nothing else; the scrape carries every meter the alert rules in ops/prometheus and
 * the dashboard read.
 */
class MetricsScrapeIT {
  private static final String SECRET = "9f2c4e1a7b3d8f6e0a5c2b9d4e7f1a3c8b6d0e2f";
  @TempDir static Path dir;
  private static TestCluster cluster;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    Path token = dir.resolve("scrape.token");
    Files.writeString(token, SECRET + "\n");
    cluster =
        new TestCluster(
            dir,
            1,
            c ->
                new NodeConfig(
                    c.bureau(),
                    c.http(),
                    c.cluster(),
                    c.dataDir(),
                    c.trust(),
                    c.limits(),
                    c.leads(),
                    c.security().withMetricsTokenFile(token)));
    cluster.startAll();
    url = cluster.url(0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Http.Response withBearer(String path, String bearer) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", "Bearer " + bearer)
            .GET());
  }

  @Test
  void scrapeCredentialOpensMetricsOnly() {
    Http.Response scrape = withBearer("/metrics", SECRET);
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body()).contains("liaison_node_ready");

    assertThat(withBearer("/metrics", SECRET + "x").status()).isEqualTo(401);
    assertThat(withBearer("/api/v1/leads", SECRET).status()).isEqualTo(401);
    assertThat(withBearer("/api/v1/admin/officers", SECRET).status()).isEqualTo(401);
    assertThat(withBearer("/api/v1/audit/export", SECRET).status()).isEqualTo(401);
  }

  @Test
  void scrapeHasTheMetersTheAlertRulesRead() throws Exception {
    // jvm_gc_pause_seconds appears at the JVM's first collection, and a fresh test JVM may have
    // had none (the clean-clone CI run failed so): collect once, the node is in this JVM
    System.gc();
    Await.until(
        Duration.ofSeconds(10),
        () -> withBearer("/metrics", SECRET).body().contains("jvm_gc_pause_seconds"),
        "a collection's pause in the scrape");
    String body = withBearer("/metrics", SECRET).body();
    assertThat(value(body, "liaison_node_ready")).isEqualTo(1.0);
    assertThat(value(body, "liaison_grid_members")).isEqualTo(1.0);
    assertThat(body)
        .containsPattern(
            "liaison_build\\{bureau=\"[0-9]{6}\",commit=\"[^\"]+\",version=\"[^\"]+\"} 1\\.0")
        .contains(
            "liaison_search_index_lag_records",
            "liaison_link_lag_records",
            "liaison_store_probe_failures_total",
            "jvm_memory_used_bytes",
            "jvm_gc_pause_seconds",
            "process_uptime_seconds",
            "liaison_http_writes_in_flight");
    double clock = value(body, "liaison_clock_unix_seconds");
    assertThat(Math.abs(clock - System.currentTimeMillis() / 1000.0)).isLessThan(30);
    // every meter the alert rules name appears on a live node (or is a Liaison counter that
    // appears at its first event, listed in docs/operations.md §9)
    String named =
        Files.readString(Path.of("..", "ops", "prometheus", "liaison-alerts.yml"))
            + Files.readString(Path.of("..", "ops", "grafana", "liaison-dashboard.json"));
    Matcher m = Pattern.compile("\\b((?:liaison|jvm|process|vertx)_[a-z_]+)").matcher(named);
    while (m.find()) {
      String meter = m.group(1);
      if (!AT_FIRST_EVENT.contains(meter)) {
        assertThat(body)
            .as("meter %s named by the alert rules or the dashboard", meter)
            .contains(meter);
      }
    }
    assertThat(Duration.ofMillis(OperatorMeters.PROBE_MILLIS)).isLessThan(Duration.ofSeconds(30));
  }

  /** Counters registered at their first event (quarantine, conflicts, grid timeouts). */
  private static final java.util.Set<String> AT_FIRST_EVENT =
      java.util.Set.of(
          "liaison_quarantined_total",
          "liaison_quarantine_dropped_total",
          "liaison_lead_conflicts_total",
          "liaison_grid_timeouts_total",
          "liaison_grid_locks_broken_total",
          "liaison_lead_handovers_total",
          "liaison_lead_time_to_claim_seconds_count",
          "liaison_lead_time_to_claim_seconds_sum",
          // registered only with http.tls (this node is plain HTTP)
          "liaison_tls_certificate_expiry_timestamp_seconds");

  private static double value(String scrape, String meter) {
    Matcher m = Pattern.compile("(?m)^" + meter + "\\{[^}]*} ([0-9.eE+-]+)$").matcher(scrape);
    assertThat(m.find()).as("meter %s in the scrape", meter).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
