package io.liaison.api.reward;

import io.liaison.api.FieldException;

/**
 * The figures of one case a reward is computed from, all in fen.
 *
 * @param caseValueFen 案值
 * @param fineFen 罚没款 the case brought
 * @param bureauRewardFen the reward awarded for the case to the bureaus (办案奖励), shared between the
 *     lead's bureau and the case's bureau
 */
public record CaseFigures(long caseValueFen, long fineFen, long bureauRewardFen) {
  public CaseFigures {
    fen(caseValueFen, "caseValueFen");
    fen(fineFen, "fineFen");
    fen(bureauRewardFen, "bureauRewardFen");
  }

  static void fen(long value, String field) {
    if (value < 0 || value > SharingRule.MAX_FEN) {
      FieldException.invalid(field, "must be 0.." + SharingRule.MAX_FEN + " fen");
    }
  }
}
