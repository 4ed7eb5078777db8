package io.liaison.node.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile-input suite generated from the API description ({@code docs/openapi.yaml}): for every
 * operation that takes a JSON body, a plausible body is built from its schema, then every field
 * (nested ones too) is sent wrong — of another JSON type (a number for a string, a string for a
 * number, a boolean, an object, an array), null when required, empty, too long, out of range, an
 * unknown enum constant — and an unknown field is added. Every answer must be a 4xx problem
 * document naming the field, nothing may be stored (the bureau's audit chain, leads and officers
 * unchanged), and the node must stay ready. The number of requests is printed and kept in
 * docs/security.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
  @TempDir static Path dir;
  static TestCluster cluster;
  static String base;
  static JsonNode api;
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 1, c -> c.withDemoSeeding()).startAll();
    base = cluster.url(0);
    Path spec = Path.of("..", "docs", "openapi.yaml");
    api = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(spec));
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  /** One request to try: where, what, and the field it makes wrong. */
  record Attempt(String method, String path, String body, String field, String what) {}

  @Test
  void everyFieldOfEveryRouteSentWrongIsRefusedNamingTheFieldAndNothingIsStored() {
    List<Attempt> attempts = attempts();
    assertThat(attempts.size()).as("requests generated").isGreaterThan(200);
    String chainBefore = stateOfRecord();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Attempt a : attempts) {
      Http.Response r =
          Http.send(
              HttpRequest.newBuilder(URI.create(base + a.path()))
                  .header("Content-Type", "application/json")
                  .method(a.method(), HttpRequest.BodyPublishers.ofString(a.body())));
      sent++;
      String why = judge(a, r);
      if (why != null) {
        failures.add(a.method() + " " + a.path() + " " + a.what() + " → " + why);
      }
      if (sent % 200 == 0) {
        assertThat(Http.get(base + "/health/ready").status())
            .as("ready after %d", sent)
            .isEqualTo(200);
      }
    }
    System.out.println("HostileInputIT: " + sent + " hostile requests on " + routes + " routes");
    assertThat(failures).as("answers that are not a 4xx problem naming the field").isEmpty();
    assertThat(stateOfRecord()).as("nothing stored").isEqualTo(chainBefore);
    assertThat(Http.get(base + "/health/ready").status()).isEqualTo(200);
  }

  /** Why an answer is wrong, or null if it is a 4xx problem document naming the field. */
  static String judge(Attempt a, Http.Response r) {
    if (r.status() < 400 || r.status() >= 500) {
      return r.status() + " " + clip(r.body());
    }
    if (!r.contentType().startsWith("application/problem+json")) {
      return r.status() + " not a problem document: " + r.contentType();
    }
    JsonNode p = r.json();
    List<String> named = new ArrayList<>();
    if (p.hasNonNull("field")) {
      named.add(p.get("field").asText());
    }
    String leaf = a.field().substring(a.field().lastIndexOf('/') + 1);
    String parent = a.field().substring(0, a.field().lastIndexOf('/') + 1);
    for (JsonNode e : p.path("errors")) {
      String f = e.path("field").asText();
      named.add(f);
      String detail = e.path("detail").asText();
      // fields that go in pairs (lat and lon, valueFen or valueYuan): the partner named, saying so
      if (f.startsWith(parent) && (detail.contains(leaf) || detail.contains("both"))) {
        named.add(a.field());
      }
    }
    if (a.path().equals("/api/v1/admin/roster")) {
      // a signed document: the crypto module's checks name the enclosing object (a member, a
      // key), and whatever they let through breaks the signature (roster-refused, /signature)
      return named.stream()
              .anyMatch(
                  f -> a.field().startsWith(f) || f.equals("/signature") || f.startsWith(a.field()))
          ? null
          : r.status() + " does not name " + a.field() + ": " + clip(r.body());
    }
    boolean ok =
        named.stream()
            .anyMatch(
                f ->
                    f.equals(a.field())
                        || f.startsWith(a.field() + "/")
                        || (f.isEmpty() && a.field().isEmpty()));
    return ok ? null : r.status() + " does not name " + a.field() + ": " + clip(r.body());
  }

  static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** What must not change: this bureau's audit chain, its leads and its officers. */
  static String stateOfRecord() {
    return Http.get(base + "/api/v1/audit/chains/150924")
            .body()
            .replaceAll("\"verifiedAt\":\"[^\"]*\"", "")
        + Http.get(base + "/api/v1/leads?limit=200").body()
        + Http.get(base + "/api/v1/admin/officers").body();
  }

  // --- generation from the API description ----------------------------------------------------

  static int routes;

  List<Attempt> attempts() {
    List<Attempt> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = api.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (String method : List.of("post", "put", "patch", "delete")) {
        JsonNode op = path.getValue().get(method);
        if (op == null || op.path("x-served").asBoolean(true) == false) {
          continue;
        }
        JsonNode schema = op.at("/requestBody/content/application~1json/schema");
        if (schema.isMissingNode()) {
          continue;
        }
        routes++;
        String url = fill(path.getKey(), op);
        // the operation's own example when it has one (a body that passes), else one built
        JsonNode example = op.at("/requestBody/content/application~1json/example");
        JsonNode good = example.isObject() ? example.deepCopy() : value(resolve(schema), "", 0);
        if (good instanceof ObjectNode o) {
          if (o.has("officer")) {
            o.put("officer", TestCluster.OFFICERS.get(0)); // the signed-in officer
          }
          if (method.equals("put")) {
            o.remove("caseNumber"); // taken from the path
          }
        }
        for (Mutation m : mutations(resolve(schema), good, "", 0)) {
          out.add(new Attempt(method.toUpperCase(), url, m.body().toString(), m.field(), m.what()));
        }
      }
    }
    return out;
  }

  /** The path with its parameters filled from their examples, or plausible values. */
  static String fill(String path, JsonNode op) {
    String out = path;
    for (JsonNode p : op.path("parameters")) {
      JsonNode param = p.has("$ref") ? ref(p.get("$ref").asText()) : p;
      if (!param.path("in").asText().equals("path")) {
        continue;
      }
      String name = param.get("name").asText();
      String v =
          param.has("example")
              ? param.get("example").asText()
              : param.at("/schema/example").isMissingNode()
                  ? (path.startsWith("/api/v1/leads") ? "150924-20260101-ABCDEFGH" : "x1")
                  : param.at("/schema/example").asText();
      out = out.replace("{" + name + "}", URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
    return out.replaceAll("\\{[^}]+}", "x1");
  }

  static JsonNode ref(String ref) {
    return api.at(ref.substring(1));
  }

  /** A schema with $ref and single-member allOf followed. */
  static JsonNode resolve(JsonNode s) {
    JsonNode cur = s;
    for (int i = 0; i < 10; i++) {
      if (cur.has("$ref")) {
        cur = ref(cur.get("$ref").asText());
      } else if (cur.has("allOf") && cur.get("allOf").size() == 1) {
        cur = cur.get("allOf").get(0);
      } else {
        return cur;
      }
    }
    return cur;
  }

  static String type(JsonNode s) {
    if (s.has("enum")) {
      return "enum";
    }
    if (s.has("type")) {
      // several JSON types allowed (e.g. an amount as a string or a number): not mutated by type
      return s.get("type").isArray()
          ? (s.get("type").size() == 1 ? s.get("type").get(0).asText() : "any")
          : s.get("type").asText();
    }
    if (s.has("properties")) {
      return "object";
    }
    return "any";
  }

  /** A plausible, well-typed value for a schema (examples first). */
  static JsonNode value(JsonNode s, String name, int depth) {
    if (s.has("example")) {
      return s.get("example");
    }
    if (s.has("examples") && s.get("examples").isArray() && !s.get("examples").isEmpty()) {
      return s.get("examples").get(0);
    }
    if (s.has("default")) {
      return s.get("default");
    }
    switch (type(s)) {
      case "enum":
        return s.get("enum").get(0);
      case "string":
        if (name.equals("officer")) {
          return F.textNode(TestCluster.OFFICERS.get(0));
        }
        if ("date-time".equals(s.path("format").asText())) {
          return F.textNode(Instant.now().plus(2, ChronoUnit.DAYS).toString());
        }
        if ("date".equals(s.path("format").asText())) {
          return F.textNode("2026-03-12");
        }
        return F.textNode("值".repeat(Math.max(1, s.path("minLength").asInt(1))));
      case "integer":
        return F.numberNode(s.path("minimum").asLong(1));
      case "number":
        return F.numberNode(s.path("minimum").asDouble(1));
      case "boolean":
        return F.booleanNode(false);
      case "array":
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < s.path("minItems").asInt(0); i++) {
          a.add(value(resolve(s.path("items")), name, depth + 1));
        }
        return a;
      case "object":
        ObjectNode o = F.objectNode();
        for (JsonNode req : s.path("required")) {
          JsonNode ps = s.path("properties").path(req.asText());
          if (!ps.isMissingNode() && depth < 4) {
            o.set(req.asText(), value(resolve(ps), req.asText(), depth + 1));
          }
        }
        return o;
      default:
        return F.textNode("x");
    }
  }

  record Mutation(JsonNode body, String field, String what) {}

  /**
   * For each field of the object {@code s} (at JSON pointer {@code at} in the body {@code root}),
   * the bodies that make it wrong; nested objects and arrays of objects recursively.
   */
  static List<Mutation> mutations(JsonNode s, JsonNode root, String at, int depth) {
    List<Mutation> out = new ArrayList<>();
    if (!type(s).equals("object") || depth > 3) {
      return out;
    }
    List<String> required = new ArrayList<>();
    s.path("required").forEach(r -> required.add(r.asText()));
    if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
      out.add(
          with(
              root,
              at,
              "zzUnknownField",
              F.textNode("x"),
              at + "/zzUnknownField",
              "unknown field"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().path("readOnly").asBoolean(false)) {
        continue;
      }
      String name = e.getKey();
      String field = at + "/" + name;
      JsonNode ps = resolve(e.getValue());
      String t = type(ps);
      boolean req = required.contains(name);
      List<Object[]> wrong = new ArrayList<>();
      switch (t) {
        case "string", "enum" -> {
          wrong.add(new Object[] {F.numberNode(42), "number for string"});
          wrong.add(new Object[] {F.numberNode(1.5e3), "exponent for string"});
          wrong.add(new Object[] {F.booleanNode(true), "boolean for string"});
          wrong.add(new Object[] {F.objectNode(), "object for string"});
          wrong.add(new Object[] {F.arrayNode().add("x"), "array for string"});
          if (t.equals("enum")) {
            wrong.add(new Object[] {F.textNode("NO_SUCH_VALUE"), "unknown enum constant"});
            wrong.add(new Object[] {F.numberNode(0), "number for enum"});
          } else {
            if (req || ps.path("minLength").asInt(0) >= 1) {
              wrong.add(new Object[] {F.textNode(""), "empty"});
            }
            if (ps.has("maxLength")) {
              wrong.add(
                  new Object[] {
                    F.textNode("长".repeat(ps.get("maxLength").asInt() + 1)), "too long"
                  });
            }
            if (ps.has("pattern")) {
              wrong.add(new Object[] {F.textNode("not-matching-the-pattern ✗"), "not the pattern"});
            }
            if ("date-time".equals(ps.path("format").asText())
                || "date".equals(ps.path("format").asText())) {
              wrong.add(new Object[] {F.textNode("yesterday"), "not a time"});
            }
          }
        }
        case "integer", "number" -> {
          wrong.add(new Object[] {F.textNode("42"), "string for number"});
          wrong.add(new Object[] {F.booleanNode(true), "boolean for number"});
          wrong.add(new Object[] {F.arrayNode(), "array for number"});
          if (t.equals("integer")) {
            wrong.add(new Object[] {F.numberNode(1.5), "fraction for integer"});
            wrong.add(
                new Object[] {
                  F.numberNode(new java.math.BigInteger("1" + "0".repeat(30))), "out of range"
                });
          }
          if (ps.has("minimum")) {
            wrong.add(new Object[] {F.numberNode(ps.get("minimum").asLong() - 1), "below minimum"});
          }
          if (ps.has("maximum")) {
            wrong.add(new Object[] {F.numberNode(ps.get("maximum").asLong() + 1), "above maximum"});
          }
        }
        case "boolean" -> {
          wrong.add(new Object[] {F.textNode("true"), "string for boolean"});
          wrong.add(new Object[] {F.numberNode(1), "number for boolean"});
        }
        case "array" -> {
          wrong.add(new Object[] {F.textNode("x"), "string for array"});
          wrong.add(new Object[] {F.objectNode(), "object for array"});
          wrong.add(new Object[] {F.arrayNode().addNull(), "null element"});
          JsonNode items = resolve(ps.path("items"));
          String it2 = type(items);
          if (!it2.equals("any")) {
            wrong.add(
                new Object[] {
                  F.arrayNode()
                      .add(
                          it2.equals("string") || it2.equals("enum")
                              ? F.numberNode(7)
                              : F.textNode("x")),
                  "element of the wrong type"
                });
          }
          if (ps.has("maxItems")) {
            ArrayNode many = F.arrayNode();
            for (int i = 0; i <= ps.get("maxItems").asInt(); i++) {
              many.add(value(items, name, depth + 1));
            }
            wrong.add(new Object[] {many, "too many items"});
          }
          if (it2.equals("object")) {
            ObjectNode withOne = root.deepCopy();
            ArrayNode one = F.arrayNode().add(value(items, name, depth + 1));
            ObjectNode parent = at.isEmpty() ? withOne : (ObjectNode) withOne.at(at);
            parent.set(name, one);
            out.addAll(mutations(items, withOne, field + "/0", depth + 1));
          }
        }
        case "object" -> {
          wrong.add(new Object[] {F.textNode("x"), "string for object"});
          wrong.add(new Object[] {F.arrayNode(), "array for object"});
          ObjectNode withObj = root.deepCopy();
          ObjectNode parent = at.isEmpty() ? withObj : (ObjectNode) withObj.at(at);
          parent.set(name, value(ps, name, depth + 1));
          out.addAll(mutations(ps, withObj, field, depth + 1));
        }
        default -> {}
      }
      if (req) {
        wrong.add(new Object[] {F.nullNode(), "null for required"});
      }
      for (Object[] w : wrong) {
        out.add(with(root, at, name, (JsonNode) w[0], field, (String) w[1]));
      }
    }
    return out;
  }

  static Mutation with(
      JsonNode root, String at, String name, JsonNode v, String field, String what) {
    ObjectNode body = root.deepCopy();
    ObjectNode parent = at.isEmpty() ? body : (ObjectNode) body.at(at);
    parent.set(name, v);
    return new Mutation(body, field, what);
  }
}
