package io.liaison.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a node's JSON configuration file and applies environment overrides:
 *
 * <pre>
 * LIAISON_BUREAU, LIAISON_HTTP_HOST, LIAISON_HTTP_PORT, LIAISON_CLUSTER_NAME,
 * LIAISON_CLUSTER_HOST, LIAISON_CLUSTER_PORT, LIAISON_CLUSTER_MEMBERS (comma separated),
 * LIAISON_DATA_DIR
 * </pre>
 *
 * Relative paths in the file are resolved against the file's directory. Any problem is a {@link
 * ConfigException} naming the setting.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static NodeConfig load(Path file, Map<String, String> env) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("file", "cannot read " + file + ": " + e.getMessage());
    }
    if (!(root instanceof ObjectNode obj)) {
      throw new ConfigException("file", file + " is not a JSON object");
    }
    applyEnv(obj, env);
    Path base = file.toAbsolutePath().getParent();
    return fromJson(obj, base);
  }

  static NodeConfig fromJson(ObjectNode root, Path base) {
    BureauId bureau;
    try {
      bureau = BureauId.of(text(root, "bureau"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("bureau", e.getMessage());
    }
    JsonNode http = object(root, "http");
    JsonNode cluster = object(root, "cluster");
    JsonNode trust = object(root, "trust");
    JsonNode limits = root.path("limits");
    List<String> members = new ArrayList<>();
    cluster.path("members").forEach(m -> members.add(m.asText()));
    return new NodeConfig(
        bureau,
        new NodeConfig.Http(
            text(http, "host"),
            integer(http, "port", "http.port"),
            http.path("tls").hasNonNull("certFile")
                ? path(base, http.path("tls").get("certFile").asText())
                : null,
            http.path("tls").hasNonNull("keyFile")
                ? path(base, http.path("tls").get("keyFile").asText())
                : null,
            http.path("plaintext").asBoolean(false)),
        new NodeConfig.Cluster(
            text(cluster, "name"),
            text(cluster, "host"),
            integer(cluster, "port", "cluster.port"),
            members,
            cluster.has("joinWaitSeconds")
                ? Duration.ofMillis((long) (cluster.get("joinWaitSeconds").asDouble() * 1000))
                : null,
            cluster.has("gridRetentionSeconds")
                ? Duration.ofMillis((long) (cluster.get("gridRetentionSeconds").asDouble() * 1000))
                : null,
            bool(cluster, "keepAuditOnGrid", "cluster.keepAuditOnGrid")),
        path(base, text(root, "dataDir")),
        new NodeConfig.Trust(
            path(base, text(trust, "keyFile")),
            path(base, text(trust, "rosterFile")),
            text(trust, "authorityPublicKey"),
            trust.hasNonNull("passphraseFile")
                ? path(base, trust.get("passphraseFile").asText())
                : null),
        limits.isMissingNode()
            ? null
            : new NodeConfig.Limits(
                limits.path("maxBodyBytes").asLong(NodeConfig.Limits.DEFAULTS.maxBodyBytes()),
                limits.path("maxPageSize").asInt(NodeConfig.Limits.DEFAULTS.maxPageSize()),
                limits
                    .path("maxInFlightWrites")
                    .asInt(NodeConfig.Limits.DEFAULTS.maxInFlightWrites())),
        leads(root.path("leads")),
        security(root.path("security"), base),
        demo(root.path("demo")));
  }

  private static NodeConfig.Demo demo(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return NodeConfig.Demo.OFF;
    }
    return new NodeConfig.Demo(bool(n, "caseSeeding", "demo.caseSeeding"));
  }

  private static NodeConfig.Security security(JsonNode n, Path base) {
    if (n.isMissingNode()) {
      return null;
    }
    NodeConfig.Security d = NodeConfig.Security.DEFAULTS;
    return new NodeConfig.Security(
        seconds(n, "accessTtlSeconds", d.accessTtl()),
        seconds(n, "refreshTtlSeconds", d.refreshTtl()),
        n.path("maxFailedLogins").asInt(d.maxFailedLogins()),
        seconds(n, "lockoutSeconds", d.lockout()),
        n.path("requestsPerMinute").asInt(d.requestsPerMinute()),
        n.path("loginsPerMinute").asInt(d.loginsPerMinute()),
        n.hasNonNull("metricsTokenFile") ? path(base, n.get("metricsTokenFile").asText()) : null);
  }

  private static Duration seconds(JsonNode n, String field, Duration dflt) {
    return n.has(field) ? Duration.ofMillis((long) (n.get(field).asDouble() * 1000)) : dflt;
  }

  private static NodeConfig.Leads leads(JsonNode n) {
    if (n.isMissingNode()) {
      return null;
    }
    NodeConfig.Leads d = NodeConfig.Leads.DEFAULTS;
    ConfigException.check(
        !n.has("feedbackDeadlineDays"),
        "leads.feedbackDeadlineDays",
        "is agreed and signed by the bureaus (POST /api/v1/settings), not set per node");
    return new NodeConfig.Leads(
        n.has("sweepIntervalSeconds")
            ? Duration.ofMillis((long) (n.get("sweepIntervalSeconds").asDouble() * 1000))
            : d.sweepInterval());
  }

  private static void applyEnv(ObjectNode root, Map<String, String> env) {
    set(env, "LIAISON_BUREAU", v -> root.put("bureau", v));
    set(env, "LIAISON_HTTP_HOST", v -> root.with("http").put("host", v));
    set(env, "LIAISON_HTTP_PORT", v -> root.with("http").put("port", v));
    set(env, "LIAISON_CLUSTER_NAME", v -> root.with("cluster").put("name", v));
    set(env, "LIAISON_CLUSTER_HOST", v -> root.with("cluster").put("host", v));
    set(env, "LIAISON_CLUSTER_PORT", v -> root.with("cluster").put("port", v));
    set(
        env,
        "LIAISON_CLUSTER_MEMBERS",
        v -> {
          ArrayNode arr = JsonNodeFactory.instance.arrayNode();
          for (String m : v.split(",")) {
            if (!m.isBlank()) {
              arr.add(m.strip());
            }
          }
          root.with("cluster").set("members", arr);
        });
    set(env, "LIAISON_DATA_DIR", v -> root.put("dataDir", v));
  }

  private static void set(Map<String, String> env, String key, Consumer<String> action) {
    String v = env.get(key);
    if (v != null && !v.isBlank()) {
      action.accept(v.strip());
    }
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode n = node.get(field);
    if (n == null || !n.isObject()) {
      throw new ConfigException(field, "is required (an object)");
    }
    return n;
  }

  private static String text(JsonNode node, String field) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull() || n.asText().isBlank()) {
      throw new ConfigException(field, "is required");
    }
    return n.asText();
  }

  /** An optional boolean setting (false when absent); anything but true or false is refused. */
  private static boolean bool(JsonNode node, String field, String setting) {
    JsonNode n = node.path(field);
    if (n.isMissingNode()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw new ConfigException(setting, "must be true or false");
    }
    return n.asBoolean();
  }

  private static int integer(JsonNode node, String field, String setting) {
    JsonNode n = node.get(field);
    if (n == null) {
      throw new ConfigException(setting, "is required");
    }
    if (n.isInt()) {
      return n.asInt();
    }
    try {
      return Integer.parseInt(n.asText());
    } catch (NumberFormatException e) {
      throw new ConfigException(setting, "must be an integer");
    }
  }

  private static Path path(Path base, String p) {
    Path path = Path.of(p);
    return path.isAbsolute() ? path : base.resolve(path).normalize();
  }
}
