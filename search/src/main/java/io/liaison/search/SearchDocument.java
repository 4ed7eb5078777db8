package io.liaison.search;

import io.liaison.api.BureauId;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the node gives the index for one lead or case: the searchable content and the routing
 * metadata. Built by the node from a verified record ({@link #ofCase} for cases); entities are as
 * written, the index normalises them and also extracts identifiers from title, narrative and
 * address.
 *
 * <p>Sealed content the node cannot read is never given to the index: a document with {@code
 * readable == false} carries metadata only (id, kind, bureau, date, version) and the constructor
 * refuses content. It is indexed so that the id and version are known, but no query but an id
 * lookup finds it. When the node later can read the record it upserts the readable document with
 * the same version, which replaces the sealed one.
 *
 * @param id unique id of the record in the pool (for cases see {@link #caseId})
 * @param kind lead or case
 * @param bureau the owning (origin) bureau
 * @param category category, or null when unknown or sealed
 * @param date the day the record is about (case found, lead posted), Asia/Shanghai
 * @param valueFen case value in fen, 0 when none
 * @param sticks seized quantity in sticks, 0 when none
 * @param disposition case disposition, null for leads
 * @param brands brand names (e.g. 中华), deduplicated
 * @param title short title, or null
 * @param narrative Chinese narrative, or null
 * @param address address as written, or null
 * @param entities entities as written
 * @param readable false for sealed content this node cannot read
 * @param version version of the record; higher replaces lower
 */
public record SearchDocument(
    String id,
    Kind kind,
    BureauId bureau,
    CaseCategory category,
    LocalDate date,
    long valueFen,
    long sticks,
    Disposition disposition,
    List<String> brands,
    String title,
    String narrative,
    String address,
    List<Entity> entities,
    boolean readable,
    long version) {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final int MAX_ID = 200;

  /** What kind of record a document is. */
  public enum Kind {
    LEAD,
    CASE
  }

  public SearchDocument {
    Objects.requireNonNull(id, "id");
    if (id.isBlank() || id.length() > MAX_ID) {
      throw new IllegalArgumentException("id must be 1.." + MAX_ID + " characters");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(date, "date");
    if (valueFen < 0 || sticks < 0) {
      throw new IllegalArgumentException("value and sticks must not be negative");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    brands = brands == null ? List.of() : List.copyOf(new LinkedHashSet<>(brands));
    entities = entities == null ? List.of() : List.copyOf(entities);
    if (!readable
        && (category != null
            || valueFen != 0
            || sticks != 0
            || disposition != null
            || !brands.isEmpty()
            || title != null
            || narrative != null
            || address != null
            || !entities.isEmpty())) {
      throw new IllegalArgumentException("a sealed document carries no content");
    }
  }

  /** The metadata-only document of a sealed record this node cannot read. */
  public static SearchDocument sealed(
      String id, Kind kind, BureauId bureau, LocalDate date, long version) {
    return new SearchDocument(
        id, kind, bureau, null, date, 0, 0, null, null, null, null, null, null, false, version);
  }

  /** The pool id of a case: {@code case:<bureau>:<case number>}. */
  public static String caseId(BureauId bureau, CaseNumber number) {
    return "case:" + bureau.code() + ":" + number.value();
  }

  /** The Asia/Shanghai calendar day of an instant (for a lead's posting time). */
  public static LocalDate day(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /** This document with another version (the same content). */
  public SearchDocument withVersion(long v) {
    return new SearchDocument(
        id,
        kind,
        bureau,
        category,
        date,
        valueFen,
        sticks,
        disposition,
        brands,
        title,
        narrative,
        address,
        entities,
        readable,
        v);
  }

  /** The document of a readable case; the title is the case number. */
  public static SearchDocument ofCase(CaseRecord c) {
    List<String> brands = new ArrayList<>();
    c.items().stream().map(BrandItem::brand).forEach(brands::add);
    c.entities().stream()
        .filter(e -> e.type() == EntityType.BRAND)
        .map(Entity::value)
        .forEach(brands::add);
    return new SearchDocument(
        caseId(c.bureau(), c.caseNumber()),
        Kind.CASE,
        c.bureau(),
        c.category(),
        c.foundOn(),
        c.valueFen(),
        c.totalSticks(),
        c.disposition(),
        brands,
        c.caseNumber().value(),
        c.narrative(),
        c.location().address(),
        c.entities(),
        true,
        c.version());
  }
}
