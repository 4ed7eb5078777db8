package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.lead.CoHandler;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadEntity;
import io.liaison.api.lead.LeadPage;
import io.liaison.api.lead.LeadStatus;
import io.liaison.api.lead.LeadView;
import io.liaison.api.lead.TransitionView;
import java.util.List;
import java.util.stream.Collectors;

/** Leads as text for people: a one-line-per-lead table and a detail page, in Chinese. */
final class LeadFormat {
  static final String SEALED = "(密封内容，本局不是收件方)";
  private static final int LABEL = 10;

  private final BureauNames names;

  LeadFormat(BureauNames names) {
    this.names = names;
  }

  /**
   * One page of leads as a table, or {@code empty} when there are none; when more follow, a last
   * line with the command ({@code again} plus {@code --cursor}) that shows the next page.
   */
  String page(LeadPage page, String empty, String again) {
    StringBuilder sb =
        new StringBuilder(page.items().isEmpty() ? empty + "\n" : table(page.items()));
    if (page.next() != null) {
      sb.append("\n下一页: ").append(again).append(" --cursor ").append(page.next()).append('\n');
    }
    return sb.toString();
  }

  /** The table of {@code leads}: a header line, then one line per lead. */
  String table(List<LeadView> leads) {
    StringBuilder sb = new StringBuilder();
    row(sb, "编号", "发布时间", "来源", "状态", "类别", "紧急", "标题");
    for (LeadView v : leads) {
      Lead l = v.lead();
      row(
          sb,
          v.id(),
          Times.show(v.postedAt()),
          names.label(v.originBureau()),
          state(v.status()),
          l == null ? "-" : Labels.category(l.category()),
          l == null ? "-" : Labels.urgency(l.urgency()),
          l == null ? SEALED : Text.oneLine(l.title()));
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String... cells) {
    cells[6] = Text.truncate(cells[6], 48);
    Text.row(sb, new int[] {24, 16, 13, 10, 17, 4}, cells);
  }

  private static String state(LeadStatus s) {
    return s == null || s.state() == null ? "-" : s.state().label();
  }

  /** Everything about one lead, with its signed history and the proof of the post. */
  String detail(LeadView v) {
    StringBuilder sb = new StringBuilder();
    sb.append("线索 ").append(v.id()).append('\n');
    Lead l = v.lead();
    if (l == null) {
      field(sb, "标题", SEALED);
      field(sb, "来源", names.label(v.originBureau()));
      field(sb, "发布时间", Times.show(v.postedAt()));
    } else {
      field(sb, "标题", Text.oneLine(l.title()));
      field(sb, "类别", Labels.category(l.category()));
      field(sb, "紧急程度", Labels.urgency(l.urgency()));
      field(sb, "来源", names.label(l.originBureau()) + " · 联络员 " + l.officer());
      field(sb, "发布时间", Times.show(l.postedAt()));
      field(sb, "发送对象", targets(l.targetBureaus()));
      field(sb, "分发范围", Labels.distribution(l.distribution()));
      field(sb, "地点", l.location() == null ? "-" : l.location());
      field(sb, "有效期至", Times.show(l.expiresAt()));
    }
    status(sb, v.status());
    if (l != null) {
      if (!l.entities().isEmpty()) {
        sb.append("涉及对象\n");
        for (LeadEntity e : l.entities()) {
          sb.append("  ").append(Text.pad(Labels.entity(e.type()), LABEL)).append(e.value());
          sb.append('\n');
        }
      }
      sb.append("线索内容\n");
      l.narrative().lines().forEach(line -> sb.append("  ").append(line).append('\n'));
    }
    if (!v.history().isEmpty()) {
      sb.append("办理记录\n");
      for (TransitionView t : v.history()) {
        sb.append("  ").append(Times.show(t.at())).append("  ");
        sb.append(Text.pad(Labels.transition(t.event()), 10));
        sb.append(names.label(t.bureau())).append(" · ").append(t.officer());
        appendIf(sb, " → ", t.to() == null ? null : names.label(t.to()));
        appendIf(sb, " · 反馈: ", t.feedback());
        appendIf(sb, " · 结果: ", t.outcome() == null ? null : Labels.outcome(t.outcome()));
        appendIf(sb, " · 案号: ", t.caseNumber());
        appendIf(sb, " · 备注: ", t.note());
        sb.append('\n');
      }
    }
    if (v.proof() != null) {
      LeadView.Proof p = v.proof();
      sb.append("签名证明\n");
      sb.append("  ").append(Text.pad("签名局", LABEL)).append(names.label(p.signer())).append('\n');
      sb.append("  ").append(Text.pad("密钥", LABEL)).append(p.keyId()).append('\n');
      sb.append("  ").append(Text.pad("签名时间", LABEL)).append(Times.show(p.signedAt()));
      sb.append('\n');
      sb.append("  ").append(Text.pad("哈希", LABEL)).append(p.hash()).append('\n');
      sb.append("  ").append(Text.pad("校验", LABEL));
      sb.append(p.verified() ? "已通过 ✓" : "未通过 ✗").append('\n');
    }
    return sb.toString();
  }

  private void status(StringBuilder sb, LeadStatus s) {
    if (s == null || s.state() == null) {
      return;
    }
    String owner = s.owner() == null ? "" : " · 承办 " + names.label(s.owner());
    field(sb, "状态", s.state().label() + owner);
    for (CoHandler c : s.cohandlers()) {
      // each co-handler's part on its own lines: its task, its answer, its own feedback
      StringBuilder part = new StringBuilder(names.label(c.bureau()) + " · " + c.state().label());
      appendIf(part, " · 协办事项: ", c.task());
      appendIf(part, " · 拒绝理由: ", c.declineReason());
      field(sb, "协办", part.toString());
      for (LeadStatus.Feedback f : c.feedback()) {
        field(sb, "  协办反馈", names.label(f.bureau()) + " · " + Text.oneLine(f.text()));
      }
    }
    if (s.handoverTo() != null) {
      field(sb, "移交给", names.label(s.handoverTo()));
    }
    if (s.outcome() != null) {
      String number = s.caseNumber() == null ? "" : " " + s.caseNumber();
      field(sb, "办结结果", Labels.outcome(s.outcome()) + number);
    }
  }

  /** One line after a successful post. */
  String posted(LeadView v) {
    String hash = v.proof() == null ? "" : " · 签名哈希 " + v.proof().hash().substring(0, 16) + "…";
    return "已发布线索 " + v.id() + " · " + Times.show(v.postedAt()) + hash + '\n';
  }

  private String targets(List<BureauId> targets) {
    return targets.isEmpty()
        ? "全体成员"
        : targets.stream().map(names::label).collect(Collectors.joining("、"));
  }

  private static void field(StringBuilder sb, String label, String value) {
    sb.append("  ").append(Text.pad(label, LABEL)).append(value).append('\n');
  }

  private static void appendIf(StringBuilder sb, String prefix, String value) {
    if (value != null) {
      sb.append(prefix).append(Text.oneLine(value));
    }
  }
}
