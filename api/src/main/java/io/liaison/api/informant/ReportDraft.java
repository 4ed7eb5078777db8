package io.liaison.api.informant;

import io.liaison.api.FieldException;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/informants/reports}: a lead of this bureau, where it came from,
 * when the report came in, and — for a report or an informant — who (sealed to {@code openers}, the
 * officers the poster chose; each must have a sealing key).
 */
public record ReportDraft(
    String officer,
    String leadId,
    LeadSource source,
    Instant receivedAt,
    Informant informant,
    List<String> openers) {
  public static final int MAX_OPENERS = 20;

  public ReportDraft {
    officer = FieldException.text(officer, "officer", 64);
    leadId = FieldException.text(leadId, "leadId", 64);
    FieldException.required(source, "source");
    openers = openers == null ? List.of() : List.copyOf(openers);
    if (openers.size() > MAX_OPENERS) {
      throw new FieldException("openers", "at most " + MAX_OPENERS + " officers");
    }
    if (openers.stream().distinct().count() != openers.size()) {
      throw new FieldException("openers", "must not repeat an officer");
    }
    if (informant != null && openers.isEmpty()) {
      throw new FieldException(
          "openers", "an informant's identity needs at least one officer to open it");
    }
    if (informant == null && !openers.isEmpty()) {
      throw new FieldException("informant", "openers are named but no informant is given");
    }
    if (informant != null && source != LeadSource.REPORT && source != LeadSource.INFORMANT) {
      throw new FieldException("informant", "only a report (举报) or an informant (线人) has one");
    }
  }

  @Override
  public String toString() {
    return "ReportDraft[leadId=" + leadId + ", source=" + source + "]";
  }
}
