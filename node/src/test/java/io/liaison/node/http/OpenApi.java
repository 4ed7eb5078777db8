package io.liaison.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * docs/openapi.yaml as tests read it: the operations it describes ({@code "GET
 * /api/v1/leads/{id}"}) and each answer's schema, validated with a JSON Schema 2020-12 validator
 * (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 */
final class OpenApi {
  static final Path FILE = Path.of("../docs/openapi.yaml");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final JsonNode doc;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  OpenApi() throws IOException {
    this.doc = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
  }

  /** Every described operation as {@code "METHOD /path/{param}"}. */
  Set<String> operations() {
    Set<String> out = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              m -> {
                if (METHODS.contains(m)) {
                  out.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
              });
    }
    return out;
  }

  /**
   * The schema of an operation's answer with this status (or the operation's {@code default}),
   * resolved through {@code components}; null when the description gives none.
   */
  JsonSchema answer(String method, String path, int status) {
    JsonNode op = doc.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
    if (op.isMissingNode()) {
      throw new AssertionError(method + " " + path + " is not described in docs/openapi.yaml");
    }
    JsonNode response = op.path("responses").path(String.valueOf(status));
    if (response.isMissingNode()) {
      throw new AssertionError(
          method + " " + path + " answered " + status + ", which its description does not list");
    }
    if (response.has("$ref")) {
      response = resolve(response.get("$ref").asText());
    }
    JsonNode content = response.path("content");
    Iterator<JsonNode> types = content.elements();
    if (!types.hasNext()) {
      return null;
    }
    JsonNode schema = types.next().path("schema");
    if (schema.isMissingNode()) {
      return null;
    }
    String key = method + " " + path + " " + status;
    return schemas.computeIfAbsent(key, k -> compile(schema));
  }

  /** The messages of validating {@code answer} against the operation's schema (empty: valid). */
  Set<ValidationMessage> validate(String method, String path, int status, JsonNode answer) {
    JsonSchema schema = answer(method, path, status);
    return schema == null ? Set.of() : schema.validate(answer);
  }

  private JsonSchema compile(JsonNode schema) {
    ObjectNode root = ((ObjectNode) schema.deepCopy());
    root.set("components", doc.get("components"));
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    return factory.getSchema(root);
  }

  private JsonNode resolve(String ref) {
    JsonNode node = doc.at(ref.substring(1));
    if (node.isMissingNode()) {
      throw new AssertionError("dangling $ref " + ref);
    }
    return node;
  }
}
