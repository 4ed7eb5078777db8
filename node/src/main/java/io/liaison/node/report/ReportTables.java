package io.liaison.node.report;

import io.liaison.api.report.ActionFigures;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.CaseFigures;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.FeedbackFigures;
import io.liaison.api.report.GapRow;
import io.liaison.api.report.LeadFigures;
import io.liaison.api.report.MajorCase;
import io.liaison.api.report.NetworkFigures;
import io.liaison.node.tables.Table;
import io.liaison.node.tables.TableFiles;
import io.liaison.node.tables.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A briefing as the tables bureaus print, with Chinese headers and their units (起, 人, 万支, 万元, 元/条,
 * %), written as files by {@link TableFiles}. Rates are percent with one decimal, half up.
 */
public final class ReportTables {
  private ReportTables() {}

  public static List<Table> of(Briefing b) {
    LeadFigures l = b.leads();
    CaseFigures c = b.cases();
    List<Table> out = new ArrayList<>();
    out.add(
        new Table(
            "leads",
            "线索",
            List.of(
                "发出（条）", "收到（条）", "认领（条）", "移交发起（条）", "移交接收（条）", "反馈（次）", "办结（条）", "其中立案（条）",
                "查无实据（条）", "并案（条）", "移送公安（条）", "撤回（条）"),
            List.of(
                List.of(
                    l.sent(),
                    l.received(),
                    l.claimed(),
                    l.handoversOffered(),
                    l.handoversAccepted(),
                    l.feedbackGiven(),
                    l.closed(),
                    l.closedCaseOpened(),
                    l.closedUnfounded(),
                    l.closedMerged(),
                    l.closedTransferredToPolice(),
                    l.withdrawn()))));
    List<List<Object>> cats = new ArrayList<>();
    for (CategoryRow r : c.byCategory()) {
      cats.add(
          List.of(
              r.category().label(),
              r.cases(),
              Units.wanSticks(r.sticks()),
              Units.wanYuan(r.valueFen())));
    }
    cats.add(
        List.of(
            "合计",
            c.total().cases(),
            Units.wanSticks(c.total().sticks()),
            Units.wanYuan(c.total().valueFen())));
    out.add(new Table("cases", "案件分类", List.of("类别", "起数（起）", "数量（万支）", "案值（万元）"), cats));
    List<List<Object>> major = new ArrayList<>();
    for (MajorCase m : c.majorCases()) {
      major.add(
          List.of(
              m.caseNumber(),
              m.category().label(),
              m.filedOn().toString(),
              Units.wanYuan(m.valueFen()),
              Units.wanSticks(m.sticks()),
              m.disposition().label()));
    }
    out.add(
        new Table("major", "大要案", List.of("案号", "类别", "立案日期", "案值（万元）", "数量（万支）", "处理"), major));
    out.add(
        new Table(
            "transfers",
            "移送与处罚",
            List.of(
                "移送公安（起）",
                "移送市场监管（起）",
                "达到追诉标准已结（起）",
                "其中移送公安（起）",
                "移送率（%）",
                "未结（起）",
                "刑事拘留（人）",
                "判刑（人）",
                "罚款（万元）",
                "上缴财政罚没款（万元）"),
            List.of(
                List.of(
                    c.transferredToPolice(),
                    c.transferredToMarketRegulation(),
                    c.thresholdCasesDisposed(),
                    c.thresholdCasesTransferred(),
                    percent(c.thresholdCasesTransferred(), c.thresholdCasesDisposed()),
                    c.pending(),
                    c.detainedPersons(),
                    c.sentencedPersons(),
                    Units.wanYuan(c.fineFen()),
                    Units.wanYuan(c.treasuryFen())))));
    out.add(
        new Table(
            "prices",
            "价格互查",
            List.of("判定（项）", "合规（项）", "合规率（%）"),
            List.of(
                List.of(
                    b.prices().judged(),
                    b.prices().compliant(),
                    percent(b.prices().compliant(), b.prices().judged())))));
    List<List<Object>> gaps = new ArrayList<>();
    for (GapRow g : b.prices().widestGaps()) {
      gaps.add(
          List.of(
              g.brand(),
              g.spec() == null ? "" : g.spec(),
              g.a().code(),
              g.b().code(),
              g.agreedGapFen() == null ? "" : BigDecimal.valueOf(g.agreedGapFen(), 2),
              g.observedGapFen() == null ? "" : BigDecimal.valueOf(g.observedGapFen(), 2),
              g.flagged() ? "是" : "否"));
    }
    out.add(
        new Table(
            "gaps",
            "跨界价差",
            List.of("品牌", "规格", "甲局", "乙局", "约定价差（元/条）", "实际价差（元/条）", "超出阈值"),
            gaps));
    if (b.actions() != null) {
      List<List<Object>> acts = new ArrayList<>();
      for (ActionFigures.ActionRow r : b.actions().byKind()) {
        acts.add(actionRow(r.kind().label(), r));
      }
      acts.add(actionRow("合计", b.actions().total()));
      out.add(
          new Table(
              "actions",
              "联合行动",
              List.of(
                  "类别",
                  "完成（次）",
                  "其中牵头（次）",
                  "出动人员（人次）",
                  "出动车辆（辆次）",
                  "检查场所（处）",
                  "立案（起）",
                  "查获（万支）",
                  "案值（万元）",
                  "刑事拘留（人）"),
              acts));
    }
    if (b.networks() != null) {
      NetworkFigures n = b.networks();
      out.add(
          new Table(
              "networks",
              "网络与并案",
              List.of("提请并案的网络（个）", "本局同意（个）", "本局不同意（个）", "完成并案（个）", "其中本局主办（个）"),
              List.of(
                  List.of(
                      n.proposals(), n.accepted(), n.declined(), n.merged(), n.mergedAsLead()))));
    }
    if (b.feedback() != null) {
      FeedbackFigures f = b.feedback();
      out.add(
          new Table(
              "feedback",
              "线索反馈时效",
              List.of("约定反馈期限（天）", "期内到期（条）", "按时反馈（条）", "逾期反馈（条）", "逾期未反馈（条）", "反馈及时率（%）"),
              List.of(
                  List.of(
                      f.periodDays(),
                      f.due(),
                      f.onTime(),
                      f.late(),
                      f.unanswered(),
                      percent(f.onTime(), f.due())))));
    }
    if (b.rewards() != null) {
      out.add(RewardSection.table(b.rewards()));
    }
    out.add(new Table("notes", "市场动向", List.of("市场动向"), List.of(List.of(b.marketNotes()))));
    return out;
  }

  private static List<Object> actionRow(String label, ActionFigures.ActionRow r) {
    return List.of(
        label,
        r.actions(),
        r.led(),
        r.officerTimes(),
        r.vehicleTimes(),
        r.premisesChecked(),
        r.casesOpened(),
        Units.wanSticks(r.sticksSeized()),
        Units.wanYuan(r.valueFen()),
        r.personsDetained());
  }

  private static Object percent(long num, long den) {
    return den == 0
        ? ""
        : BigDecimal.valueOf(num * 100).divide(BigDecimal.valueOf(den), 1, RoundingMode.HALF_UP);
  }

  /** The workbook: one sheet per table, headers bold in the first row. */
  public static byte[] xlsx(Briefing b) {
    return TableFiles.xlsx(of(b));
  }
}
