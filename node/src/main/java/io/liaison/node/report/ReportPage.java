package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.Period;
import io.liaison.api.report.RegionalView;
import io.liaison.api.report.ReportView;
import io.liaison.node.tables.Table;
import io.liaison.node.tables.Units;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A signed report as a printable Chinese page (A4): the title, every table of {@link ReportTables}
 * (the same rows as the XLSX and CSV), bar charts drawn as inline SVG on the server (no script, no
 * network, prints as drawn), and the signature block (signer, key, time, envelope hash, canonical
 * SHA-256, the neighbours' confirmations, lines for the chief's signature and seal). Every text is
 * HTML-escaped. The comparison with the period before and the year before is this node's recount
 * (not signed), said so on the page.
 */
public final class ReportPage {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

  /** The bureau's headline figures for the period before and the year before (this node's). */
  public record Comparison(
      Period previous,
      RegionalView.Totals previousTotals,
      Period yearBefore,
      RegionalView.Totals yearBeforeTotals) {}

  private ReportPage() {}

  /**
   * The page. {@code names} gives a bureau's name (its code when unknown); {@code comparison} may
   * be null (no 环比/同比 chart).
   */
  public static String html(ReportView v, Function<BureauId, String> names, Comparison comparison) {
    Briefing b = v.briefing();
    String bureau = names.apply(b.bureau());
    String title = bureau + " " + periodText(b) + " 打击涉烟违法犯罪工作通报";
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body><main class=\"sheet\">");
    h.append("<header><p class=\"kicker\">每季度互相通报 · 第 ")
        .append(v.version())
        .append(" 版</p><h1>")
        .append(esc(title))
        .append("</h1><p class=\"meta\">统计期间：")
        .append(esc(b.period().from().toString()))
        .append(" 至 ")
        .append(esc(b.period().to().toString()))
        .append("（北京时间，按自然日） · 通报编号 ")
        .append(esc(v.id()))
        .append("</p></header>");

    headline(h, b);
    h.append("<section class=\"charts\">");
    h.append(
        ReportCharts.chart(
            "chart-cases",
            "案件分类（起）",
            ReportCharts.categoryBars(b, r -> (double) r.cases(), r -> r.cases() + " 起")));
    h.append(
        ReportCharts.chart(
            "chart-value",
            "案值（万元）",
            ReportCharts.categoryBars(
                b,
                r -> r.valueFen() / 1_000_000.0,
                r -> Units.wanYuan(r.valueFen()).toPlainString() + " 万元")));
    if (comparison != null) {
      h.append(ReportCharts.comparisonChart(b, comparison));
    }
    h.append("</section>");

    for (Table t : ReportTables.of(b)) {
      if (t.id().equals("notes")) {
        continue;
      }
      table(h, t);
    }
    h.append("<section class=\"notes\"><h2>市场动向</h2>");
    String notes = b.marketNotes().isBlank() ? "（未填写）" : b.marketNotes();
    for (String para : notes.split("\n")) {
      if (!para.isBlank()) {
        h.append("<p>").append(esc(para.strip())).append("</p>");
      }
    }
    h.append("</section>");
    signature(h, v, names);
    h.append("</main></body></html>");
    return h.toString();
  }

  private static String periodText(Briefing b) {
    String l = b.period().label();
    return switch (b.kind()) {
      case "QUARTER" -> l.substring(0, 4) + "年第" + "一二三四".charAt(l.charAt(5) - '1') + "季度";
      case "HALF" -> l.substring(0, 4) + (l.endsWith("1") ? "年上半年" : "年下半年");
      case "MONTH" -> l.substring(0, 4) + "年" + Integer.parseInt(l.substring(5)) + "月";
      default -> b.period().from() + "至" + b.period().to();
    };
  }

  private static void headline(StringBuilder h, Briefing b) {
    var c = b.cases();
    h.append("<section class=\"headline\">");
    figure(h, "查处案件", c.total().cases() + " 起");
    figure(h, "涉案卷烟", Units.wanSticks(c.total().sticks()).toPlainString() + " 万支");
    figure(h, "案值", Units.wanYuan(c.total().valueFen()).toPlainString() + " 万元");
    figure(h, "大要案", c.majorCases().size() + " 起");
    figure(h, "移送公安", c.transferredToPolice() + " 起");
    figure(h, "发出线索", b.leads().sent() + " 条");
    h.append("</section>");
  }

  private static void figure(StringBuilder h, String label, String value) {
    h.append("<div class=\"figure\"><span>")
        .append(esc(label))
        .append("</span><strong>")
        .append(esc(value))
        .append("</strong></div>");
  }

  /** The tables that are one row of figures (printed as label/value pairs); lists stay lists. */
  private static final Set<String> ONE_ROW =
      Set.of("leads", "transfers", "prices", "networks", "feedback");

  private static void table(StringBuilder h, Table t) {
    h.append("<section class=\"table\" id=\"table-")
        .append(esc(t.id()))
        .append("\"><h2>")
        .append(esc(t.name()))
        .append("</h2>");
    if (t.rows().isEmpty()) {
      h.append("<p class=\"muted\">本期无</p></section>");
      return;
    }
    // tables with one row print as label/value pairs (they are wide: up to 12 columns)
    boolean single = t.rows().size() == 1 && ONE_ROW.contains(t.id());
    h.append("<table>");
    if (single) {
      List<Object> row = t.rows().get(0);
      for (int c = 0; c < t.headers().size(); c++) {
        h.append("<tr><th>")
            .append(esc(t.headers().get(c)))
            .append("</th><td class=\"n\">")
            .append(esc(cell(row.get(c))))
            .append("</td></tr>");
      }
    } else {
      h.append("<thead><tr>");
      for (String head : t.headers()) {
        h.append("<th>").append(esc(head)).append("</th>");
      }
      h.append("</tr></thead><tbody>");
      for (List<Object> row : t.rows()) {
        h.append("<tr>");
        for (Object o : row) {
          h.append(o instanceof Number ? "<td class=\"n\">" : "<td>")
              .append(esc(cell(o)))
              .append("</td>");
        }
        h.append("</tr>");
      }
      h.append("</tbody>");
    }
    h.append("</table></section>");
  }

  private static String cell(Object o) {
    return o instanceof BigDecimal d ? d.toPlainString() : String.valueOf(o);
  }

  private static void signature(StringBuilder h, ReportView v, Function<BureauId, String> names) {
    ReportView.Proof p = v.proof();
    h.append("<section class=\"signature\"><h2>签发与核验</h2><table>");
    row(h, "签发单位", names.apply(p.signer()) + "（" + p.signer().code() + "）");
    row(h, "签发时间", TIME.format(p.signedAt()) + "（北京时间）");
    row(h, "签名密钥", p.keyId());
    row(h, "签名摘要", p.hash());
    row(h, "通报数据 SHA-256", v.canonicalSha256());
    h.append("</table>");
    if (v.acknowledgements().isEmpty()) {
      h.append("<p class=\"muted\">尚无邻局确认</p>");
    } else {
      h.append("<table><thead><tr><th>确认单位</th><th>确认人</th><th>时间</th><th>复核</th>")
          .append("<th>意见</th></tr></thead><tbody>");
      for (ReportView.Acknowledgement a : v.acknowledgements()) {
        h.append("<tr><td>")
            .append(esc(names.apply(a.bureau())))
            .append("</td><td>")
            .append(esc(a.officer()))
            .append("</td><td>")
            .append(esc(TIME.format(a.at())))
            .append("</td><td>")
            .append(a.figuresMatch() ? "数据一致" : "数据不一致")
            .append("</td><td>")
            .append(esc(a.note() == null ? "" : a.note()))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("<p class=\"verify\">离线核验：liaison report download ")
        .append(esc(p.signer().code()))
        .append(' ')
        .append(esc(v.briefing().period().label()))
        .append(" -o 通报.json；liaison report verify 通报.json --authority 区域根公钥</p>")
        .append("<div class=\"sign-lines\"><span>局长（签字）：</span><span>日期：</span>")
        .append("<span>（盖章）</span></div></section>");
  }

  private static void row(StringBuilder h, String label, String value) {
    h.append("<tr><th>")
        .append(esc(label))
        .append("</th><td class=\"mono\">")
        .append(esc(value))
        .append("</td></tr>");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  private static final String CSS =
      """
      @page{size:A4;margin:16mm 14mm}
      *{box-sizing:border-box}
      body{margin:0;background:#eee;color:#111;font-family:"SimSun","Songti SC","Noto Serif CJK SC",\
      "WenQuanYi Micro Hei",serif;font-size:11pt;line-height:1.5}
      .sheet{background:#fff;width:210mm;max-width:100%;margin:0 auto;padding:16mm 14mm}
      header{text-align:center;border-bottom:2px solid #b00;margin-bottom:1em}
      h1{font-size:18pt;margin:.2em 0;color:#b00}
      .kicker,.meta,.muted{color:#555;font-size:9.5pt;margin:.2em 0}
      h2{font-size:12.5pt;margin:1em 0 .4em;border-left:4px solid #1f5fa8;padding-left:.4em}
      .headline{display:grid;grid-template-columns:repeat(3,1fr);gap:.4em;margin:.6em 0}
      .figure{border:1px solid #bbb;padding:.3em .6em}
      .figure span{display:block;color:#555;font-size:9pt}.figure strong{font-size:13pt}
      .chart{margin:.6em 0;break-inside:avoid}
      .chart svg{display:block;max-width:100%;height:auto}
      svg text{font-family:inherit;font-size:12px;fill:#222}svg text.t{font-size:14px;font-weight:bold}
      svg text.small{font-size:10px;fill:#555}
      table{border-collapse:collapse;width:100%;margin:.3em 0;font-size:10pt}
      th,td{border:1px solid #666;padding:.2em .4em;text-align:left;vertical-align:top}
      thead th{background:#eef2f8}td.n{text-align:right;font-variant-numeric:tabular-nums}
      td.mono{font-family:monospace;word-break:break-all}
      section.table,section.signature{break-inside:avoid}
      .sign-lines{display:flex;justify-content:space-between;margin-top:2em}
      .sign-lines span{min-width:30%;border-bottom:1px solid #000;padding-bottom:1.5em}
      .verify{font-size:9pt;color:#555}
      @media print{body{background:#fff}.sheet{width:auto;margin:0;padding:0}}
      """;
}
