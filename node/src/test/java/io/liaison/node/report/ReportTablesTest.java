package io.liaison.node.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.Period;
import io.liaison.node.tables.Table;
import io.liaison.node.tables.TableFiles;
import io.liaison.node.tables.Units;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The workbook read back by a real reader (fastexcel-reader): sheets, Chinese headers, totals. */
class ReportTablesTest {
  private static final List<CaseRecord> CASES = RecordGenerator.cases(40, 2_000);
  private static final List<LeadFact> LEADS = RecordGenerator.leads(41, 2_000);

  @Test
  void theWorkbookHasASheetPerTableWithChineseHeadersAndTheTotals() throws Exception {
    BureauId b = RecordGenerator.BUREAUS.get(1);
    Briefing r =
        ReportEngine.briefing(
            b,
            Period.quarter(2025, 3),
            new ReportEngine.Sources(
                CASES, LEADS, RecordGenerator.actions(42, 2_000), RecordGenerator.merges(43, 500)),
            new ReportEngine.Rules(5_000_000L, 15),
            PriceFacts.NONE,
            "平稳");
    assertThat(r.cases().total().cases()).isPositive();
    assertThat(r.actions().total().actions()).isPositive();
    assertThat(r.feedback().due()).isPositive();
    byte[] xlsx = ReportTables.xlsx(r);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(wb.getSheets().map(Sheet::getName).toList())
          .containsExactly(
              "线索", "案件分类", "大要案", "移送与处罚", "价格互查", "跨界价差", "联合行动", "网络与并案", "线索反馈时效", "奖励兑现",
              "市场动向");
      List<Row> actions = wb.getSheets().toList().get(6).read();
      assertThat(actions.get(0).getCellText(3)).isEqualTo("出动人员（人次）");
      Row allKinds = actions.get(actions.size() - 1);
      assertThat(allKinds.getCellText(0)).isEqualTo("合计");
      assertThat(allKinds.getCellAsNumber(1).orElseThrow().longValue())
          .isEqualTo(r.actions().total().actions());
      assertThat(allKinds.getCellAsNumber(3).orElseThrow().longValue())
          .isEqualTo(r.actions().total().officerTimes());
      assertThat(allKinds.getCellAsNumber(4).orElseThrow().longValue())
          .isEqualTo(r.actions().total().vehicleTimes());
      List<Row> feedback = wb.getSheets().toList().get(8).read();
      assertThat(feedback.get(0).getCellText(2)).isEqualTo("按时反馈（条）");
      assertThat(feedback.get(1).getCellAsNumber(1).orElseThrow().longValue())
          .isEqualTo(r.feedback().due());
      assertThat(feedback.get(1).getCellAsNumber(2).orElseThrow().longValue())
          .isEqualTo(r.feedback().onTime());
      List<Row> cases = wb.getSheets().toList().get(1).read();
      assertThat(cases.get(0).getCellText(0)).isEqualTo("类别");
      assertThat(cases.get(0).getCellText(2)).isEqualTo("数量（万支）");
      assertThat(cases.get(0).getCellText(3)).isEqualTo("案值（万元）");
      Row total = cases.get(cases.size() - 1);
      assertThat(total.getCellText(0)).isEqualTo("合计");
      assertThat(total.getCellAsNumber(1).orElseThrow().longValue())
          .isEqualTo(r.cases().total().cases());
      assertThat(total.getCellAsNumber(2).orElseThrow())
          .isEqualByComparingTo(BigDecimal.valueOf(r.cases().total().sticks(), 4));
      assertThat(total.getCellAsNumber(3).orElseThrow())
          .isEqualByComparingTo(BigDecimal.valueOf(r.cases().total().valueFen(), 6));
      // the rows above the total add up to it, in the units shown
      BigDecimal sum = BigDecimal.ZERO;
      for (Row row : cases.subList(1, cases.size() - 1)) {
        sum = sum.add(row.getCellAsNumber(3).orElseThrow());
      }
      assertThat(sum).isEqualByComparingTo(total.getCellAsNumber(3).orElseThrow());
      List<Row> transfers = wb.getSheets().toList().get(3).read();
      assertThat(transfers.get(0).getCellText(6)).isEqualTo("刑事拘留（人）");
      assertThat(transfers.get(1).getCellAsNumber(6).orElseThrow().longValue())
          .isEqualTo(r.cases().detainedPersons());
      assertThat(wb.getSheets().toList().get(2).read()).hasSize(1 + r.cases().majorCases().size());
    }
  }

  @Test
  void aCsvTableIsUtf8WithABomAndQuotesWhatNeedsIt() {
    BureauId b = RecordGenerator.BUREAUS.get(0);
    Briefing r =
        ReportEngine.briefing(
            b, Period.quarter(2025, 1), CASES, LEADS, PriceFacts.NONE, "价格稳定，\"外流\"减少");
    Table cases =
        ReportTables.of(r).stream().filter(t -> t.id().equals("cases")).findFirst().orElseThrow();
    String csv = new String(TableFiles.csv(cases), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF类别,起数（起）,数量（万支）,案值（万元）\r\n");
    CategoryRow t = r.cases().total();
    assertThat(csv)
        .endsWith(
            "合计,"
                + t.cases()
                + ","
                + Units.wanSticks(t.sticks()).toPlainString()
                + ","
                + Units.wanYuan(t.valueFen()).toPlainString()
                + "\r\n");
    Table notes =
        ReportTables.of(r).stream().filter(x -> x.id().equals("notes")).findFirst().orElseThrow();
    assertThat(new String(TableFiles.csv(notes), StandardCharsets.UTF_8))
        .contains("\"价格稳定，\"\"外流\"\"减少\"");
    assertThat(Units.wanSticks(12_000)).isEqualByComparingTo("1.2");
    assertThat(Units.wanYuan(6_380_000).toPlainString()).isEqualTo("6.38");
  }
}
