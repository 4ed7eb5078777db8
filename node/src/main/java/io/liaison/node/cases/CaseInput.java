package io.liaison.node.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Fen;
import io.liaison.api.cases.Sticks;
import io.liaison.node.domain.Invalid;
import io.liaison.node.http.StrictBodies;
import java.util.function.ToLongFunction;

/**
 * The edge of the case API: a request body becomes a {@link CaseRecord}. Officers' units are
 * converted here and nowhere else: an item may give {@code "quantity": "30条"} (条, 件, 万支, 包, 支)
 * instead of {@code sticks}, and the case may give {@code valueYuan} / {@code fineYuan} instead of
 * {@code valueFen} / {@code fineFen} (and {@code treasuryYuan} for {@code treasuryFen}). {@code
 * bureau} defaults to this node's bureau; {@code version} may be left out (the node numbers
 * versions).
 */
final class CaseInput {
  /** A parsed body; {@code versionGiven} false when the client left the version to the node. */
  record Parsed(CaseRecord record, boolean versionGiven) {}

  private CaseInput() {}

  /**
   * Reads {@code body} as a case of bureau {@code own}; with {@code pathNumber} (an update) the
   * body's case number, if given, must match it.
   *
   * @throws Invalid for a case number that differs from the path
   * @throws FieldException for an invalid quantity or amount
   * @throws JsonProcessingException when the body does not map to a case (mapped to 422 upstream)
   */
  static Parsed read(ObjectNode body, BureauId own, CaseNumber pathNumber)
      throws JsonProcessingException {
    ObjectNode b = body.deepCopy();
    JsonNode bureau = b.get("bureau");
    if (bureau == null || bureau.isNull()) {
      b.put("bureau", own.code());
    }
    if (pathNumber != null) {
      JsonNode n = b.get("caseNumber");
      if (n == null || n.isNull()) {
        b.put("caseNumber", pathNumber.value());
      } else if (!pathNumber.value().equals(n.asText())) {
        throw new Invalid(
            "invalid-field", "caseNumber differs from the one in the path", "/caseNumber");
      }
    }
    if (!b.has("fineFen") && !b.has("fineYuan")) {
      b.put("fineFen", 0);
    }
    boolean versionGiven = b.hasNonNull("version");
    if (!versionGiven) {
      b.put("version", 1);
    }
    convert(b, "valueYuan", "valueFen", "/valueYuan", t -> Fen.ofYuan(t));
    convert(b, "fineYuan", "fineFen", "/fineYuan", t -> Fen.ofYuan(t));
    convert(b, "treasuryYuan", "treasuryFen", "/treasuryYuan", t -> Fen.ofYuan(t));
    JsonNode items = b.get("items");
    if (items != null && items.isArray()) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof ObjectNode item) {
          convert(item, "quantity", "sticks", "/items/" + i + "/quantity", Sticks::parse);
        }
      }
    }
    // strict types, every invalid field named at once (StrictBodies)
    return new Parsed(StrictBodies.map(b, CaseRecord.class), versionGiven);
  }

  /** Replaces {@code from} (text in officers' units) by {@code to} (the wire unit). */
  private static void convert(
      ObjectNode o, String from, String to, String field, ToLongFunction<String> parse) {
    JsonNode v = o.remove(from);
    if (v == null) {
      return;
    }
    if (o.has(to)) {
      throw new FieldException(field.substring(1), "give " + to + " or " + from + ", not both");
    }
    boolean amount = from.endsWith("Yuan");
    if (!v.isTextual() && !(amount && v.isNumber())) {
      // an amount of 元 may be a number or text; a quantity is text with its unit (never coerced)
      throw new FieldException(
          field.substring(1),
          amount
              ? "must be a number or a string such as 1200.50, not " + v.getNodeType()
              : "must be a string such as 30条, not " + v.getNodeType());
    }
    try {
      o.put(to, parse.applyAsLong(v.asText()));
    } catch (FieldException e) {
      throw new FieldException(field.substring(1), e.getMessage());
    }
  }

  /** {@code c} as version {@code version}. */
  static CaseRecord withVersion(CaseRecord c, long version) {
    return new CaseRecord(
        c.caseNumber(),
        c.bureau(),
        c.category(),
        c.foundOn(),
        c.filedOn(),
        c.closedOn(),
        c.location(),
        c.entities(),
        c.items(),
        c.valueFen(),
        c.disposition(),
        c.fineFen(),
        c.linkedLeadIds(),
        c.narrative(),
        version,
        c.detainedPersons(),
        c.sentencedPersons(),
        c.treasuryFen());
  }
}
