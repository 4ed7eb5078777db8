package io.liaison.node.area;

import io.liaison.api.area.AreaModel;
import io.liaison.api.area.TouchEvidence;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.search.SearchDocument;
import io.liaison.search.ident.EntityExtractor;
import io.liaison.search.ident.ExtractedEntity;
import io.liaison.search.ident.Identifier;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which values of an area a shared record names, and where: place names anywhere in the title,
 * narrative, address or an entity; plates, licence numbers and ID numbers of the area among the
 * record's entities and among those written in its text (found by {@link EntityExtractor}, in
 * canonical form). Pure and thread-safe; a record of the area's own bureau is not matched.
 */
public final class AreaMatcher {
  private AreaMatcher() {}

  /** Every piece of evidence that {@code doc} touches {@code area}; empty when none. */
  public static List<TouchEvidence> match(AreaModel area, SearchDocument doc) {
    if (!doc.readable() || doc.bureau().equals(area.bureau())) {
      return List.of();
    }
    LinkedHashSet<TouchEvidence> out = new LinkedHashSet<>();
    text(area, doc.title(), "title", out);
    text(area, doc.narrative(), "narrative", out);
    text(area, doc.address(), "address", out);
    List<Entity> entities = doc.entities();
    for (int i = 0; i < entities.size(); i++) {
      Entity e = entities.get(i);
      String where = "entities/" + i;
      places(area, e.value(), where, out);
      Optional<IdentifierType> type = IdentifierType.of(e.type());
      if (type.isPresent()) {
        Identifiers.normalise(type.get(), e.value())
            .ifPresent(id -> identifier(area, id.type(), id.value(), where, out));
      } else if (e.type() == EntityType.ADDRESS) {
        text(area, e.value(), where, out);
      }
    }
    return List.copyOf(out);
  }

  private static void text(
      AreaModel area, String text, String where, LinkedHashSet<TouchEvidence> out) {
    if (text == null || text.isEmpty()) {
      return;
    }
    places(area, text, where, out);
    for (ExtractedEntity x : EntityExtractor.extract(text)) {
      Identifier id = x.identifier();
      identifier(area, id.type(), id.value(), where, out);
    }
  }

  private static void places(
      AreaModel area, String text, String where, LinkedHashSet<TouchEvidence> out) {
    if (text == null) {
      return;
    }
    for (String p : area.places()) {
      if (text.contains(p)) {
        out.add(new TouchEvidence(TouchEvidence.Kind.PLACE, p, p, where));
      }
    }
  }

  private static void identifier(
      AreaModel area,
      IdentifierType type,
      String value,
      String where,
      LinkedHashSet<TouchEvidence> out) {
    List<String> prefixes;
    TouchEvidence.Kind kind;
    switch (type) {
      case PLATE -> {
        prefixes = area.platePrefixes();
        kind = TouchEvidence.Kind.PLATE;
      }
      case LICENCE -> {
        prefixes = area.licenceRegions();
        kind = TouchEvidence.Kind.LICENCE;
      }
      case ID_NUMBER -> {
        prefixes = area.idRegions();
        kind = TouchEvidence.Kind.ID_NUMBER;
      }
      default -> {
        return;
      }
    }
    List<String> hits = new ArrayList<>();
    for (String p : prefixes) {
      if (value.toUpperCase(Locale.ROOT).startsWith(p)) {
        hits.add(p);
      }
    }
    for (String p : hits) {
      out.add(new TouchEvidence(kind, p, value, where));
    }
  }
}
