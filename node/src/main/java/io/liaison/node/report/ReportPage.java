package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.Period;
import io.liaison.api.report.RegionalView;
import io.liaison.api.report.ReportView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
  private static final String[] COLOURS = {"#1f5fa8", "#8aa9d1", "#c9a227"};

  /** The bureau's headline figures for the period before and the year before (this node's). */
  public record Comparison(
      Period previous,
      RegionalView.Totals previousTotals,
      Period yearBefore,
      RegionalView.Totals yearBeforeTotals) {}

  /** One bar of a chart: its label, value and the text written beside it. */
  record Bar(String label, double value, String text) {}

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
        chart(
            "chart-cases",
            "案件分类（起）",
            categoryBars(b, r -> (double) r.cases(), r -> r.cases() + " 起")));
    h.append(
        chart(
            "chart-value",
            "案值（万元）",
            categoryBars(
                b,
                r -> r.valueFen() / 1_000_000.0,
                r -> ReportTables.wanYuan(r.valueFen()).toPlainString() + " 万元")));
    if (comparison != null) {
      h.append(comparisonChart(b, comparison));
    }
    h.append("</section>");

    for (ReportTables.Table t : ReportTables.of(b)) {
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
    figure(h, "涉案卷烟", ReportTables.wanSticks(c.total().sticks()).toPlainString() + " 万支");
    figure(h, "案值", ReportTables.wanYuan(c.total().valueFen()).toPlainString() + " 万元");
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

  private static List<Bar> categoryBars(
      Briefing b, Function<CategoryRow, Double> value, Function<CategoryRow, String> text) {
    List<Bar> bars = new ArrayList<>();
    for (CategoryRow r : b.cases().byCategory()) {
      bars.add(new Bar(r.category().label(), value.apply(r), text.apply(r)));
    }
    return bars;
  }

  /** A horizontal bar chart: a row per bar, the label left, the figure right of the bar. */
  static String chart(String id, String title, List<Bar> bars) {
    int labelW = 110;
    int barW = 380;
    int rowH = 26;
    int width = labelW + barW + 130;
    int height = 30 + rowH * bars.size() + 6;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    StringBuilder s = new StringBuilder();
    s.append("<figure class=\"chart\" id=\"")
        .append(id)
        .append("\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"100%\" aria-label=\"")
        .append(esc(title))
        .append("\"><title>")
        .append(esc(title))
        .append("</title><text class=\"t\" x=\"0\" y=\"18\">")
        .append(esc(title))
        .append("</text>");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = 30 + i * rowH;
      long w = max <= 0 ? 0 : Math.round(bar.value() / max * barW);
      s.append("<text class=\"l\" x=\"")
          .append(labelW - 8)
          .append("\" y=\"")
          .append(y + 17)
          .append("\" text-anchor=\"end\">")
          .append(esc(bar.label()))
          .append("</text><rect class=\"bar\" x=\"")
          .append(labelW)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(w)
          .append("\" height=\"")
          .append(rowH - 8)
          .append("\" fill=\"")
          .append(COLOURS[0])
          .append("\" data-label=\"")
          .append(esc(bar.label()))
          .append("\" data-value=\"")
          .append(esc(bar.text()))
          .append("\"></rect><text class=\"v\" x=\"")
          .append(labelW + w + 6)
          .append("\" y=\"")
          .append(y + 17)
          .append("\">")
          .append(esc(bar.text()))
          .append("</text>");
    }
    s.append("</svg></figure>");
    return s.toString();
  }

  /** 本期 / 上期 (环比) / 去年同期 (同比) side by side for the headline counts, grouped bars. */
  static String comparisonChart(Briefing b, Comparison c) {
    RegionalView.Totals cur = RegionalView.Totals.of(b);
    RegionalView.Totals[] sets = {cur, c.previousTotals(), c.yearBeforeTotals()};
    String[] series = {
      "本期 " + b.period().label(), "上期 " + c.previous().label(), "去年同期 " + c.yearBefore().label()
    };
    String[] labels = {"案件（起）", "大要案（起）", "移送公安（起）", "发出线索（条）", "收到线索（条）"};
    List<long[]> values = new ArrayList<>();
    for (RegionalView.Totals t : sets) {
      values.add(
          new long[] {
            t.cases(), t.majorCases(), t.transferredToPolice(), t.leadsSent(), t.leadsReceived()
          });
    }
    long max = 0;
    for (long[] v : values) {
      for (long x : v) {
        max = Math.max(max, x);
      }
    }
    int groupW = 120;
    int plotH = 160;
    int top = 50;
    int width = 40 + groupW * labels.length;
    int height = top + plotH + 40;
    StringBuilder s = new StringBuilder();
    s.append(
            "<figure class=\"chart\" id=\"chart-change\"><svg xmlns=\"http://www.w3.org/2000/svg\"")
        .append(" role=\"img\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"100%\" aria-label=\"环比与同比\"><title>环比与同比</title>")
        .append("<text class=\"t\" x=\"0\" y=\"18\">环比与同比（本节点按所持记录复核，未签名）</text>");
    for (int k = 0; k < series.length; k++) {
      int x = 10 + k * 190;
      s.append("<rect x=\"")
          .append(x)
          .append("\" y=\"28\" width=\"12\" height=\"12\" fill=\"")
          .append(COLOURS[k])
          .append("\"></rect><text class=\"l\" x=\"")
          .append(x + 16)
          .append("\" y=\"39\">")
          .append(esc(series[k]))
          .append("</text>");
    }
    int base = top + plotH;
    s.append("<line x1=\"20\" x2=\"")
        .append(width - 10)
        .append("\" y1=\"")
        .append(base)
        .append("\" y2=\"")
        .append(base)
        .append("\" stroke=\"#444\"></line>");
    for (int g = 0; g < labels.length; g++) {
      int gx = 30 + g * groupW;
      for (int k = 0; k < sets.length; k++) {
        long val = values.get(k)[g];
        long bh = max == 0 ? 0 : Math.round((double) val / max * (plotH - 18));
        int x = gx + k * 30;
        s.append("<rect class=\"bar\" x=\"")
            .append(x)
            .append("\" y=\"")
            .append(base - bh)
            .append("\" width=\"26\" height=\"")
            .append(bh)
            .append("\" fill=\"")
            .append(COLOURS[k])
            .append("\" data-label=\"")
            .append(esc(labels[g] + " " + series[k]))
            .append("\" data-value=\"")
            .append(val)
            .append("\"></rect><text class=\"v\" x=\"")
            .append(x + 13)
            .append("\" y=\"")
            .append(base - bh - 4)
            .append("\" text-anchor=\"middle\">")
            .append(val)
            .append("</text>");
      }
      s.append("<text class=\"l\" x=\"")
          .append(gx + 43)
          .append("\" y=\"")
          .append(base + 18)
          .append("\" text-anchor=\"middle\">")
          .append(esc(labels[g]))
          .append("</text><text class=\"l small\" x=\"")
          .append(gx + 43)
          .append("\" y=\"")
          .append(base + 34)
          .append("\" text-anchor=\"middle\">")
          .append(esc("环比 " + change(values.get(0)[g], values.get(1)[g])))
          .append(esc(" 同比 " + change(values.get(0)[g], values.get(2)[g])))
          .append("</text>");
    }
    s.append("</svg></figure>");
    return s.toString();
  }

  /** Change in percent with one decimal, signed; "—" when the base is zero. */
  static String change(long now, long before) {
    if (before == 0) {
      return now == 0 ? "0.0%" : "—";
    }
    BigDecimal pct =
        BigDecimal.valueOf((now - before) * 100L)
            .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
  }

  /** The tables that are one row of figures (printed as label/value pairs); lists stay lists. */
  private static final Set<String> ONE_ROW =
      Set.of("leads", "transfers", "prices", "networks", "feedback");

  private static void table(StringBuilder h, ReportTables.Table t) {
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
