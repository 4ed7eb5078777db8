package io.liaison.api.lead;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A posted lead as it is signed and shared: the draft plus its identity, origin and time. This is
 * the payload of the origin bureau's signed envelope.
 */
public record Lead(
    String id,
    BureauId originBureau,
    String officer,
    Instant postedAt,
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

  /** A lead without attachments. */
  public Lead(
      String id,
      BureauId originBureau,
      String officer,
      Instant postedAt,
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
        id,
        originBureau,
        officer,
        postedAt,
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

  public Lead {
    id = FieldException.text(id, "id", 64);
    Objects.requireNonNull(originBureau, "originBureau");
    Objects.requireNonNull(postedAt, "postedAt");
    entities = entities == null ? List.of() : List.copyOf(entities);
    targetBureaus = targetBureaus == null ? List.of() : List.copyOf(targetBureaus);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public static Lead from(String id, BureauId origin, Instant postedAt, LeadDraft d) {
    return new Lead(
        id,
        origin,
        d.officer(),
        postedAt,
        d.category(),
        d.title(),
        d.narrative(),
        d.entities(),
        d.location(),
        d.urgency(),
        d.expiresAt(),
        d.targetBureaus(),
        d.distribution(),
        d.attachments());
  }

  /** Whether {@code bureau} is addressed by this lead (all members when no targets are named). */
  public boolean addresses(BureauId bureau) {
    return targetBureaus.isEmpty() || targetBureaus.contains(bureau);
  }
}
