package io.liaison.node.report;

import io.liaison.api.report.Briefing;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.RegionalView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The printable page's bar charts, drawn as inline SVG on the server (no script, no network, prints
 * as drawn): cases and case value by kind, and 本期/上期/去年同期 with 环比/同比 in percent.
 */
final class ReportCharts {
  private static final String[] COLOURS = {"#1f5fa8", "#8aa9d1", "#c9a227"};

  /** One bar of a chart: its label, value and the text written beside it. */
  record Bar(String label, double value, String text) {}

  private ReportCharts() {}

  static List<Bar> categoryBars(
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
        .append(ReportPage.esc(title))
        .append("\"><title>")
        .append(ReportPage.esc(title))
        .append("</title><text class=\"t\" x=\"0\" y=\"18\">")
        .append(ReportPage.esc(title))
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
          .append(ReportPage.esc(bar.label()))
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
          .append(ReportPage.esc(bar.label()))
          .append("\" data-value=\"")
          .append(ReportPage.esc(bar.text()))
          .append("\"></rect><text class=\"v\" x=\"")
          .append(labelW + w + 6)
          .append("\" y=\"")
          .append(y + 17)
          .append("\">")
          .append(ReportPage.esc(bar.text()))
          .append("</text>");
    }
    s.append("</svg></figure>");
    return s.toString();
  }

  /** 本期 / 上期 (环比) / 去年同期 (同比) side by side for the headline counts, grouped bars. */
  static String comparisonChart(Briefing b, ReportPage.Comparison c) {
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
          .append(ReportPage.esc(series[k]))
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
            .append(ReportPage.esc(labels[g] + " " + series[k]))
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
          .append(ReportPage.esc(labels[g]))
          .append("</text><text class=\"l small\" x=\"")
          .append(gx + 43)
          .append("\" y=\"")
          .append(base + 34)
          .append("\" text-anchor=\"middle\">")
          .append(ReportPage.esc("环比 " + change(values.get(0)[g], values.get(1)[g])))
          .append(ReportPage.esc(" 同比 " + change(values.get(0)[g], values.get(2)[g])))
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
}
