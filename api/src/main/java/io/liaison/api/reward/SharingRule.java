package io.liaison.api.reward;

import io.liaison.api.FieldException;
import java.time.LocalDate;

/**
 * The reward sharing rule (分成规则) the member bureaus agree, one version of it. Like the agreed
 * settings it is in force only when every bureau of the roster has signed it (the roster of that
 * moment: a bureau that joins later does not un-agree it); a case is settled under the newest
 * agreed version whose {@code effectiveFrom} is on or before the case's filing day (立案,
 * Asia/Shanghai).
 *
 * @param version 1 for the first agreement, each change the next number
 * @param leadBureauPercent 0..100: the share of a case's bureau reward that goes to the bureau
 *     whose lead produced the case; the bureau that made the case keeps the rest
 * @param informantBase what the informant's reward is a fraction of
 * @param informantBasisPoints 0..10,000 (万分比) of the base
 * @param informantCapFen the informant's reward is never more than this (fen, at least 1)
 * @param basis the document the bureaus signed, shown with the rule
 * @param effectiveFrom the first filing day (Asia/Shanghai) of the cases this version applies to
 */
public record SharingRule(
    long version,
    int leadBureauPercent,
    RewardBase informantBase,
    int informantBasisPoints,
    long informantCapFen,
    String basis,
    LocalDate effectiveFrom) {
  /** The largest amount the ledger takes anywhere: 10 亿元 in fen. */
  public static final long MAX_FEN = 100_000_000_000L;

  public SharingRule {
    if (version < 1) {
      FieldException.invalid("version", "starts at 1");
    }
    if (leadBureauPercent < 0 || leadBureauPercent > 100) {
      FieldException.invalid("leadBureauPercent", "must be 0..100");
    }
    FieldException.required(informantBase, "informantBase");
    if (informantBasisPoints < 0 || informantBasisPoints > 10_000) {
      FieldException.invalid("informantBasisPoints", "must be 0..10000 (万分比)");
    }
    if (informantCapFen < 1 || informantCapFen > MAX_FEN) {
      FieldException.invalid("informantCapFen", "must be 1.." + MAX_FEN + " fen");
    }
    basis = FieldException.text(basis, "basis", 500);
    FieldException.required(effectiveFrom, "effectiveFrom");
  }
}
