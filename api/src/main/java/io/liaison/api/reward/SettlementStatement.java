package io.liaison.api.reward;

import io.liaison.api.BureauId;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/rewards/statement?period=}: the settlement statement (兑现结算表) of a period (a
 * quarter as a rule), from the signed settlement entries paid in it. An informant appears only as a
 * line of the paying bureau's register (the lead id), never by identity.
 *
 * @param period the period's label
 * @param from first day (Asia/Shanghai)
 * @param to last day
 * @param bureaus per bureau: paid, received, net
 * @param flows per payer, payee and kind: what went from one bureau to another
 * @param informants every informant's reward paid, by register line
 * @param totalFen every entry of the period
 */
public record SettlementStatement(
    String period,
    LocalDate from,
    LocalDate to,
    List<Balance> bureaus,
    List<Flow> flows,
    List<InformantLine> informants,
    long totalFen) {
  public SettlementStatement {
    bureaus = List.copyOf(bureaus);
    flows = List.copyOf(flows);
    informants = List.copyOf(informants);
  }

  /**
   * One bureau's position.
   *
   * @param paidToBureausFen shares it paid other bureaus
   * @param informantFen rewards it paid informants
   * @param receivedFen shares other bureaus paid it
   * @param netFen received − paid to bureaus − paid to informants
   * @param entries entries it signed in the period
   */
  public record Balance(
      BureauId bureau,
      long paidToBureausFen,
      long informantFen,
      long receivedFen,
      long netFen,
      long entries) {}

  /** What {@code payer} paid {@code payee} under {@code kind}: how many entries, how much. */
  public record Flow(BureauId payer, BureauId payee, RewardKind kind, long entries, long fen) {}

  /**
   * An informant's reward: the paying bureau's register line, never the identity.
   *
   * @param amountFen what the payer entered and signed
   * @param dueFen what the signed sharing rule the entry names gives for the case's figures —
   *     min(cap, ⌊base × basis points / 10,000⌋), the base the case's fine or value as the rule
   *     says — against which {@code amountFen} is read; null when this node holds the case or that
   *     agreed rule version not (yet)
   */
  public record InformantLine(
      BureauId payer,
      String leadId,
      String caseNumber,
      LocalDate paidOn,
      long amountFen,
      String settlementId,
      Long dueFen) {}
}
