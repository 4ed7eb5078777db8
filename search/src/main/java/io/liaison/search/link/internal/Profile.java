package io.liaison.search.link.internal;

import io.liaison.api.BureauId;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.Audience;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the link engine keeps of one record: metadata for network summaries, the normalised
 * identifiers, person names, name-with-birth-date keys, address and a text sketch. Stored as bytes
 * in the link index ({@link ProfileCodec}) so that scoring a candidate never re-reads the
 * narrative.
 *
 * @param nameBirths {@code name|yyyyMMdd} of persons written next to their ID number
 * @param address the address in compact form, or null
 * @param places houses in villages written anywhere in the record ({@link Places})
 * @param masked numbers written with most digits left out (138****5678, 尾号5678) that the record
 *     does not also hold in full ({@link Masked})
 * @param sketch the {@link TextSketch} of the narrative
 * @param textKeys the narrative's salient-text keys ({@link TextSketch#keys})
 */
public record Profile(
    String id,
    SearchDocument.Kind kind,
    BureauId bureau,
    LocalDate date,
    String category,
    String title,
    long sticks,
    long valueFen,
    long version,
    Audience audience,
    List<Ident> idents,
    List<String> names,
    List<String> nameBirths,
    String address,
    List<Places.Place> places,
    List<Masked> masked,
    List<String> brands,
    int[] sketch,
    int[] textKeys) {
  public Profile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(audience, "audience");
    idents = List.copyOf(idents);
    names = List.copyOf(names);
    nameBirths = List.copyOf(nameBirths);
    places = List.copyOf(places);
    masked = List.copyOf(masked);
    brands = List.copyOf(brands);
    sketch = sketch.clone();
    textKeys = textKeys.clone();
  }

  /** Whether only named bureaus may read the record. */
  public boolean restricted() {
    return audience.isRestricted();
  }

  /** Keys whose document frequency is counted and that retrieve candidates (no {@code R:}). */
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Ident i : idents) {
      keys.add(i.key());
      if (!i.role().evidence()) {
        keys.add(Keys.CONTEXT + i.key().substring(Keys.IDENT.length()));
      }
    }
    for (String n : names) {
      keys.add(Keys.name(n));
    }
    for (String nb : nameBirths) {
      keys.add(Keys.NAME_BIRTH + nb);
    }
    if (address != null) {
      keys.add(Keys.address(address));
    }
    for (Places.Place place : places) {
      keys.add(Keys.PLACE + place.name());
    }
    for (int h : textKeys) {
      keys.add(Keys.text(h));
    }
    return keys;
  }

  /** Number of salient-text keys of a narrative. */
  public static final int TEXT_KEYS = 8;

  /** Every term the record is indexed under: {@link #keys()} and the reversed long identifiers. */
  public List<String> terms() {
    List<String> terms = new ArrayList<>(keys());
    for (Ident i : idents) {
      if (i.longEnough()) {
        terms.add(Keys.reversed(i.type(), i.value()));
      }
    }
    return terms;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Profile p
        && p.id.equals(id)
        && p.version == version
        && ProfileCodec.encode(p).equals(ProfileCodec.encode(this));
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version);
  }
}
