package io.liaison.api.forms;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One of the four forms attached to a lead or a case ({@code POST /api/v1/forms}). Which fields are
 * required depends on the kind, as the bureaus' forms have them:
 *
 * <ul>
 *   <li>{@code REGISTRATION} (登记台帐): cause, place, occurredAt, parties, value;
 *   <li>{@code INVESTIGATION} (调查表): place, occurredAt, at least two officers (市场检查时必须两人以上),
 *       parties, findings, measures taken;
 *   <li>{@code HANDLING} (处理表): at least two officers, parties, value, legal basis, measures,
 *       outcome, decidedOn; a transfer names whom to;
 *   <li>{@code FEEDBACK} (反馈表): the bureau told, outcome, findings, decidedOn; a transfer names
 *       whom to.
 * </ul>
 *
 * Every invalid field is named (when read with the strict body reader, all at once).
 *
 * @param kind which form
 * @param subject the lead id or the case pool id ({@code case:<bureau>:<number>}) it belongs to
 * @param officer the officer filling it in (of this bureau)
 * @param cause 案由
 * @param source where the lead or case came from (线索来源), free text
 * @param place 地点
 * @param occurredAt 时间 (of the facts)
 * @param parties 当事人
 * @param goods goods by brand and 条
 * @param valueFen 案值 in fen
 * @param officers 执法人员 (officer ids of this bureau, ≥ 2 for field actions)
 * @param findings 调查/处理情况
 * @param measures 采取的措施 (先行登记保存, 扣押 …)
 * @param legalBasis 法律依据
 * @param outcome 处理结果
 * @param fineFen 罚款 in fen (optional)
 * @param transferTo whom the case went to, for a transfer
 * @param toBureau the bureau a feedback form is for (the lead's origin)
 * @param decidedOn 处理/反馈日期
 */
public record FormDraft(
    FormKind kind,
    String subject,
    String officer,
    String cause,
    String source,
    String place,
    Instant occurredAt,
    List<Party> parties,
    List<FormGoods> goods,
    Long valueFen,
    List<String> officers,
    String findings,
    List<String> measures,
    String legalBasis,
    Outcome outcome,
    Long fineFen,
    String transferTo,
    BureauId toBureau,
    LocalDate decidedOn) {
  public static final int MAX_LIST = 200;

  public FormDraft {
    FieldException.required(kind, "kind");
    subject = FieldException.text(subject, "subject", 200);
    officer = FieldException.text(officer, "officer", 40);
    parties = parties == null ? List.of() : List.copyOf(parties);
    goods = goods == null ? List.of() : List.copyOf(goods);
    officers = officers == null ? List.of() : List.copyOf(officers);
    measures = measures == null ? List.of() : List.copyOf(measures);
    cause = FieldException.optionalText(cause, "cause", 200);
    source = FieldException.optionalText(source, "source", 200);
    place = FieldException.optionalText(place, "place", 200);
    findings = FieldException.optionalText(findings, "findings", 20_000);
    legalBasis = FieldException.optionalText(legalBasis, "legalBasis", 2_000);
    transferTo = FieldException.optionalText(transferTo, "transferTo", 200);
    if (parties.size() > MAX_LIST || goods.size() > MAX_LIST || measures.size() > MAX_LIST) {
      FieldException.invalid("parties", "at most " + MAX_LIST + " parties, goods or measures");
    }
    for (int i = 0; i < measures.size(); i++) {
      String m = measures.get(i);
      if (m == null || m.isBlank() || m.length() > 200) {
        FieldException.invalid("measures/" + i, "must be 1..200 characters");
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < officers.size(); i++) {
      String o = officers.get(i);
      if (o == null || o.isBlank() || o.length() > 40) {
        FieldException.invalid("officers/" + i, "must be an officer id");
      } else if (!seen.add(o.strip())) {
        FieldException.invalid("officers/" + i, "is named twice");
      }
    }
    if (valueFen != null && valueFen < 0) {
      FieldException.invalid("valueFen", "must not be negative");
    }
    if (fineFen != null && fineFen < 0) {
      FieldException.invalid("fineFen", "must not be negative");
    }
    if (kind != null) {
      switch (kind) {
        case REGISTRATION -> {
          need(cause, "cause");
          need(place, "place");
          need(occurredAt, "occurredAt");
          needSome(parties, "parties");
          need(valueFen, "valueFen");
        }
        case INVESTIGATION -> {
          need(place, "place");
          need(occurredAt, "occurredAt");
          twoOfficers(officers);
          needSome(parties, "parties");
          need(findings, "findings");
          needSome(measures, "measures");
        }
        case HANDLING -> {
          twoOfficers(officers);
          needSome(parties, "parties");
          need(valueFen, "valueFen");
          need(legalBasis, "legalBasis");
          needSome(measures, "measures");
          need(outcome, "outcome");
          need(decidedOn, "decidedOn");
        }
        case FEEDBACK -> {
          need(toBureau, "toBureau");
          need(outcome, "outcome");
          need(findings, "findings");
          need(decidedOn, "decidedOn");
        }
      }
      if (outcome != null && outcome.isTransfer() && transferTo == null) {
        FieldException.invalid("transferTo", "names whom the case was transferred to");
      }
    }
  }

  private static void need(Object value, String field) {
    if (value == null) {
      FieldException.invalid(field, "is required on this form");
    }
  }

  private static void needSome(List<?> values, String field) {
    if (values.isEmpty()) {
      FieldException.invalid(field, "names at least one on this form");
    }
  }

  private static void twoOfficers(List<String> officers) {
    if (officers.size() < 2) {
      FieldException.invalid("officers", "at least two officers (市场检查时必须两人以上)");
    }
  }
}
