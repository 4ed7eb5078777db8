package io.liaison.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A roster with the roster authority's Ed25519 signature (base64url) over the canonical JSON of
 * {@code {"authorityKeyId": …, "roster": …}}. Trust it only through {@link RosterAuthority#verify}.
 * Serialised with {@link Json#mapper()} as {@code {"roster", "authorityKeyId", "signature"}} — the
 * form of {@code roster.json} and of the roster distributed over the grid.
 */
public record SignedRoster(Roster roster, String authorityKeyId, String signature) {
  public SignedRoster {
    Objects.requireNonNull(roster, "roster");
    Objects.requireNonNull(authorityKeyId, "authorityKeyId");
    Objects.requireNonNull(signature, "signature");
  }

  /** The bytes the authority signs. */
  public static byte[] signingInput(Roster roster, String authorityKeyId) {
    ObjectNode input = Json.mapper().createObjectNode();
    input.put("authorityKeyId", authorityKeyId);
    input.set("roster", Json.mapper().valueToTree(roster));
    return CanonicalJson.canonicalize(input);
  }

  /** The bytes signed for this roster. */
  public byte[] signingInput() {
    return signingInput(roster, authorityKeyId);
  }

  /** JSON text (UTF-8). */
  public byte[] toJson() {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("roster cannot be serialised", e);
    }
  }

  /**
   * Parses a signed roster; says nothing about its trust.
   *
   * @throws RosterException if the JSON is not a well-formed signed roster
   */
  public static SignedRoster fromJson(byte[] json) {
    try {
      JsonNode tree = CanonicalJson.parse(json);
      return Json.mapper().treeToValue(tree, SignedRoster.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new RosterException("not a well-formed signed roster: " + e.getMessage(), e);
    }
  }

  /** Parses a signed roster from a JSON string. */
  public static SignedRoster fromJson(String json) {
    return fromJson(json.getBytes(StandardCharsets.UTF_8));
  }
}
