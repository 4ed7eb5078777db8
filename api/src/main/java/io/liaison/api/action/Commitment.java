package io.liaison.api.action;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.util.List;

/**
 * What a participating bureau commits to an operation: teams of at least two officers (检查人员不得
 * 少于两人), vehicles, the leaders in charge, and its tasks.
 */
public record Commitment(
    BureauId bureau,
    int teams,
    int officers,
    int vehicles,
    List<String> leaders,
    List<String> tasks) {
  public Commitment {
    FieldException.required(bureau, "bureau");
    if (teams < 0 || teams > 500 || officers < 0 || officers > 5000) {
      throw new FieldException("teams", "teams and officers must be within 0..500 and 0..5000");
    }
    if (vehicles < 0 || vehicles > 1000) {
      throw new FieldException("vehicles", "must be within 0..1000");
    }
    if (officers < 2 * teams) {
      throw new FieldException("officers", "each team needs at least two officers");
    }
    leaders = leaders == null ? List.of() : List.copyOf(leaders);
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    if (leaders.size() > 20 || tasks.size() > 50) {
      throw new FieldException("tasks", "at most 20 leaders and 50 tasks");
    }
    for (String t : tasks) {
      FieldException.text(t, "tasks", 500);
    }
    for (String l : leaders) {
      FieldException.text(l, "leaders", 64);
    }
  }
}
