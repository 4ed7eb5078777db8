package io.liaison.node.forms;

import io.liaison.api.forms.FormDraft;
import io.liaison.api.forms.FormGoods;
import io.liaison.api.forms.FormView;
import io.liaison.api.forms.Outcome;
import io.liaison.api.forms.Party;
import io.liaison.node.action.PrintPage;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A form as the bureaus print it: a Chinese page with the form's title, every field labelled, the
 * parties and goods as tables, times in Asia/Shanghai, the signature's key and hash at the foot.
 * Every text is HTML-escaped. The same rows make the XLSX sheet ({@link FormSheet}).
 */
public final class FormPrint {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

  private FormPrint() {}

  /** Labelled fields of a form, in print order (label, value); empty values left out. */
  static List<String[]> fields(FormView v) {
    FormDraft f = v.form();
    List<String[]> rows = new ArrayList<>();
    add(rows, "表单编号", v.id());
    add(rows, "填报单位", v.bureau().code());
    add(rows, "关联线索/案件", f.subject());
    add(rows, "填表人", f.officer());
    add(rows, "填报时间", TIME.format(v.signedAt()));
    add(rows, "案由", f.cause());
    add(rows, "线索来源", f.source());
    add(rows, "地点", f.place());
    add(rows, "时间", f.occurredAt() == null ? null : TIME.format(f.occurredAt()));
    add(rows, "案值（元）", yuan(f.valueFen()));
    add(rows, "执法人员", f.officers().isEmpty() ? null : String.join("、", f.officers()));
    add(rows, "调查/处理情况", f.findings());
    add(rows, "采取措施", f.measures().isEmpty() ? null : String.join("；", f.measures()));
    add(rows, "法律依据", f.legalBasis());
    add(rows, "处理结果", f.outcome() == null ? null : outcome(f.outcome()));
    add(rows, "罚款（元）", yuan(f.fineFen()));
    add(rows, "移送单位", f.transferTo());
    add(rows, "反馈对象", f.toBureau() == null ? null : f.toBureau().code());
    add(rows, "日期", f.decidedOn() == null ? null : f.decidedOn().toString());
    return rows;
  }

  static List<String[]> parties(FormDraft f) {
    List<String[]> rows = new ArrayList<>();
    for (Party p : f.parties()) {
      rows.add(
          new String[] {
            p.name(),
            role(p.role()),
            nz(p.idNumber()),
            nz(p.licence()),
            nz(p.phone()),
            nz(p.address())
          });
    }
    return rows;
  }

  static List<String[]> goods(FormDraft f) {
    List<String[]> rows = new ArrayList<>();
    for (FormGoods g : f.goods()) {
      rows.add(
          new String[] {
            g.brand(), nz(g.spec()), Long.toString(g.cartons()), g.genuine() ? "真品" : "假冒"
          });
    }
    return rows;
  }

  static final String[] PARTY_HEAD = {"姓名/名称", "身份", "身份证号", "许可证号", "电话", "地址"};
  static final String[] GOODS_HEAD = {"品牌", "规格", "数量（条）", "真假"};

  /** The printable page. */
  public static String html(FormView v) {
    FormDraft f = v.form();
    String title = f.kind().title();
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title><style>body{font-family:serif;max-width:52em;margin:2em auto}")
        .append(
            "table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #444;")
        .append("padding:.3em;text-align:left}th{width:9em}</style></head><body>");
    b.append("<h1>").append(esc(title)).append("</h1><table class=\"fields\">");
    for (String[] r : fields(v)) {
      b.append("<tr><th>")
          .append(esc(r[0]))
          .append("</th><td>")
          .append(esc(r[1]))
          .append("</td></tr>");
    }
    b.append("</table>");
    table(b, "当事人", PARTY_HEAD, parties(f));
    table(b, "涉案卷烟", GOODS_HEAD, goods(f));
    b.append("<p class=\"proof\">电子签名：")
        .append(esc(v.keyId()))
        .append("　摘要：")
        .append(esc(v.hash()))
        .append("</p></body></html>");
    return b.toString();
  }

  private static void table(StringBuilder b, String caption, String[] head, List<String[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    b.append("<h2>").append(esc(caption)).append("</h2><table><tr>");
    for (String h : head) {
      b.append("<th>").append(esc(h)).append("</th>");
    }
    b.append("</tr>");
    for (String[] r : rows) {
      b.append("<tr>");
      for (String c : r) {
        b.append("<td>").append(esc(c)).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</table>");
  }

  private static void add(List<String[]> rows, String label, String value) {
    if (value != null && !value.isEmpty()) {
      rows.add(new String[] {label, value});
    }
  }

  static String yuan(Long fen) {
    return fen == null ? null : BigDecimal.valueOf(fen, 2).toPlainString();
  }

  static String outcome(Outcome o) {
    return switch (o) {
      case ADMINISTRATIVE_PENALTY -> "行政处罚";
      case TRANSFERRED_TO_POLICE -> "移送公安";
      case TRANSFERRED_TO_MARKET_REGULATION -> "移送市场监管";
      case TRANSFERRED_TO_BUREAU -> "移交其他专卖局";
      case UNFOUNDED -> "查无实据";
      case IN_PROGRESS -> "仍在办理";
    };
  }

  static String role(Party.PartyRole r) {
    return switch (r) {
      case SUSPECT -> "当事人";
      case RETAILER -> "零售户";
      case DRIVER -> "驾驶人";
      case SENDER -> "寄件人";
      case RECIPIENT -> "收件人";
      case WITNESS -> "证人";
      case OTHER -> "其他";
    };
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String esc(String s) {
    return PrintPage.esc(s);
  }
}
