package io.liaison.node.action;

import io.liaison.api.action.Commitment;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanResult;
import io.liaison.api.action.PlanTarget;
import io.liaison.api.action.PlanView;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * A plan and its results and summary as one printable page (for filing upward, 上报), in Chinese,
 * times in Asia/Shanghai. Every text is HTML-escaped.
 */
public final class PrintPage {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlanTemplates.ZONE);

  private PrintPage() {}

  static String html(PlanView v) {
    StringBuilder b = new StringBuilder();
    PlanContent p = v.plan();
    String title = p == null ? "联合行动 " + v.id() : p.title();
    b.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title><style>body{font-family:serif;max-width:52em;margin:2em auto}")
        .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;")
        .append("padding:.3em;text-align:left}@media print{a{display:none}}</style></head><body>");
    b.append("<h1>").append(esc(title)).append("</h1>");
    b.append("<p>编号：").append(esc(v.id())).append("　状态：").append(v.state());
    b.append("　版本：").append(v.version()).append("</p>");
    b.append("<p>牵头单位：").append(v.leadBureau()).append("　参与单位：");
    b.append(esc(String.join("、", v.participants().stream().map(Object::toString).toList())));
    b.append("</p><p>行动区域：").append(esc(String.join("、", v.area())));
    if (v.window() != null) {
      b.append("　时间：").append(time(v.window().start())).append(" 至 ");
      b.append(time(v.window().end()));
    }
    b.append("</p>");
    if (p != null) {
      b.append("<h2>一、力量部署</h2><table><tr><th>单位</th><th>组数</th><th>人数</th>")
          .append("<th>车辆</th><th>带队领导</th><th>任务</th></tr>");
      for (Commitment c : p.commitments()) {
        b.append("<tr><td>").append(c.bureau()).append("</td><td>").append(c.teams());
        b.append("</td><td>").append(c.officers()).append("</td><td>").append(c.vehicles());
        b.append("</td><td>").append(esc(String.join("、", c.leaders())));
        b.append("</td><td>").append(esc(String.join("；", c.tasks()))).append("</td></tr>");
      }
      b.append("</table><h2>二、检查目标</h2><ul>");
      for (PlanTarget t : p.targets()) {
        b.append("<li>").append(t.kind().label()).append("：").append(esc(t.label()));
        if (t.id() != null) {
          b.append("（").append(esc(t.id())).append("）");
        }
        if (t.address() != null) {
          b.append(" ").append(esc(t.address()));
        }
        b.append("</li>");
      }
      b.append("</ul><h2>三、集结与通信</h2><p>集结地点：").append(esc(nz(p.rallyPoint())));
      if (p.communications() != null) {
        b.append("　通信：").append(esc(nz(p.communications().channel())));
        b.append("　呼号：").append(esc(String.join("、", p.communications().callSigns())));
      }
      b.append("</p><p>协作单位：").append(esc(String.join("、", p.partnerAgencies())));
      b.append("</p><h2>四、应急预案</h2><p>").append(esc(nz(p.contingency()))).append("</p>");
    }
    b.append("<h2>审批</h2><ul>");
    for (PlanView.Approval a : v.approvals()) {
      if (a.current()) {
        b.append("<li>").append(a.bureau()).append(" ").append(esc(a.officer()));
        b.append(" 签批于 ").append(time(a.at())).append("（签名 ");
        b.append(a.hash(), 0, 16).append("…）</li>");
      }
    }
    b.append("</ul>");
    if (!v.results().isEmpty()) {
      b.append("<h2>战果</h2><table><tr><th>单位</th><th>出动人员(人次)</th><th>车辆(辆次)</th>")
          .append("<th>检查场所</th><th>立案</th><th>查获(条)</th><th>案值(元)</th>")
          .append("<th>刑拘</th><th>移送公安</th><th>移送市场监管</th></tr>");
      for (PlanView.BureauResult r : v.results()) {
        row(b, r.bureau().toString(), r.result());
      }
      row(b, "合计", v.total());
      b.append("</table>");
    }
    if (v.summary() != null) {
      b.append("<h2>总结</h2><p>").append(esc(v.summary().text())).append("</p>");
      if (v.summary().lessons() != null) {
        b.append("<h3>经验与不足</h3><p>").append(esc(v.summary().lessons())).append("</p>");
      }
      b.append("<p>图文影视资料：").append(v.summary().media().size()).append(" 件</p>");
    }
    return b.append("</body></html>").toString();
  }

  private static void row(StringBuilder b, String who, PlanResult r) {
    b.append("<tr><td>").append(esc(who)).append("</td><td>").append(r.officerTimes());
    b.append("</td><td>").append(r.vehicleTimes()).append("</td><td>").append(r.premisesChecked());
    b.append("</td><td>")
        .append(r.casesOpened())
        .append("</td><td>")
        .append(r.sticksSeized() / 200);
    b.append("</td><td>")
        .append(r.valueFen() / 100)
        .append("</td><td>")
        .append(r.personsDetained());
    b.append("</td><td>").append(r.personsTransferred()).append("</td><td>");
    b.append(r.casesToMarketRegulation()).append("</td></tr>");
  }

  private static String time(Instant t) {
    return TIME.format(t);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Text escaped for HTML (also the case forms' printed pages). */
  public static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
