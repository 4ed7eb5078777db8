package io.liaison.api.lead;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.Instant;
import java.util.List;

/**
 * What an officer submits to post a lead ({@code POST /api/v1/leads}). The origin bureau is the
 * node's own bureau; the officer comes from the request. {@code targetBureaus} empty means all
 * members; a {@code RESTRICTED} lead must name its targets.
 */
public record LeadDraft(
    String officer,
    LeadCategory category,
    String title,
    String narrative,
    List<LeadEntity> entities,
    String location,
    Urgency urgency,
    Instant expiresAt,
    List<BureauId> targetBureaus,
    Distribution distribution,
    List<AttachmentRef> attachments) {
  public static final int MAX_ENTITIES = 200;
  public static final int MAX_ATTACHMENTS = 20;

  /** A draft without attachments. */
  public LeadDraft(
      String officer,
      LeadCategory category,
      String title,
      String narrative,
      List<LeadEntity> entities,
      String location,
      Urgency urgency,
      Instant expiresAt,
      List<BureauId> targetBureaus,
      Distribution distribution) {
    this(
        officer,
        category,
        title,
        narrative,
        entities,
        location,
        urgency,
        expiresAt,
        targetBureaus,
        distribution,
        null);
  }

  public static final int MAX_NARRATIVE = 20_000;

  public LeadDraft {
    officer = FieldException.text(officer, "officer", 64);
    FieldException.required(category, "category");
    title = FieldException.text(title, "title", 200);
    narrative = FieldException.text(narrative, "narrative", MAX_NARRATIVE);
    entities = entities == null ? List.of() : List.copyOf(entities);
    if (entities.size() > MAX_ENTITIES) {
      throw new FieldException("entities", "at most " + MAX_ENTITIES + " entities");
    }
    location = FieldException.optionalText(location, "location", 200);
    urgency = urgency == null ? Urgency.ROUTINE : urgency;
    targetBureaus = targetBureaus == null ? List.of() : List.copyOf(targetBureaus);
    if (targetBureaus.stream().distinct().count() != targetBureaus.size()) {
      throw new FieldException("targetBureaus", "must not repeat a bureau");
    }
    distribution = distribution == null ? Distribution.MEMBERS : distribution;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    if (attachments.size() > MAX_ATTACHMENTS) {
      throw new FieldException("attachments", "at most " + MAX_ATTACHMENTS + " attachments");
    }
    if (distribution == Distribution.RESTRICTED && targetBureaus.isEmpty()) {
      throw new FieldException("targetBureaus", "a RESTRICTED lead must name its target bureaus");
    }
  }
}
