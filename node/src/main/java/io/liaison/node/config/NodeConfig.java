package io.liaison.node.config;

import io.liaison.api.BureauId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The immutable configuration of one bureau node, read once at start-up by {@link ConfigLoader}
 * (file plus {@code LIAISON_*} environment overrides). Invalid configurations cannot be built.
 */
public record NodeConfig(
    BureauId bureau,
    Http http,
    Cluster cluster,
    Path dataDir,
    Trust trust,
    Limits limits,
    Leads leads,
    Security security,
    Demo demo) {

  /** A production node: demo features off. */
  public NodeConfig(
      BureauId bureau,
      Http http,
      Cluster cluster,
      Path dataDir,
      Trust trust,
      Limits limits,
      Leads leads,
      Security security) {
    this(bureau, http, cluster, dataDir, trust, limits, leads, security, Demo.OFF);
  }

  public NodeConfig {
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(trust, "trust");
    limits = limits == null ? Limits.DEFAULTS : limits;
    leads = leads == null ? Leads.DEFAULTS : leads;
    security = security == null ? Security.DEFAULTS : security;
    demo = demo == null ? Demo.OFF : demo;
  }

  /**
   * Demo features, off unless the configuration turns them on ({@code "demo": {"caseSeeding":
   * true}}, as {@code ops/demo} does): {@code caseSeeding} enables {@code POST /api/v1/cases/demo},
   * which shares generated cases under the bureau's signature.
   */
  public record Demo(boolean caseSeeding) {
    public static final Demo OFF = new Demo(false);
  }

  /** This configuration with demo case seeding on (tests and demo set-ups). */
  public NodeConfig withDemoSeeding() {
    return new NodeConfig(
        bureau, http, cluster, dataDir, trust, limits, leads, security, new Demo(true));
  }

  /**
   * Lead handling: how often the node looks for expired and overdue leads. The feedback period
   * itself is not a node setting: the bureaus agree it ({@code /api/v1/settings}).
   */
  public record Leads(Duration sweepInterval) {
    public static final Leads DEFAULTS = new Leads(Duration.ofMinutes(1));

    public Leads {
      ConfigException.check(
          sweepInterval != null && sweepInterval.toMillis() >= 100,
          "leads.sweepIntervalSeconds",
          "must be at least 0.1 s");
    }
  }

  /** The HTTP API: interface and port (0 picks a free port, for tests). */
  /**
   * The HTTP API: interface and port (0 picks a free port, for tests). The API is served over TLS
   * with the PEM certificate and key given; plain HTTP only when {@code plaintext} is explicitly
   * set (local development, demos on loopback).
   */
  public record Http(String host, int port, Path tlsCert, Path tlsKey, boolean plaintext) {
    public Http {
      ConfigException.check(host != null && !host.isBlank(), "http.host", "is required");
      ConfigException.check(port >= 0 && port <= 65535, "http.port", "must be 0..65535");
      ConfigException.check(
          (tlsCert == null) == (tlsKey == null),
          "http.tls",
          "give both certFile and keyFile, or neither");
      ConfigException.check(
          plaintext || tlsCert != null,
          "http.tls",
          "is required (certFile and keyFile); set http.plaintext=true only for local development");
      ConfigException.check(
          !(plaintext && tlsCert != null), "http.plaintext", "cannot be combined with http.tls");
    }

    /** Plain HTTP, for tests and local development. */
    public static Http plaintext(String host, int port) {
      return new Http(host, port, null, null, true);
    }

    public boolean tls() {
      return tlsCert != null;
    }
  }

  /**
   * Sign-in and request limits: token lifetimes, lockout after failed sign-ins (doubling with each
   * further failure), and per-officer / per-address request rates; and the optional file holding
   * the scrape-only credential that Prometheus sends for {@code GET /metrics} and nothing else.
   */
  public record Security(
      Duration accessTtl,
      Duration refreshTtl,
      int maxFailedLogins,
      Duration lockout,
      int requestsPerMinute,
      int loginsPerMinute,
      Path metricsTokenFile) {
    public static final Security DEFAULTS =
        new Security(
            Duration.ofMinutes(15), Duration.ofHours(12), 5, Duration.ofMinutes(15), 1200, 30);

    /** Without a scrape-only credential ({@code /metrics} then needs an officer's token). */
    public Security(
        Duration accessTtl,
        Duration refreshTtl,
        int maxFailedLogins,
        Duration lockout,
        int requestsPerMinute,
        int loginsPerMinute) {
      this(
          accessTtl,
          refreshTtl,
          maxFailedLogins,
          lockout,
          requestsPerMinute,
          loginsPerMinute,
          null);
    }

    /** This configuration with the scrape-only credential read from {@code file}. */
    public Security withMetricsTokenFile(Path file) {
      return new Security(
          accessTtl,
          refreshTtl,
          maxFailedLogins,
          lockout,
          requestsPerMinute,
          loginsPerMinute,
          file);
    }

    public Security {
      ConfigException.check(
          accessTtl != null && accessTtl.toSeconds() >= 1, "security.accessTtlSeconds", "≥ 1");
      ConfigException.check(
          refreshTtl != null && refreshTtl.compareTo(accessTtl) >= 0,
          "security.refreshTtlSeconds",
          "must be at least the access token lifetime");
      ConfigException.check(maxFailedLogins >= 1, "security.maxFailedLogins", "≥ 1");
      ConfigException.check(
          lockout != null && !lockout.isNegative(), "security.lockoutSeconds", "≥ 0");
      ConfigException.check(requestsPerMinute >= 1, "security.requestsPerMinute", "≥ 1");
      ConfigException.check(loginsPerMinute >= 1, "security.loginsPerMinute", "≥ 1");
    }
  }

  /**
   * The Hazelcast member: cluster name shared by all bureaus, the interface and port this member
   * binds to, and the addresses of the other members (TCP-IP join; multicast is always off).
   */
  public record Cluster(
      String name,
      String host,
      int port,
      List<String> members,
      Duration joinWait,
      Duration gridRetention,
      boolean keepAuditOnGrid) {
    /**
     * How long a record that needs no cluster-wide decision (a shared case, a lead in a final
     * state) stays on the grid after its last write; after that it is served from each node's store
     * and index only (docs/architecture.md, "Retention on the grid").
     */
    public static final Duration DEFAULT_GRID_RETENTION = Duration.ofDays(7);

    public Cluster(String name, String host, int port, List<String> members, Duration joinWait) {
      this(name, host, port, members, joinWait, null, false);
    }

    public Cluster(
        String name,
        String host,
        int port,
        List<String> members,
        Duration joinWait,
        Duration gridRetention) {
      this(name, host, port, members, joinWait, gridRetention, false);
    }

    public Cluster {
      gridRetention = gridRetention == null ? DEFAULT_GRID_RETENTION : gridRetention;
      ConfigException.check(
          gridRetention.toMillis() >= 1000 && gridRetention.toDays() <= 3650,
          "cluster.gridRetentionSeconds",
          "must be 1 s..3650 days");
      ConfigException.check(name != null && !name.isBlank(), "cluster.name", "is required");
      ConfigException.check(host != null && !host.isBlank(), "cluster.host", "is required");
      ConfigException.check(port > 0 && port <= 65535, "cluster.port", "must be 1..65535");
      members = members == null ? List.of() : List.copyOf(members);
      for (String m : members) {
        ConfigException.check(
            m.matches("[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?"),
            "cluster.members",
            "not a host[:port]: " + m);
      }
      joinWait = joinWait == null ? Duration.ofSeconds(5) : joinWait;
      ConfigException.check(
          !joinWait.isNegative() && joinWait.toSeconds() <= 60,
          "cluster.joinWait",
          "must be 0..60 s");
    }
  }

  /**
   * Where the bureau's encrypted key file, the signed roster and the pinned roster-authority public
   * key are. The key passphrase comes from the environment ({@code LIAISON_KEY_PASSPHRASE}) or
   * {@code passphraseFile}, never from the configuration file itself.
   */
  public record Trust(
      Path keyFile, Path rosterFile, String authorityPublicKey, Path passphraseFile) {
    public Trust {
      ConfigException.check(keyFile != null, "trust.keyFile", "is required");
      ConfigException.check(rosterFile != null, "trust.rosterFile", "is required");
      ConfigException.check(
          authorityPublicKey != null && authorityPublicKey.matches("[A-Za-z0-9_\\-]{43}"),
          "trust.authorityPublicKey",
          "must be the roster authority's Ed25519 public key, base64url (43 characters)");
    }
  }

  /** Request limits. */
  public record Limits(long maxBodyBytes, int maxPageSize, int maxInFlightWrites) {
    public static final Limits DEFAULTS = new Limits(256 * 1024, 200, 256);

    public Limits(long maxBodyBytes, int maxPageSize) {
      this(maxBodyBytes, maxPageSize, DEFAULTS.maxInFlightWrites());
    }

    public Limits {
      ConfigException.check(
          maxBodyBytes >= 1024 && maxBodyBytes <= 64L * 1024 * 1024,
          "limits.maxBodyBytes",
          "must be 1 KiB..64 MiB");
      ConfigException.check(
          maxPageSize >= 1 && maxPageSize <= 10_000, "limits.maxPageSize", "must be 1..10000");
      ConfigException.check(
          maxInFlightWrites >= 1 && maxInFlightWrites <= 100_000,
          "limits.maxInFlightWrites",
          "must be 1..100000");
    }
  }
}
