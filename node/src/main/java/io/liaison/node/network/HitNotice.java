package io.liaison.node.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.search.link.SealedHit;
import java.util.Objects;

/**
 * A hit on restricted material (hit/no-hit): record {@code recordId} of {@code recordBureau} links
 * to the sealed record {@code sealedRecordId} of {@code owner}, which {@code recordBureau} may not
 * read. A pointer and whom to contact, never content or evidence. Signed by the bureau whose node
 * found it (a reader of the sealed record) as the payload of one envelope of type {@value #TYPE},
 * kept on the grid map {@code liaison.hits} under {@link #key()}.
 *
 * @param contact whom {@code recordBureau} should contact: the officer who posted the sealed record
 * @param foundBy the bureau whose node found the hit and signed this notice
 */
public record HitNotice(
    String sealedRecordId,
    BureauId owner,
    String contact,
    String recordId,
    BureauId recordBureau,
    BureauId foundBy) {
  public static final String TYPE = "link.hit";
  private static final int MAX_ID = 200;

  public HitNotice {
    requireId(sealedRecordId, "sealedRecordId");
    requireId(recordId, "recordId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(recordBureau, "recordBureau");
    Objects.requireNonNull(foundBy, "foundBy");
    if (contact == null || contact.isBlank() || contact.length() > 200) {
      throw new IllegalArgumentException("contact must be 1..200 characters");
    }
    if (owner.equals(recordBureau)) {
      throw new IllegalArgumentException("a bureau always reads its own records: no hit");
    }
    if (sealedRecordId.equals(recordId)) {
      throw new IllegalArgumentException("a record does not hit itself");
    }
  }

  private static void requireId(String id, String name) {
    if (id == null || id.isEmpty() || id.length() > MAX_ID || id.indexOf('/') >= 0) {
      throw new IllegalArgumentException(name + " must be 1.." + MAX_ID + " characters without /");
    }
  }

  /** The notice for a hit the engine of {@code foundBy}'s node reported. */
  public static HitNotice of(SealedHit hit, BureauId foundBy) {
    return new HitNotice(
        hit.sealedRecordId(),
        hit.owner(),
        hit.contact(),
        hit.recordId(),
        hit.recordBureau(),
        foundBy);
  }

  /** The grid and store key: one notice per pair, whichever reader found it first. */
  public String key() {
    return "hit/" + sealedRecordId + "/" + recordId;
  }

  /** Whether {@code bureau} is one of the two owners to be told. */
  public boolean concerns(BureauId bureau) {
    return owner.equals(bureau) || recordBureau.equals(bureau);
  }

  /** The payload to sign. */
  public ObjectNode payload() {
    ObjectNode p = Json.mapper().valueToTree(this);
    p.put("type", TYPE);
    return p;
  }

  /** Reads a signed payload; throws IllegalArgumentException when it is not a valid notice. */
  public static HitNotice of(JsonNode payload) {
    if (!TYPE.equals(payload.path("type").asText())) {
      throw new IllegalArgumentException("not a " + TYPE);
    }
    ObjectNode p = payload.deepCopy();
    p.remove("type");
    try {
      return Json.mapper().treeToValue(p, HitNotice.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed hit notice: " + e.getOriginalMessage());
    }
  }
}
