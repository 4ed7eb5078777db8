package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanResult;
import io.liaison.api.report.ActionFigures;
import java.util.ArrayList;
import java.util.List;

/**
 * The joint-actions section of a briefing (docs/reports.md "Joint actions"): by kind and in total,
 * with the bureau's own signed results.
 */
final class ActionSection {
  private ActionSection() {}

  static ActionFigures count(BureauId bureau, Window period, Iterable<ActionFact> all) {
    PlanKind[] kinds = PlanKind.values();
    long[][] f = new long[kinds.length][9];
    for (ActionFact a : all) {
      if (a.completedAt() == null
          || !a.participants().contains(bureau)
          || !period.contains(a.completedAt())) {
        continue;
      }
      long[] row = f[a.kind().ordinal()];
      row[0]++;
      if (a.lead().equals(bureau)) {
        row[1]++;
      }
      PlanResult r = a.results().getOrDefault(bureau, PlanResult.ZERO);
      row[2] += r.officerTimes();
      row[3] += r.vehicleTimes();
      row[4] += r.premisesChecked();
      row[5] += r.casesOpened();
      row[6] += r.sticksSeized();
      row[7] += r.valueFen();
      row[8] += r.personsDetained();
    }
    List<ActionFigures.ActionRow> rows = new ArrayList<>(kinds.length);
    long[] t = new long[9];
    for (int k = 0; k < kinds.length; k++) {
      rows.add(actionRow(kinds[k], f[k]));
      for (int i = 0; i < t.length; i++) {
        t[i] += f[k][i];
      }
    }
    return new ActionFigures(rows, actionRow(null, t));
  }

  private static ActionFigures.ActionRow actionRow(PlanKind kind, long[] v) {
    return new ActionFigures.ActionRow(kind, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }
}
