package io.liaison.api.action;

import io.liaison.api.FieldException;

/**
 * One bureau's results of an operation: officers and vehicles deployed (出动人员/车辆 人次/辆次), premises
 * checked, cases opened, sticks seized (1 条 = 200 sticks) and their value in fen, persons detained
 * or transferred to police, cases transferred to market regulation.
 */
public record PlanResult(
    long officerTimes,
    long vehicleTimes,
    long premisesChecked,
    long casesOpened,
    long sticksSeized,
    long valueFen,
    long personsDetained,
    long personsTransferred,
    long casesToMarketRegulation) {
  public PlanResult {
    nonNegative(officerTimes, "officerTimes");
    nonNegative(vehicleTimes, "vehicleTimes");
    nonNegative(premisesChecked, "premisesChecked");
    nonNegative(casesOpened, "casesOpened");
    nonNegative(sticksSeized, "sticksSeized");
    nonNegative(valueFen, "valueFen");
    nonNegative(personsDetained, "personsDetained");
    nonNegative(personsTransferred, "personsTransferred");
    nonNegative(casesToMarketRegulation, "casesToMarketRegulation");
  }

  private static void nonNegative(long v, String field) {
    if (v < 0) {
      throw new FieldException(field, "must not be negative");
    }
  }

  /** The sum of two bureaus' results. */
  public PlanResult plus(PlanResult o) {
    return new PlanResult(
        officerTimes + o.officerTimes,
        vehicleTimes + o.vehicleTimes,
        premisesChecked + o.premisesChecked,
        casesOpened + o.casesOpened,
        sticksSeized + o.sticksSeized,
        valueFen + o.valueFen,
        personsDetained + o.personsDetained,
        personsTransferred + o.personsTransferred,
        casesToMarketRegulation + o.casesToMarketRegulation);
  }

  public static final PlanResult ZERO = new PlanResult(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
