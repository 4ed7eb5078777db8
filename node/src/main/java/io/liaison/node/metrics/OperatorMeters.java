package io.liaison.node.metrics;

import com.hazelcast.core.HazelcastInstance;
import io.liaison.api.BuildInfo;
import io.liaison.node.search.SearchIndexer;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters an operator watches beside the feature meters (docs/operations.md §9, the alert rules
 * in {@code ops/prometheus}): readiness, the build, the node's clock (skew between bureaus is read
 * against Prometheus's own clock), the search index's and the link engine's lag behind the store,
 * failures of a periodic store probe, cluster members seen, the HTTPS certificate's expiry, and the
 * JVM.
 */
public final class OperatorMeters {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMeters.class);

  /** How often the store is asked for its last change (index lag, store probe). */
  static final long PROBE_MILLIS = 5_000;

  private OperatorMeters() {}

  /** Registers the meters and starts the store probe on {@code vertx}'s timer. */
  public static void bind(
      Vertx vertx,
      MeterRegistry registry,
      StoreExecutor store,
      SearchIndexer indexer,
      HazelcastInstance hz,
      BooleanSupplier ready,
      Path tlsCert,
      Clock clock) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    BuildInfo build = BuildInfo.current();
    Gauge.builder("liaison_build", () -> 1)
        .description("1, tagged with the build's version and git commit")
        .tags("version", build.version(), "commit", build.commit())
        .register(registry);
    Gauge.builder("liaison_node_ready", () -> ready.getAsBoolean() ? 1 : 0)
        .description("1 while /health/ready answers 200")
        .register(registry);
    Gauge.builder("liaison_clock_unix_seconds", () -> clock.millis() / 1000.0)
        .description("this node's wall clock when scraped (skew: against the scrape's time)")
        .register(registry);
    Gauge.builder("liaison_grid_members", () -> hz.getCluster().getMembers().size())
        .description("cluster members this node sees, itself included")
        .register(registry);

    AtomicLong storeSeq = new AtomicLong(-1);
    Gauge.builder(
            "liaison_search_index_lag_records",
            () -> storeSeq.get() < 0 ? 0 : Math.max(0, storeSeq.get() - indexer.indexedSeq()))
        .description("changes in the store the search index has not taken in yet")
        .register(registry);
    Gauge.builder(
            "liaison_link_lag_records",
            () -> storeSeq.get() < 0 ? 0 : Math.max(0, storeSeq.get() - indexer.linkedSeq()))
        .description("changes in the store the link engine has not taken in yet")
        .register(registry);
    Counter probeFailures =
        Counter.builder("liaison_store_probe_failures_total")
            .description("failed reads of the store by the periodic probe (every 5 s)")
            .register(registry);
    vertx.setPeriodic(
        1,
        PROBE_MILLIS,
        id ->
            store
                .call(Store::lastChangeSeq)
                .onSuccess(storeSeq::set)
                .onFailure(
                    e -> {
                      probeFailures.increment();
                      LOG.warn("store probe failed: {}", e.toString());
                    }));

    if (tlsCert != null) {
      long notAfter = notAfter(tlsCert);
      Gauge.builder("liaison_tls_certificate_expiry_timestamp_seconds", () -> notAfter)
          .description("when the node's HTTPS certificate expires (Unix seconds)")
          .register(registry);
    }
  }

  /** The earliest expiry of the certificates in a PEM file (the leaf and its chain). */
  static long notAfter(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(c -> ((X509Certificate) c).getNotAfter().toInstant().getEpochSecond())
          .min(Long::compare)
          .orElseThrow(() -> new IllegalArgumentException("no certificate in " + pem));
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("cannot read the certificate " + pem, e);
    }
  }
}
