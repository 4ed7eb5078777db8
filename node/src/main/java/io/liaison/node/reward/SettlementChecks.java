package io.liaison.node.reward;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.informant.RewardStatus;
import io.liaison.api.reward.RewardKind;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.api.reward.SharingRule;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.Refused;
import io.liaison.node.informant.InformantService;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.store.Store;
import io.liaison.node.trust.SignedRecords;
import io.liaison.search.SearchDocument;
import java.util.List;
import java.util.Optional;

/**
 * What a settlement must satisfy before the payer signs it (R4-3): the case it is for is held, the
 * rule in force on the case's filing day is the one named, payer and payee follow from the case, an
 * informant is paid once and only from the payer's own register. Each check throws the domain
 * refusal that names the field; they run on the store thread, inside the call that signs.
 */
final class SettlementChecks {
  private SettlementChecks() {}

  /** The case an entry is for, as this node holds it (newest version), if held. */
  static Optional<CaseRecord> heldCase(Store s, SettlementDraft d) {
    String id = SearchDocument.caseId(d.caseBureau(), CaseNumber.of(d.caseNumber()));
    return s.record(id)
        .filter(r -> SharedCase.KIND.equals(r.kind()))
        .map(r -> SharedCase.parse(r.id(), r.body()).current());
  }

  /** The case the reward is for, as this node holds it (newest version). */
  static CaseRecord caseOf(Store s, SettlementDraft d) {
    return heldCase(s, d)
        .orElseThrow(
            () ->
                new Invalid(
                    "settlement-case-unknown",
                    "no shared case " + d.caseNumber() + " of " + d.caseBureau() + " is held",
                    "/caseNumber"));
  }

  /** A case is settled under the rule the bureaus agreed for its filing day (立案), no other. */
  static void refuseUnlessRuleInForce(SharingRuleService rules, SettlementDraft d, CaseRecord c) {
    SharingRule rule =
        rules
            .inForceOn(c.filedOn())
            .orElseThrow(
                () ->
                    new Invalid(
                        "settlement-no-rule",
                        "no sharing rule the bureaus agreed is in force on " + c.filedOn(),
                        "/ruleVersion"));
    if (rule.version() != d.ruleVersion()) {
      throw new Invalid(
          "settlement-rule-version",
          "the case was filed on "
              + c.filedOn()
              + ": the rule in force then is version "
              + rule.version(),
          "/ruleVersion");
    }
  }

  /**
   * Who pays and who is paid follow from the case: the case bureau's reward (办案方奖励) goes to the
   * bureau that made the case; the lead bureau's share (线索方分成) is taken from the case bureau's
   * reward, so the case bureau pays it; an informant's reward is for a lead the case names.
   */
  static void refuseUnlessPartiesOfTheCase(SettlementDraft d, CaseRecord c) {
    switch (d.kind()) {
      case CASE_BUREAU -> {
        if (!c.bureau().equals(d.payeeBureau())) {
          throw new Invalid(
              "settlement-not-case-bureau",
              "the case bureau's reward goes to the bureau that made the case, " + c.bureau(),
              "/payeeBureau");
        }
      }
      case LEAD_BUREAU -> {
        if (!c.bureau().equals(d.payer())) {
          throw new Invalid(
              "settlement-payer-not-case-bureau",
              "the lead bureau's share is paid by the bureau that made the case, " + c.bureau(),
              "/payer");
        }
      }
      case INFORMANT -> {
        if (!c.linkedLeadIds().contains(d.leadId())) {
          throw new Invalid(
              "settlement-lead-not-linked", "the case does not name this lead", "/leadId");
        }
      }
    }
  }

  /**
   * The lead bureau's share goes to the bureau whose lead the case names: the lead is one of the
   * case's linked leads and the payee posted it.
   */
  static void refuseUnlessLeadOfPayee(Store s, SettlementDraft d, CaseRecord c) {
    if (!c.linkedLeadIds().contains(d.leadId())) {
      throw new Invalid(
          "settlement-lead-not-linked", "the case does not name this lead", "/leadId");
    }
    boolean payeeIsOrigin =
        s.record(d.leadId())
            .filter(r -> LeadRecord.KIND.equals(r.kind()))
            .map(r -> LeadRecord.parse(r.id(), r.body()).lead().originBureau())
            .map(o -> o.equals(d.payeeBureau()))
            .orElse(false);
    if (!payeeIsOrigin) {
      throw new Invalid(
          "settlement-not-lead-bureau",
          "the lead bureau's share goes to the bureau that posted the lead",
          "/payeeBureau");
    }
  }

  /**
   * An informant is paid once: the check and the entry are made in one call on the store's one
   * thread, so two requests at once (or a retry after the register's 已兑现 failed) cannot both pass
   * the declared-line check and leave two entries.
   */
  static void refuseIfInformantPaid(List<Settlement> mine, String leadId) {
    for (Settlement m : mine) {
      if (m.entry().kind() == RewardKind.INFORMANT && leadId.equals(m.entry().leadId())) {
        throw new Conflict(
            "settlement-informant-paid",
            "Informant already paid",
            "the informant of lead " + leadId + " was paid by " + m.id(),
            "/leadId");
      }
    }
  }

  /**
   * An informant is paid only by the bureau whose register (举报信息台帐) holds the report: the line
   * {@code source-<lead>} signed by the payer. Nobody else can open the identity, so nobody else
   * can pay.
   */
  static void refuseUnlessOwnRegisterLine(Store s, BureauId payer, String leadId) {
    Optional<SignedEnvelope> line =
        s.record("source-" + leadId)
            .filter(r -> InformantService.KIND.equals(r.kind()))
            .map(r -> SignedRecords.envelope(r.body()))
            .filter(e -> e.signer().equals(payer));
    if (line.isEmpty()) {
      throw new Refused(
          "settlement-not-in-register",
          "Not in the register",
          "an informant's reward names a line of the payer's own register (举报信息台帐)",
          "/leadId");
    }
    // paid only on a declared line (已申报 → 已兑现): the register's reward steps, checked before
    // anything is signed so a refused payment leaves no entry
    String status =
        line.get().payload().path("reward").path("status").asText(RewardStatus.NOT_APPLIED.name());
    if (!RewardStatus.DECLARED.name().equals(status)) {
      throw new Conflict(
          "settlement-not-declared",
          "Reward not declared",
          "an informant's reward is paid on a line declared for reward (已申报); this line is "
              + status,
          "/leadId");
    }
  }
}
