package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.ProposalView;
import io.liaison.api.network.RestrictedHit;
import java.util.ArrayList;
import java.util.List;

/** Merge proposals (并案建议), their decisions, and hits on restricted leads as text for people. */
final class ProposalFormat {
  private final BureauNames names;
  private final NetworkFormat networks;

  ProposalFormat(BureauNames names) {
    this.names = names;
    this.networks = new NetworkFormat(names);
  }

  /** The proposals, one line each. */
  String list(List<ProposalView> proposals) {
    if (proposals.isEmpty()) {
      return "(没有并案建议)\n";
    }
    StringBuilder sb = new StringBuilder("并案建议 共 " + proposals.size() + " 条\n");
    row(sb, "编号", "状态", "涉及局", "建议主办", "成员", "可信度", "待决定");
    for (ProposalView v : proposals) {
      MergeProposal p = v.proposal();
      row(
          sb,
          v.id(),
          state(v.status()),
          networks.bureaus(v.bureaus()),
          p == null ? "-" : names.label(p.suggestedLead()),
          p == null ? "-" : Integer.toString(p.members().size()),
          p == null ? "-" : NetworkFormat.score(p.score()),
          open(v) ? networks.bureaus(v.status().awaiting()) : "-");
    }
    sb.append("\n详情: liaison proposal <编号>；决定: liaison decide <编号> accept|decline\n");
    return sb.toString();
  }

  private static void row(StringBuilder sb, String... cells) {
    Text.row(sb, new int[] {35, 6, 30, 13, 4, 6}, cells);
  }

  /** Whether bureaus still have to decide (an accepted or declined proposal waits for no one). */
  private static boolean open(ProposalView v) {
    return v.status() != null && v.status().state() == ProposalView.State.OPEN;
  }

  /** One proposal: where it stands, what it joins and why, and each bureau's decision. */
  String detail(ProposalView v) {
    StringBuilder sb = new StringBuilder("并案建议 ").append(v.id()).append('\n');
    NetworkFormat.field(sb, "状态", status(v.status()));
    MergeProposal p = v.proposal();
    if (p == null) {
      NetworkFormat.field(sb, "涉及局", networks.bureaus(v.bureaus()));
      sb.append("  (本节点已不再提出这条建议：成员有变化；以下仅为各局已作的决定)\n");
    } else {
      NetworkFormat.field(sb, "网络案件", p.networkId());
      NetworkFormat.field(sb, "涉及局", networks.bureaus(p.bureaus()));
      NetworkFormat.field(sb, "建议主办", names.label(p.suggestedLead()));
      NetworkFormat.field(sb, "可信度", NetworkFormat.score(p.score()) + "（最弱的一条关联）");
      NetworkFormat.field(sb, "时间", NetworkFormat.span(p.first(), p.last()));
      NetworkFormat.totals(sb, p.sticks(), p.valueFen());
      networks.keyEntities(sb, "证据（关键对象）", p.evidence());
      networks.members(sb, p.members());
    }
    sb.append("各局决定\n");
    if (v.decisions().isEmpty()) {
      sb.append("  (尚无)\n");
    }
    for (ProposalView.Decision d : v.decisions()) {
      sb.append("  ").append(Times.show(d.signedAt())).append("  ");
      sb.append(Text.pad(names.label(d.bureau()), 15));
      sb.append(Text.pad(Labels.verdict(d.decision()), 12)).append(d.officer());
      if (d.leadBureau() != null) {
        sb.append(" · 主办 ").append(names.label(d.leadBureau()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Where a proposal stands, e.g. {@code 待决定 · 已同意 150924 兴和县 · 待决定 140222 天镇县}. */
  String status(ProposalView.Status s) {
    if (s == null) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    parts.add(state(s));
    if (s.state() == ProposalView.State.ACCEPTED) {
      parts.add("主办 " + names.label(s.leadBureau()));
      if (!s.coHandling().isEmpty()) {
        parts.add("协办 " + networks.bureaus(s.coHandling()));
      }
      return String.join(" · ", parts);
    }
    addIf(parts, "已同意 ", s.accepted());
    addIf(parts, "不同意 ", s.declined());
    addIf(parts, "待决定 ", s.awaiting());
    return String.join(" · ", parts);
  }

  private void addIf(List<String> parts, String label, List<BureauId> bureaus) {
    if (!bureaus.isEmpty()) {
      parts.add(label + networks.bureaus(bureaus));
    }
  }

  private static String state(ProposalView.Status s) {
    return s == null ? "-" : Labels.proposalState(s.state());
  }

  /** The hits on restricted leads that concern this bureau, two lines each. */
  String hits(List<RestrictedHit> hits) {
    if (hits.isEmpty()) {
      return "(没有涉及本局限阅线索的关联)\n";
    }
    StringBuilder sb = new StringBuilder("限阅线索关联 共 " + hits.size() + " 条（只有关联和联系人，不含内容）\n");
    for (RestrictedHit h : hits) {
      sb.append(Times.show(h.foundAt())).append("  ");
      sb.append(names.label(h.recordBureau())).append(" 的 ").append(h.recordId());
      sb.append(" 关联到 ").append(names.label(h.owner())).append(" 的限阅线索 ");
      sb.append(h.sealedRecordId()).append('\n');
      sb.append(" ".repeat(18)).append("联系: ").append(Text.oneLine(h.contact()));
      sb.append(" · 发现: ").append(names.label(h.foundBy())).append('\n');
    }
    return sb.toString();
  }
}
