package io.liaison.node.informant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.api.access.Role;
import io.liaison.api.informant.RewardStatus;
import io.liaison.node.access.Principal;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Refused;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Review-3 F18: every reward status × every next one, for a chief and for a liaison officer. */
class RewardStepsTest {
  static final Set<String> ALLOWED =
      Set.of(
          "NOT_APPLIED>DECLARED",
          "NOT_APPLIED>NOT_REWARDED",
          "DECLARED>PAID",
          "DECLARED>NOT_REWARDED");

  static Principal as(Role role) {
    return new Principal("150924-001", "警官", BureauId.of("150924"), EnumSet.of(role), "s");
  }

  @Test
  void everyStepIsAsTheTableSaysAndOnlyTheChiefDecides() {
    for (RewardStatus from : RewardStatus.values()) {
      for (RewardStatus to : RewardStatus.values()) {
        String step = from + ">" + to;
        if (!ALLOWED.contains(step)) {
          assertThatThrownBy(() -> RewardSteps.check(as(Role.CHIEF), from, to))
              .as(step)
              .isInstanceOf(Conflict.class);
          continue;
        }
        RewardSteps.check(as(Role.CHIEF), from, to);
        if (to == RewardStatus.PAID || to == RewardStatus.NOT_REWARDED) {
          assertThatThrownBy(() -> RewardSteps.check(as(Role.LIAISON), from, to))
              .as(step)
              .isInstanceOf(Refused.class);
        } else {
          RewardSteps.check(as(Role.LIAISON), from, to);
        }
      }
    }
    assertThat(RewardSteps.NEXT.keySet()).containsExactlyInAnyOrder(RewardStatus.values());
  }
}
