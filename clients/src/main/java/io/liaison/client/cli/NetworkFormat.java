package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.network.Network;
import io.liaison.api.network.NetworkEntry;
import io.liaison.client.network.NetworkDetail;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Networked cases as text for people: the list, and one network with its members, key entities and
 * links with their evidence in words. Merge proposals use the member table and entity list too.
 */
final class NetworkFormat {
  static final int LABEL = 10;

  private final BureauNames names;

  NetworkFormat(BureauNames names) {
    this.names = names;
  }

  /** The cross-border networks, one line each with the entities that tie it under it. */
  String list(List<NetworkEntry> networks) {
    if (networks.isEmpty()) {
      return "(没有跨局网络案件)\n";
    }
    StringBuilder sb = new StringBuilder("跨局网络案件 共 " + networks.size() + " 个\n");
    row(sb, "编号", "成员", "涉及局", "时间", "案值(元)", "并案建议");
    for (NetworkEntry e : networks) {
      Network n = e.network();
      row(
          sb,
          n.id(),
          Integer.toString(n.members().size()),
          bureaus(n.bureaus()),
          span(n.first(), n.last()),
          SearchFormat.yuan(n.valueFen()),
          e.proposalId() == null ? "-" : e.proposalId());
      if (!n.keyEntities().isEmpty()) {
        sb.append(" ".repeat(22)).append("关键对象: ").append(entities(n.keyEntities(), 3));
        sb.append('\n');
      }
    }
    sb.append("\n详情: liaison network <编号>\n");
    return sb.toString();
  }

  private static void row(StringBuilder sb, String... cells) {
    Text.row(sb, new int[] {20, 4, 30, 24, 12}, cells);
  }

  /** One network: summary, key entities, members, and each link with its evidence. */
  String detail(NetworkDetail d) {
    Network n = d.network();
    StringBuilder sb = new StringBuilder("网络案件 ").append(n.id()).append('\n');
    field(sb, "涉及局", bureaus(n.bureaus()));
    field(sb, "时间", span(n.first(), n.last()));
    field(sb, "成员", n.members().size() + " 条记录，" + n.links() + " 条关联");
    totals(sb, n.sticks(), n.valueFen());
    if (d.proposal() != null) {
      field(sb, "并案建议", d.proposal().id() + "（liaison proposal " + d.proposal().id() + "）");
    }
    keyEntities(sb, "关键对象", n.keyEntities());
    members(sb, n.members());
    if (d.graph() != null && !d.graph().edges().isEmpty()) {
      Map<String, String> label = new HashMap<>();
      d.graph().nodes().forEach(m -> label.put(m.id(), memberName(m)));
      n.members().forEach(m -> label.put(m.id(), memberName(m)));
      sb.append("关联与证据\n");
      for (NetworkDetail.Link l : d.graph().edges()) {
        sb.append("  ").append(label.getOrDefault(l.a(), l.a())).append(" ↔ ");
        sb.append(label.getOrDefault(l.b(), l.b())).append("  可信度 ").append(score(l.score()));
        sb.append('\n');
        for (NetworkDetail.Evidence e : l.evidence()) {
          sb.append("    · ").append(evidence(e)).append('\n');
        }
      }
    }
    return sb.toString();
  }

  /**
   * One piece of evidence in words, e.g. {@code 车牌 同一号码不同写法: 蒙J·3K582 ↔ 蒙ｊ３ｋ５８２ · 3 条记录 · 计入 +7.0}.
   */
  static String evidence(NetworkDetail.Evidence e) {
    StringBuilder sb = new StringBuilder();
    if (e.type() == null) {
      sb.append(Labels.evidence(e.kind()));
      if (e.left() != null) {
        sb.append("（相似度 ").append(e.left()).append('）');
      }
    } else {
      sb.append(Labels.entity(e.type())).append(' ').append(Labels.evidence(e.kind()));
      String left = e.left() != null ? e.left() : e.value();
      if (left != null) {
        sb.append(": ").append(Text.oneLine(left));
        if (e.right() != null && !e.right().equals(left)) {
          sb.append(" ↔ ").append(Text.oneLine(e.right()));
        }
      }
    }
    if (e.records() > 0) {
      sb.append(" · ").append(e.records()).append(" 条记录含此值");
    }
    String band = Labels.frequency(e.frequency());
    if (band != null) {
      sb.append(" · ").append(band);
    }
    sb.append(" · ");
    sb.append(e.counted() ? String.format(Locale.ROOT, "计入 +%.1f", e.weight()) : "不计入");
    return sb.toString();
  }

  /** The lines of the entities that tie records together, under {@code heading}. */
  void keyEntities(StringBuilder sb, String heading, List<Network.KeyEntity> entities) {
    if (entities.isEmpty()) {
      return;
    }
    sb.append(heading).append('\n');
    for (Network.KeyEntity k : entities) {
      sb.append("  ").append(Text.pad(Labels.entity(k.type()), LABEL));
      sb.append(Text.pad(Text.oneLine(k.value()), 24)).append(k.members()).append(" 条记录\n");
    }
  }

  /**
   * The member table: day, bureau, kind, category, value, and the case number or lead id and title.
   */
  void members(StringBuilder sb, List<Network.Member> members) {
    sb.append("成员\n");
    for (Network.Member m : members) {
      sb.append("  ");
      String what =
          m.isCase()
              ? Text.oneLine(m.title() == null ? m.id() : m.title())
              : m.id() + (m.title() == null ? "" : "  " + Text.oneLine(m.title()));
      Text.row(
          sb,
          new int[] {10, 13, 4, 17, 10},
          m.date() == null ? "-" : m.date().toString(),
          names.label(m.bureau()),
          Labels.kind(m.kind()),
          Labels.category(m.category()),
          SearchFormat.yuan(m.valueFen()),
          Text.truncate(what, 80));
    }
  }

  /** Seized sticks and case value over all members, when there are any. */
  static void totals(StringBuilder sb, long sticks, long valueFen) {
    if (sticks > 0) {
      field(sb, "查获", sticks + " 支");
    }
    if (valueFen > 0) {
      field(sb, "案值", SearchFormat.yuan(valueFen) + " 元");
    }
  }

  /** How officers name a record: a case by its number, a lead by its id. */
  private static String memberName(Network.Member m) {
    return m.isCase() && m.title() != null ? Text.oneLine(m.title()) : m.id();
  }

  /** The first {@code max} entities, e.g. {@code 车牌 蒙J3K582（4 条）、电话 13847461285（3 条）}. */
  static String entities(List<Network.KeyEntity> entities, int max) {
    String shown =
        entities.stream()
            .limit(max)
            .map(
                k ->
                    Labels.entity(k.type())
                        + " "
                        + Text.oneLine(k.value())
                        + "（"
                        + k.members()
                        + " 条）")
            .collect(Collectors.joining("、"));
    return entities.size() > max ? shown + " 等 " + entities.size() + " 项" : shown;
  }

  String bureaus(List<BureauId> bureaus) {
    return bureaus.isEmpty()
        ? "-"
        : bureaus.stream().map(names::label).collect(Collectors.joining("、"));
  }

  static String span(LocalDate first, LocalDate last) {
    if (first == null || last == null) {
      return "-";
    }
    return first.equals(last) ? first.toString() : first + " 至 " + last;
  }

  static String score(double s) {
    return String.format(Locale.ROOT, "%.2f", s);
  }

  static void field(StringBuilder sb, String label, String value) {
    sb.append("  ").append(Text.pad(label, LABEL)).append(value).append('\n');
  }
}
