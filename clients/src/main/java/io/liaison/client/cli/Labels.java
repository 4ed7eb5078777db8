package io.liaison.client.cli;

import io.liaison.api.access.Role;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.EntityType;
import io.liaison.api.lead.Distribution;
import io.liaison.api.lead.LeadCategory;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import io.liaison.api.lead.Urgency;
import io.liaison.api.network.ProposalView;
import io.liaison.api.network.Verdict;
import java.util.Collection;
import java.util.stream.Collectors;

/** The Chinese words officers see for the API's codes. */
final class Labels {
  private Labels() {}

  static String category(LeadCategory c) {
    return c == null ? "未知类别" : c.label();
  }

  static String urgency(Urgency u) {
    if (u == null) {
      return "-";
    }
    return switch (u) {
      case ROUTINE -> "一般";
      case PRIORITY -> "加急";
      case URGENT -> "特急";
    };
  }

  /** An entity type's name; a link's evidence without one is the narratives' text (文字). */
  static String entity(EntityType t) {
    if (t == null) {
      return "文字";
    }
    return switch (t) {
      case PERSON -> "人员";
      case ID_NUMBER -> "身份证号";
      case PHONE -> "电话";
      case PLATE -> "车牌";
      case ADDRESS -> "地址";
      case LICENCE -> "许可证号";
      case WAYBILL -> "运单号";
      case ACCOUNT -> "账号";
      case BRAND -> "品牌";
    };
  }

  static String distribution(Distribution d) {
    if (d == null) {
      return "-";
    }
    return switch (d) {
      case MEMBERS -> "全体成员可读";
      case RESTRICTED -> "仅限收件局(密封)";
    };
  }

  /** A feed event type in words; unknown types are shown as they are. */
  static String event(String type) {
    return switch (type) {
      case "lead.posted" -> "新线索";
      case "lead.claimed" -> "线索已认领";
      case "lead.released" -> "线索已退回";
      case "lead.investigating" -> "线索核查中";
      case "lead.handover.offered" -> "线索移交";
      case "lead.handover.accepted" -> "移交已接收";
      case "lead.handover.declined" -> "移交被拒绝";
      case "lead.feedback" -> "线索反馈";
      case "lead.closed" -> "线索办结";
      case "lead.withdrawn" -> "线索撤回";
      case "lead.expired" -> "线索过期";
      case "lead.overdue" -> "线索逾期";
      case "lead.overdue.reminder" -> "线索逾期提醒";
      case "lead.overdue.escalated" -> "线索逾期上报";
      case "lead.cohandling.invited" -> "邀请协办";
      case "lead.cohandling.accepted" -> "协办已接受";
      case "lead.cohandling.declined" -> "协办被拒绝";
      case "form.received" -> "收到反馈表";
      case "lead.conflict" -> "冲突已裁决";
      default -> type;
    };
  }

  static String transition(LeadEvent e) {
    if (e == null) {
      return "?";
    }
    return switch (e) {
      case CLAIM -> "认领";
      case RELEASE -> "退回";
      case INVESTIGATE -> "开始核查";
      case OFFER_HANDOVER -> "移交";
      case ACCEPT_HANDOVER -> "接收移交";
      case DECLINE_HANDOVER -> "拒绝移交";
      case FEEDBACK -> "反馈";
      case CLOSE -> "办结";
      case WITHDRAW -> "撤回";
      case EXPIRE -> "过期";
      case INVITE_COHANDLER -> "邀请协办";
      case ACCEPT_COHANDLING -> "接受协办";
      case DECLINE_COHANDLING -> "拒绝协办";
    };
  }

  static String outcome(Outcome o) {
    if (o == null) {
      return "-";
    }
    return switch (o) {
      case CASE_OPENED -> "立案";
      case UNFOUNDED -> "查无实据";
      case MERGED -> "并案";
      case TRANSFERRED_TO_POLICE -> "移送公安";
    };
  }

  static String role(Role r) {
    if (r == null) {
      return "?";
    }
    return switch (r) {
      case LIAISON -> "联络员";
      case INVESTIGATOR -> "办案员";
      case CHIEF -> "局领导";
      case PRICE_CHECKER -> "价格互查员";
      case ADMIN -> "管理员";
      case AUDITOR -> "审计员";
      case SUPERVISOR -> "上级局（只读）";
    };
  }

  /** Roles in the policy's order, e.g. {@code 联络员、办案员、局领导}. */
  static String roles(Collection<Role> roles) {
    return roles.isEmpty()
        ? "(无)"
        : roles.stream().sorted().map(Labels::role).collect(Collectors.joining("、"));
  }

  static String category(CaseCategory c) {
    return c == null ? "-" : c.label();
  }

  /** A case category by its name (as members of networks carry it); unknown names as they are. */
  static String category(String name) {
    if (name == null) {
      return "-";
    }
    for (CaseCategory c : CaseCategory.values()) {
      if (c.name().equals(name)) {
        return c.label();
      }
    }
    return name;
  }

  static String disposition(Disposition d) {
    return d == null ? "-" : d.label();
  }

  /** {@code CASE} or {@code LEAD}, as search hits and network members carry it. */
  static String kind(String kind) {
    if (kind == null) {
      return "-";
    }
    return switch (kind) {
      case "CASE" -> "案件";
      case "LEAD" -> "线索";
      default -> kind;
    };
  }

  /** How two records match on one piece of evidence; unknown kinds as they are. */
  static String evidence(String kind) {
    if (kind == null) {
      return "?";
    }
    return switch (kind) {
      case "IDENTICAL" -> "完全相同";
      case "NORMALISED_EQUAL" -> "同一号码不同写法";
      case "ONE_OFF" -> "相差一位（疑为笔误）";
      case "MASKED_MATCH" -> "部分号码吻合（掩码或尾号）";
      case "SAME_NAME" -> "同名";
      case "SAME_HOLDER" -> "号码持有人同姓";
      case "NAME_VARIANT" -> "姓名相近";
      case "SAME_NAME_AND_BIRTH" -> "同名且出生日期相同";
      case "SAME_ADDRESS" -> "同一地址";
      case "NEAR_DUPLICATE_TEXT" -> "案情文字几乎相同";
      case "SIMILAR_TEXT" -> "案情文字相似";
      case "SHARED_BRAND" -> "查获同一品牌";
      default -> kind;
    };
  }

  /** How common a value is; null for a specific one (nothing to say). */
  static String frequency(String band) {
    if (band == null) {
      return null;
    }
    return switch (band) {
      case "SPECIFIC" -> null;
      case "COMMON" -> "较常见";
      case "OVER_COMMON" -> "过于常见";
      default -> band;
    };
  }

  static String verdict(Verdict v) {
    if (v == null) {
      return "?";
    }
    return switch (v) {
      case ACCEPT -> "同意并案";
      case DECLINE -> "不同意并案";
    };
  }

  static String proposalState(ProposalView.State s) {
    if (s == null) {
      return "?";
    }
    return switch (s) {
      case OPEN -> "待决定";
      case ACCEPTED -> "已并案";
      case DECLINED -> "未并案";
    };
  }
}
