package io.liaison.api.action;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An implementation plan (实施方案) as the lead bureau writes it. On the grid everything but the lead
 * bureau, the participants' codes, the kind, the area and the time window is sealed to the
 * participating bureaus (need-to-know).
 *
 * @param commitments one per participating bureau, the lead bureau included
 * @param area the places the operation holds (e.g. {@code 兴和县城关镇}), in clear for deconfliction
 * @param window when it holds them; null while drafting
 */
public record PlanContent(
    String title,
    PlanKind kind,
    BureauId leadBureau,
    List<Commitment> commitments,
    List<String> partnerAgencies,
    List<PlanTarget> targets,
    List<String> area,
    String rallyPoint,
    TimeWindow window,
    Communications communications,
    String contingency,
    List<String> linkedLeads,
    List<String> linkedCases,
    List<String> linkedNetworks) {
  public static final int MAX_ITEMS = 200;

  public PlanContent {
    title = FieldException.text(title, "title", 200);
    FieldException.required(kind, "kind");
    FieldException.required(leadBureau, "leadBureau");
    commitments = list(commitments, "commitments");
    partnerAgencies = list(partnerAgencies, "partnerAgencies");
    targets = list(targets, "targets");
    area = list(area, "area");
    rallyPoint = FieldException.optionalText(rallyPoint, "rallyPoint", 200);
    contingency = FieldException.optionalText(contingency, "contingency", 4000);
    linkedLeads = list(linkedLeads, "linkedLeads");
    linkedCases = list(linkedCases, "linkedCases");
    linkedNetworks = list(linkedNetworks, "linkedNetworks");
    for (String a : area) {
      FieldException.text(a, "area", 100);
    }
    for (String a : partnerAgencies) {
      FieldException.text(a, "partnerAgencies", 100);
    }
    LinkedHashSet<BureauId> seen = new LinkedHashSet<>();
    for (Commitment c : commitments) {
      if (!seen.add(c.bureau())) {
        throw new FieldException("commitments", "one commitment per bureau: " + c.bureau());
      }
    }
    if (!commitments.isEmpty() && !seen.contains(leadBureau)) {
      throw new FieldException("commitments", "the lead bureau commits too");
    }
  }

  /** The participating bureaus (the lead bureau first, then in the order written). */
  public List<BureauId> participants() {
    LinkedHashSet<BureauId> p = new LinkedHashSet<>();
    p.add(leadBureau);
    commitments.forEach(c -> p.add(c.bureau()));
    return List.copyOf(p);
  }

  private static <T> List<T> list(List<T> v, String field) {
    if (v == null) {
      return List.of();
    }
    if (v.size() > MAX_ITEMS) {
      throw new FieldException(field, "at most " + MAX_ITEMS + " items");
    }
    for (T t : v) {
      FieldException.required(t, field);
    }
    return List.copyOf(v);
  }
}
