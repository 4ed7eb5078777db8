package io.liaison.node.action;

import io.liaison.api.BureauId;
import io.liaison.api.action.Checklist;
import io.liaison.api.action.Commitment;
import io.liaison.api.action.Communications;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanTarget;
import io.liaison.api.action.TargetKind;
import io.liaison.api.action.TimeWindow;
import io.liaison.api.cases.EntityType;
import io.liaison.api.network.Network;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Fast planning: a template of each kind, a plan prefilled from a detected network (its bureaus,
 * its key entities as targets, its records as evidence), a clone of a past plan, and the checklist
 * of what a plan lacks before it can be proposed.
 */
public final class PlanTemplates {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private PlanTemplates() {}

  /** The standard text of a contingency plan (应急预案), by kind. */
  static String contingency(PlanKind kind) {
    return switch (kind) {
      case CHECKPOINT -> "遇车辆强行冲卡、暴力抗法时立即停止拦截，记录车牌及去向，通报沿线查堵点并报告公安机关；人员受伤立即送医。";
      case NETWORK_CASE -> "目标人员转移或销毁证据时，就地控制现场、固定证据并报告领导小组；涉嫌犯罪的即时移送公安机关。";
      case MARKET_INSPECTION, CLEAN_UP -> "遇群体性围堵、暴力抗法时，执法人员保持克制，及时撤离并报告公安机关；检查至少两人一组，全程执法记录仪记录。";
    };
  }

  /** A template of {@code kind} led by {@code lead}: a two-officer team, a week from tomorrow. */
  public static PlanContent template(PlanKind kind, BureauId lead, Instant now) {
    Instant start =
        LocalDate.ofInstant(now, ZONE).plusDays(1).atTime(8, 0).atZone(ZONE).toInstant();
    return new PlanContent(
        kind.label() + "行动方案",
        kind,
        lead,
        List.of(new Commitment(lead, 1, 2, 1, List.of(), List.of())),
        kind == PlanKind.NETWORK_CASE ? List.of("公安机关") : List.of("市场监管部门"),
        List.of(),
        List.of(),
        null,
        new TimeWindow(start, start.plus(Duration.ofDays(7))),
        new Communications("对讲机一频道", List.of()),
        contingency(kind),
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * A network-case plan led by {@code lead} against a detected network: every bureau of the network
   * (plus {@code extra}) takes part, its key entities are the targets, its records the evidence.
   */
  public static PlanContent fromNetwork(
      Network n, BureauId lead, List<BureauId> extra, Instant now) {
    PlanContent t = template(PlanKind.NETWORK_CASE, lead, now);
    LinkedHashSet<BureauId> bureaus = new LinkedHashSet<>();
    bureaus.add(lead);
    bureaus.addAll(n.bureaus());
    bureaus.addAll(extra);
    List<Commitment> commitments = new ArrayList<>();
    bureaus.forEach(b -> commitments.add(new Commitment(b, 1, 2, 1, List.of(), List.of())));
    List<PlanTarget> targets = new ArrayList<>();
    for (Network.KeyEntity k : n.keyEntities()) {
      targetOf(k).ifPresent(targets::add);
    }
    List<String> leads = new ArrayList<>();
    List<String> cases = new ArrayList<>();
    for (Network.Member m : n.members()) {
      (m.isCase() ? cases : leads).add(m.id());
    }
    return new PlanContent(
        "网络案件联合行动（" + n.id() + "）",
        PlanKind.NETWORK_CASE,
        lead,
        commitments,
        t.partnerAgencies(),
        targets,
        List.of(),
        null,
        t.window(),
        t.communications(),
        t.contingency(),
        leads,
        cases,
        List.of(n.id()));
  }

  private static Optional<PlanTarget> targetOf(Network.KeyEntity k) {
    if (k.type() == null) {
      return Optional.empty();
    }
    String v = k.value();
    PlanTarget t =
        switch (k.type()) {
          case PLATE -> new PlanTarget(TargetKind.VEHICLE, "车辆 " + v, EntityType.PLATE, v, null);
          case PHONE -> new PlanTarget(TargetKind.PERSON, "机主 " + v, EntityType.PHONE, v, null);
          case ID_NUMBER ->
              new PlanTarget(TargetKind.PERSON, "人员 " + v, EntityType.ID_NUMBER, v, null);
          case PERSON -> new PlanTarget(TargetKind.PERSON, v, EntityType.PERSON, v, null);
          case LICENCE ->
              new PlanTarget(TargetKind.RETAILER, "零售户 " + v, EntityType.LICENCE, v, null);
          case WAYBILL ->
              new PlanTarget(TargetKind.COURIER_POINT, "运单 " + v, EntityType.WAYBILL, v, null);
          case ACCOUNT -> new PlanTarget(TargetKind.PERSON, "账户 " + v, EntityType.ACCOUNT, v, null);
          case ADDRESS -> new PlanTarget(TargetKind.PREMISES, v, null, null, v);
          case BRAND -> null;
        };
    return Optional.ofNullable(t);
  }

  /** A copy of a past plan for a new operation: same plan, window moved to start tomorrow. */
  public static PlanContent cloneOf(PlanContent past, BureauId lead, Instant now) {
    TimeWindow w = past.window();
    TimeWindow moved = template(past.kind(), lead, now).window();
    if (w != null) {
      Instant start = moved.start();
      moved = new TimeWindow(start, start.plus(Duration.between(w.start(), w.end())));
    }
    return new PlanContent(
        past.title() + "（复制）",
        past.kind(),
        lead,
        past.commitments(),
        past.partnerAgencies(),
        past.targets(),
        past.area(),
        past.rallyPoint(),
        moved,
        past.communications(),
        past.contingency(),
        past.linkedLeads(),
        past.linkedCases(),
        past.linkedNetworks());
  }

  /** What the plan lacks before it can be proposed. */
  public static Checklist checklist(PlanContent p) {
    List<Checklist.Item> out = new ArrayList<>();
    if (p.commitments().size() < 2) {
      out.add(item("participants", "/commitments", "联合行动至少需要两个参与单位"));
    }
    for (int i = 0; i < p.commitments().size(); i++) {
      Commitment c = p.commitments().get(i);
      if (c.teams() < 1 || c.officers() < 2) {
        out.add(item("team", "/commitments/" + i, c.bureau() + " 至少出一组（每组不少于两人）"));
      }
      if (c.leaders().isEmpty()) {
        out.add(item("leader", "/commitments/" + i + "/leaders", c.bureau() + " 未明确带队领导"));
      }
      if (c.tasks().isEmpty()) {
        out.add(item("tasks", "/commitments/" + i + "/tasks", c.bureau() + " 未分配任务"));
      }
    }
    if (p.targets().isEmpty()) {
      out.add(item("targets", "/targets", "未列出检查目标"));
    }
    if (p.area().isEmpty()) {
      out.add(item("area", "/area", "未划定行动区域"));
    }
    if (p.rallyPoint() == null) {
      out.add(item("rallyPoint", "/rallyPoint", "未确定集结地点"));
    }
    if (p.window() == null) {
      out.add(item("window", "/window", "未确定行动时间"));
    }
    if (p.communications() == null || p.communications().channel() == null) {
      out.add(item("communications", "/communications", "未确定通信方式"));
    }
    if (p.contingency() == null) {
      out.add(item("contingency", "/contingency", "未制定应急预案"));
    }
    return new Checklist(out.isEmpty(), out);
  }

  private static Checklist.Item item(String code, String field, String message) {
    return new Checklist.Item(code, field, message);
  }
}
