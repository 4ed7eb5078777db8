package io.liaison.node.informant;

import io.liaison.api.informant.RewardStatus;
import io.liaison.node.access.AccessPolicy;
import io.liaison.node.access.Action;
import io.liaison.node.access.Principal;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Refused;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The reward status of a report as a table ({@code from → to}): 未申请 → 已申报 | 不予奖励, 已申报 → 已兑现 | 不予奖励;
 * 已兑现 and 不予奖励 are final. Declaring is any writer's; paying out or refusing a reward is the chief's
 * decision ({@link Action#INFORMANT_REWARD}).
 */
final class RewardSteps {
  static final Map<RewardStatus, Set<RewardStatus>> NEXT = new EnumMap<>(RewardStatus.class);

  static {
    NEXT.put(
        RewardStatus.NOT_APPLIED, EnumSet.of(RewardStatus.DECLARED, RewardStatus.NOT_REWARDED));
    NEXT.put(RewardStatus.DECLARED, EnumSet.of(RewardStatus.PAID, RewardStatus.NOT_REWARDED));
    NEXT.put(RewardStatus.PAID, EnumSet.noneOf(RewardStatus.class));
    NEXT.put(RewardStatus.NOT_REWARDED, EnumSet.noneOf(RewardStatus.class));
  }

  private RewardSteps() {}

  /** Whether a decision (paid out, not rewarded) rather than a declaration. */
  static boolean decides(RewardStatus to) {
    return to == RewardStatus.PAID || to == RewardStatus.NOT_REWARDED;
  }

  /** Refuses a step the table does not have, or a decision by someone who is not a chief. */
  static void check(Principal p, RewardStatus from, RewardStatus to) {
    if (!NEXT.get(from).contains(to)) {
      throw new Conflict(
          "reward-state",
          "Not a reward step",
          "the reward status cannot go from " + from + " to " + to,
          "/status");
    }
    if (decides(to) && !AccessPolicy.allows(p.roles(), Action.INFORMANT_REWARD)) {
      throw new Refused(
          "chief-decides",
          "The chief decides",
          "only the chief pays out a reward or decides not to reward",
          "/status");
    }
  }
}
