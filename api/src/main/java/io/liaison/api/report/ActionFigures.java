package io.liaison.api.report;

import io.liaison.api.action.PlanKind;
import java.util.List;

/**
 * The joint actions (联合行动) a bureau took part in that were completed in the period (the lead
 * bureau's COMPLETE step on a Shanghai day of the period), by kind and in total, with the bureau's
 * own signed results: officers and vehicles deployed (人次, 辆次), premises checked, cases opened,
 * sticks seized and their value (fen), persons detained.
 */
public record ActionFigures(List<ActionRow> byKind, ActionRow total) {
  public ActionFigures {
    byKind = List.copyOf(byKind);
  }

  /** One kind ({@code kind} null for the total). {@code led}: the bureau led the action. */
  public record ActionRow(
      PlanKind kind,
      long actions,
      long led,
      long officerTimes,
      long vehicleTimes,
      long premisesChecked,
      long casesOpened,
      long sticksSeized,
      long valueFen,
      long personsDetained) {}
}
