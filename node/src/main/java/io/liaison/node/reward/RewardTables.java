package io.liaison.node.reward;

import io.liaison.api.reward.CaseCredit;
import io.liaison.api.reward.CreditReport;
import io.liaison.api.reward.Measures;
import io.liaison.api.reward.SettlementStatement;
import io.liaison.node.tables.Table;
import io.liaison.node.tables.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The reward ledger as the tables bureaus print (Chinese headers; 万支, 万元, 元), one CSV per table and
 * one workbook with a sheet per table, written like the briefing's ({@link ReportTables}).
 */
public final class RewardTables {
  /** The table ids of {@code /api/v1/rewards/csv/{table}}. */
  public static final List<String> IDS =
      List.of("credits", "bureaus", "officers", "balances", "flows", "informants");

  private RewardTables() {}

  public static List<Table> of(CreditReport c, SettlementStatement s) {
    List<Table> out = new ArrayList<>();
    List<List<Object>> credits = new ArrayList<>();
    for (CaseCredit r : c.credits()) {
      credits.add(
          List.of(
              r.caseNumber(),
              r.caseBureau().code(),
              r.filedOn().toString(),
              r.category().label(),
              text(r.leadId()),
              r.leadBureau() == null ? "" : r.leadBureau().code(),
              text(r.leadOfficer()),
              text(r.caseOfficer()),
              Units.wanSticks(r.sticks()),
              Units.wanYuan(r.valueFen()),
              r.major() ? "是" : "否",
              r.transferredToPolice() ? "是" : "否"));
    }
    out.add(
        new Table(
            "credits",
            "线索成案",
            List.of(
                "案件编号", "办案单位", "立案日期", "类别", "线索编号", "线索单位", "线索提供人", "办案人", "查获（万支）", "案值（万元）",
                "大要案", "移送公安"),
            credits));
    out.add(new Table("bureaus", "单位考核", measureHeaders("单位"), measures(c.bureaus(), false)));
    out.add(new Table("officers", "个人考核", measureHeaders("人员"), measures(c.officers(), true)));
    List<List<Object>> balances = new ArrayList<>();
    long[] sum = new long[5];
    for (SettlementStatement.Balance b : s.bureaus()) {
      balances.add(
          List.of(
              b.bureau().code(),
              Units.yuan(b.paidToBureausFen()),
              Units.yuan(b.informantFen()),
              Units.yuan(b.receivedFen()),
              Units.yuan(b.netFen()),
              b.entries()));
      sum[0] += b.paidToBureausFen();
      sum[1] += b.informantFen();
      sum[2] += b.receivedFen();
      sum[3] += b.netFen();
      sum[4] += b.entries();
    }
    balances.add(
        List.of(
            "合计",
            Units.yuan(sum[0]),
            Units.yuan(sum[1]),
            Units.yuan(sum[2]),
            Units.yuan(sum[3]),
            sum[4]));
    out.add(
        new Table(
            "balances",
            "兑现结算",
            List.of("单位", "支付他局分成（元）", "支付举报奖励（元）", "收到分成（元）", "净额（元）", "兑现笔数"),
            balances));
    List<List<Object>> flows = new ArrayList<>();
    for (SettlementStatement.Flow f : s.flows()) {
      flows.add(
          List.of(
              f.payer().code(),
              f.payee().code(),
              f.kind().label(),
              f.entries(),
              Units.yuan(f.fen())));
    }
    out.add(new Table("flows", "分成往来", List.of("支付单位", "收款单位", "类别", "笔数", "金额（元）"), flows));
    List<List<Object>> informants = new ArrayList<>();
    for (SettlementStatement.InformantLine i : s.informants()) {
      informants.add(
          List.of(
              i.payer().code(),
              i.leadId(),
              i.caseNumber(),
              i.paidOn().toString(),
              Units.yuan(i.amountFen()),
              i.dueFen() == null ? "" : Units.yuan(i.dueFen()),
              i.dueFen() == null ? "" : Units.yuan(i.amountFen() - i.dueFen()),
              i.settlementId()));
    }
    out.add(
        new Table(
            "informants",
            "举报奖励",
            List.of("支付单位", "台帐线索", "案件编号", "兑现日期", "金额（元）", "按规则应付（元）", "差额（元）", "兑现记录"),
            informants));
    return out;
  }

  private static List<String> measureHeaders(String who) {
    List<String> h = new ArrayList<>();
    h.add("单位");
    if (who.equals("人员")) {
      h.add("人员");
    }
    h.addAll(List.of("案件（起）", "其中线索成案（起）", "移送公安（起）", "大要案（起）", "查获（万支）", "案值（万元）"));
    return h;
  }

  private static List<List<Object>> measures(List<Measures> rows, boolean officers) {
    List<List<Object>> out = new ArrayList<>();
    for (Measures m : rows) {
      List<Object> r = new ArrayList<>();
      r.add(m.bureau().code());
      if (officers) {
        r.add(m.officer());
      }
      r.addAll(
          List.of(
              m.cases(),
              m.leadCases(),
              m.policeTransfers(),
              m.majorCases(),
              Units.wanSticks(m.sticks()),
              Units.wanYuan(m.valueFen())));
      out.add(r);
    }
    return out;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
