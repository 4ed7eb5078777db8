package io.liaison.api.action;

import java.util.List;

/** Plans, newest first. */
public record PlanPage(int total, List<PlanView> plans) {
  public PlanPage {
    plans = List.copyOf(plans);
  }
}
