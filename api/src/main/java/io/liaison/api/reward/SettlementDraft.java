package io.liaison.api.reward;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.LocalDate;

/**
 * The body of a settlement entry (兑现记录): one payment of a reward, which the paying bureau's chief
 * signs. An informant is named by the register line only (the lead id the report made), never by
 * identity; a bureau is named by its id.
 *
 * @param officer the paying bureau's chief who signs
 * @param payer the bureau that pays
 * @param kind what is paid
 * @param caseNumber the case the reward is for
 * @param caseBureau the bureau that made the case
 * @param leadId the lead that produced the case (required for {@code INFORMANT}, whose register
 *     line it names, and for {@code LEAD_BUREAU})
 * @param payeeBureau the bureau paid ({@code LEAD_BUREAU}, {@code CASE_BUREAU}); none for an
 *     informant; never the payer
 * @param amountFen the amount paid, 1..{@link SharingRule#MAX_FEN} fen
 * @param ruleVersion the sharing rule version the amount was computed under
 * @param paidOn the day paid (Asia/Shanghai)
 * @param note optional
 */
public record SettlementDraft(
    String officer,
    BureauId payer,
    RewardKind kind,
    String caseNumber,
    BureauId caseBureau,
    String leadId,
    BureauId payeeBureau,
    long amountFen,
    long ruleVersion,
    LocalDate paidOn,
    String note) {
  public SettlementDraft {
    officer = FieldException.text(officer, "officer", 64);
    FieldException.required(payer, "payer");
    FieldException.required(kind, "kind");
    caseNumber = FieldException.text(caseNumber, "caseNumber", 64);
    FieldException.required(caseBureau, "caseBureau");
    leadId = FieldException.optionalText(leadId, "leadId", 64);
    if (amountFen < 1 || amountFen > SharingRule.MAX_FEN) {
      FieldException.invalid("amountFen", "must be 1.." + SharingRule.MAX_FEN + " fen");
    }
    if (ruleVersion < 1) {
      FieldException.invalid("ruleVersion", "starts at 1");
    }
    FieldException.required(paidOn, "paidOn");
    note = FieldException.optionalText(note, "note", 500);
    if (kind == RewardKind.INFORMANT) {
      if (payeeBureau != null) {
        FieldException.invalid("payeeBureau", "an informant's reward names no bureau as payee");
      }
      if (leadId == null) {
        FieldException.invalid("leadId", "an informant's reward names the register line (lead)");
      }
    } else if (kind != null) {
      if (payeeBureau == null) {
        FieldException.invalid("payeeBureau", "is required for a bureau's share");
      } else if (payeeBureau.equals(payer)) {
        FieldException.invalid("payeeBureau", "must not be the payer");
      }
      if (kind == RewardKind.LEAD_BUREAU && leadId == null) {
        FieldException.invalid("leadId", "the lead bureau's share names the lead");
      }
    }
  }
}
