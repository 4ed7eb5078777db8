package io.liaison.api.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import io.liaison.api.Json;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RewardRecordsTest {
  static final BureauId XINGHE = BureauId.of("150924");
  static final BureauId TIANZHEN = BureauId.of("140222");

  @Test
  void everyBadFieldOfARuleIsNamed() {
    var r = FieldException.collecting(() -> new SharingRule(0, 101, null, 10_001, 0, " ", null));
    assertThat(r.valid()).isFalse();
    assertThat(r.errors())
        .extracting(FieldException::field)
        .containsExactlyInAnyOrder(
            "version",
            "leadBureauPercent",
            "informantBase",
            "informantBasisPoints",
            "informantCapFen",
            "basis",
            "effectiveFrom");
    var f = FieldException.collecting(() -> new CaseFigures(-1, SharingRule.MAX_FEN + 1, -5));
    assertThat(f.errors())
        .extracting(FieldException::field)
        .containsExactlyInAnyOrder("caseValueFen", "fineFen", "bureauRewardFen");
  }

  @Test
  void everyBadFieldOfASettlementIsNamed() {
    var all =
        FieldException.collecting(
            () -> new SettlementDraft(" ", null, null, "", null, null, null, 0, 0, null, null));
    assertThat(all.errors())
        .extracting(FieldException::field)
        .containsExactlyInAnyOrder(
            "officer",
            "payer",
            "kind",
            "caseNumber",
            "caseBureau",
            "amountFen",
            "ruleVersion",
            "paidOn");
    // an informant is named by the register line, never as a bureau
    var informant = FieldException.collecting(() -> draft(RewardKind.INFORMANT, null, TIANZHEN));
    assertThat(informant.errors())
        .extracting(FieldException::field)
        .containsExactlyInAnyOrder("leadId", "payeeBureau");
    // a bureau share: a payee that is not the payer; the lead's share names the lead
    var self = FieldException.collecting(() -> draft(RewardKind.LEAD_BUREAU, null, XINGHE));
    assertThat(self.errors())
        .extracting(FieldException::field)
        .containsExactlyInAnyOrder("leadId", "payeeBureau");
    var none = FieldException.collecting(() -> draft(RewardKind.CASE_BUREAU, null, null));
    assertThat(none.errors()).extracting(FieldException::field).containsExactly("payeeBureau");
    assertThat(draft(RewardKind.CASE_BUREAU, null, TIANZHEN).leadId()).isNull();
    assertThat(draft(RewardKind.INFORMANT, "L-1", null).leadId()).isEqualTo("L-1");
  }

  @Test
  void aSettlementReadsBackFromJson() throws Exception {
    SettlementDraft d = draft(RewardKind.LEAD_BUREAU, "L-7", TIANZHEN);
    String json = Json.mapper().writeValueAsString(d);
    assertThat(Json.mapper().readValue(json, SettlementDraft.class)).isEqualTo(d);
    SharingRule rule =
        new SharingRule(1, 30, RewardBase.FINE, 500, 1_000_000, "附件二", LocalDate.of(2026, 1, 1));
    assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(rule), SharingRule.class))
        .isEqualTo(rule);
  }

  static SettlementDraft draft(RewardKind kind, String lead, BureauId payee) {
    return new SettlementDraft(
        "150924-chief",
        XINGHE,
        kind,
        "兴烟立字〔2026〕第123号",
        XINGHE,
        lead,
        payee,
        90_000,
        1,
        LocalDate.of(2026, 6, 30),
        null);
  }
}
