package io.liaison.node.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A bureau's signed answer to a merge proposal: the payload of one envelope of type {@value #TYPE},
 * kept on the grid map {@code liaison.merge} under {@code <proposalId>/<bureau>}.
 *
 * @param members the proposal's member ids, sorted; the proposal id is derived from them
 * @param bureaus the bureaus involved, sorted; all must accept for the merge
 * @param leadBureau the lead (主办) bureau this bureau names, or null
 */
public record MergeDecision(
    String proposalId,
    BureauId bureau,
    Verdict decision,
    String officer,
    BureauId leadBureau,
    List<String> members,
    List<BureauId> bureaus) {
  public static final String TYPE = "merge.decision";

  public MergeDecision {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(officer, "officer");
    members = List.copyOf(new TreeSet<>(members));
    bureaus = List.copyOf(new TreeSet<>(bureaus));
    if (!proposalId.equals(MergeProposal.idOf(members))) {
      throw new IllegalArgumentException("proposal id does not match its members");
    }
    if (bureaus.size() < 2 || !bureaus.contains(bureau)) {
      throw new IllegalArgumentException("the deciding bureau must be one of two or more involved");
    }
    if (leadBureau != null && !bureaus.contains(leadBureau)) {
      throw new IllegalArgumentException("the lead bureau must be one of the bureaus involved");
    }
  }

  /** The grid and store key of a bureau's decision on a proposal. */
  public static String key(String proposalId, BureauId bureau) {
    return proposalId + "/" + bureau.code();
  }

  public String key() {
    return key(proposalId, bureau);
  }

  /** The payload to sign. */
  public ObjectNode payload() {
    ObjectNode p = Json.mapper().valueToTree(this);
    if (leadBureau == null) {
      p.remove("leadBureau");
    }
    p.put("type", TYPE);
    return p;
  }

  /** Reads a signed payload; throws IllegalArgumentException when it is not a valid decision. */
  public static MergeDecision of(JsonNode payload) {
    if (!TYPE.equals(payload.path("type").asText())) {
      throw new IllegalArgumentException("not a " + TYPE);
    }
    ObjectNode p = payload.deepCopy();
    p.remove("type");
    try {
      return Json.mapper().treeToValue(p, MergeDecision.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed decision: " + e.getOriginalMessage());
    }
  }

  /** The member ids of a proposal. */
  static List<String> memberIds(MergeProposal p) {
    List<String> ids = new ArrayList<>();
    p.members().forEach(m -> ids.add(m.id()));
    return ids;
  }
}
