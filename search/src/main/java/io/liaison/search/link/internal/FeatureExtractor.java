package io.liaison.search.link.internal;

import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.search.SearchDocument;
import io.liaison.search.ident.EntityExtractor;
import io.liaison.search.ident.ExtractedEntity;
import io.liaison.search.ident.Fold;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.Identifiers;
import io.liaison.search.ident.Roles;
import io.liaison.search.ident.ValueRole;
import io.liaison.search.link.Audience;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a readable {@link SearchDocument} into the {@link Profile} the engine links on. */
public final class FeatureExtractor {
  private static final int MAX_IDENTS = 64;
  private static final int MAX_NAMES = 32;

  /** How far after a name its ID number may be written and still be taken as that person's. */
  private static final int NAME_ID_DISTANCE = 40;

  private static final String CLAUSE_END = "。;；\n";

  private FeatureExtractor() {}

  public static Profile extract(SearchDocument d, Audience audience) {
    if (!d.readable()) {
      throw new IllegalArgumentException("a sealed document has no content to link: " + d.id());
    }
    // whose each value is, from the words around it where it is written (执法证号 → an officer's)
    Map<String, ValueRole> roleOf = new HashMap<>();
    List<ExtractedEntity> inNarrative = EntityExtractor.extract(d.narrative());
    List<String> listed = new ArrayList<>();
    for (Entity e : d.entities()) {
      if (e.type() == EntityType.PERSON) {
        String n = Names.normalise(e.value());
        if (n != null && !listed.contains(n)) {
          listed.add(n);
        }
      }
    }
    List<Names.Found> written = Names.find(d.narrative(), listed);
    // who each value is written with (当事人高某某（电话…）): a near miss is evidence only with its holder
    List<Holders.Token> persons = Holders.tokens(d.narrative(), written);
    Map<String, String> holderOf = new HashMap<>();
    Map<String, Ident> found = new LinkedHashMap<>();
    for (String text : new String[] {d.title(), d.address(), d.narrative()}) {
      List<ExtractedEntity> xs =
          text == d.narrative() ? inNarrative : EntityExtractor.extract(text);
      for (ExtractedEntity x : xs) {
        ValueRole role = Roles.at(text, x.start(), x.end(), x.type() == IdentifierType.PLATE);
        roleOf.merge(x.identifier().term(), role, FeatureExtractor::stronger);
        if (text == d.narrative()) {
          String h = Holders.at(text, persons, x.start());
          if (h != null) {
            holderOf.putIfAbsent(x.identifier().term(), h);
          }
        }
        found.putIfAbsent(
            x.identifier().term(),
            new Ident(x.type(), x.normalised(), x.valid(), x.raw().strip(), role));
      }
    }
    boolean hired = Roles.mentionsHired(d.narrative());
    Map<String, Ident> idents = new LinkedHashMap<>();
    for (Entity e : d.entities()) {
      IdentifierType.of(e.type())
          .flatMap(t -> Identifiers.normalise(t, e.value()))
          .ifPresent(
              id -> {
                ValueRole role = ValueRole.ofRoleText(e.role());
                role = stronger(role, roleOf.getOrDefault(id.term(), ValueRole.PARTY));
                if ((role == ValueRole.PARTY || role == ValueRole.SUPPLIER)
                    && hired
                    && id.type() == IdentifierType.PLATE) {
                  role = ValueRole.HIRED; // the plate of a case about a hired van or a taxi
                }
                String h = Holders.ofListed(e, d.entities());
                if (h != null) {
                  holderOf.putIfAbsent(id.term(), h);
                }
                idents.putIfAbsent(
                    id.term(),
                    new Ident(id.type(), id.value(), id.valid(), e.value().strip(), role));
              });
    }
    for (Map.Entry<String, Ident> x : found.entrySet()) {
      Ident i = x.getValue();
      idents.putIfAbsent(
          x.getKey(), new Ident(i.type(), i.value(), i.valid(), i.raw(), roleOf.get(x.getKey())));
    }
    idents.replaceAll((term, i) -> i.withHolder(holderOf.get(term)));
    // an officer's or an outlet's value is kept to be shown and counted (Keys.CONTEXT), never as
    // evidence
    Set<String> names = new LinkedHashSet<>(listed);
    written.forEach(f -> names.add(f.name()));
    List<Ident> identList = idents.values().stream().limit(MAX_IDENTS).toList();
    int[] sketch = TextSketch.of(d.narrative());
    return new Profile(
        d.id(),
        d.kind(),
        d.bureau(),
        d.date(),
        d.category() == null ? null : d.category().name(),
        d.title(),
        d.sticks(),
        d.valueFen(),
        d.version(),
        audience,
        identList,
        names.stream().limit(MAX_NAMES).toList(),
        nameBirths(listed, identList, d.narrative(), written, inNarrative),
        address(d.address()),
        Places.of(placeTexts(d)),
        masked(d, persons, identList),
        d.brands(),
        sketch,
        TextSketch.keys(d.narrative(), sketch, Profile.TEXT_KEYS));
  }

  /**
   * Persons tied to an ID number: the only listed person of a record with only one ID number, and
   * in the narrative each ID number written shortly after a name in the same clause (驾驶员王伟, 身份证号…).
   */
  private static List<String> nameBirths(
      List<String> listed,
      List<Ident> idents,
      String narrative,
      List<Names.Found> written,
      List<ExtractedEntity> inNarrative) {
    Set<String> out = new LinkedHashSet<>();
    List<Ident> ids = idents.stream().filter(i -> i.type() == IdentifierType.ID_NUMBER).toList();
    if (listed.size() == 1 && ids.size() == 1) {
      add(out, listed.get(0), ids.get(0).value());
    }
    for (ExtractedEntity x : inNarrative) {
      if (x.type() != IdentifierType.ID_NUMBER) {
        continue;
      }
      Names.Found owner = null;
      for (Names.Found f : written) {
        if (f.start() < x.start() && x.start() - f.start() <= NAME_ID_DISTANCE) {
          owner = f;
        }
      }
      if (owner != null && !crossesClause(narrative, owner.start(), x.start())) {
        add(out, owner.name(), x.normalised());
      }
    }
    return List.copyOf(out);
  }

  private static void add(Set<String> out, String name, String idNumber) {
    String birth = idNumber.substring(6, 14);
    int month = Integer.parseInt(birth.substring(4, 6));
    int day = Integer.parseInt(birth.substring(6, 8));
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      out.add(name + "|" + birth);
    }
  }

  private static boolean crossesClause(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (CLAUSE_END.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static List<Places.Text> placeTexts(SearchDocument d) {
    List<Places.Text> texts = new ArrayList<>();
    texts.add(new Places.Text(d.narrative(), null, true));
    texts.add(new Places.Text(d.address(), null, false));
    for (Entity e : d.entities()) {
      if (e.type() == EntityType.ADDRESS) {
        texts.add(new Places.Text(e.value(), e.role(), false));
      }
    }
    return texts;
  }

  /**
   * Masked numbers of the narrative and of listed phones and accounts written masked, each once,
   * without those the record also holds in full (its narrative masks what its form lists).
   */
  private static List<Masked> masked(
      SearchDocument d, List<Holders.Token> persons, List<Ident> idents) {
    List<Masked> all = new ArrayList<>(Masked.in(d.narrative(), persons));
    for (Entity e : d.entities()) {
      if (e.type() == EntityType.PHONE || e.type() == EntityType.ACCOUNT) {
        String h = Holders.ofListed(e, d.entities());
        for (Masked m : Masked.in(e.value(), null)) {
          all.add(new Masked(m.written(), m.prefix(), m.last(), h));
        }
      }
    }
    Map<String, Masked> out = new LinkedHashMap<>();
    for (Masked m : all) {
      if (idents.stream().noneMatch(m::fits)) {
        Masked was = out.get(m.written());
        if (was == null || (was.holder() == null && m.holder() != null)) {
          out.put(m.written(), m);
        }
      }
    }
    return out.values().stream().limit(MAX_MASKED).toList();
  }

  private static final int MAX_MASKED = 8;

  /** Of two readings of one value's role, the one that takes more evidence away from it. */
  static ValueRole stronger(ValueRole a, ValueRole b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(ValueRole r) {
    return switch (r) {
      case PARTY -> 0;
      case SUPPLIER -> 1;
      case HIRED -> 2;
      case OUTLET -> 3;
      case OFFICER -> 4;
    };
  }

  /** The address without spaces and in half-width forms; null when too short to mean a place. */
  static String address(String raw) {
    if (raw == null) {
      return null;
    }
    String folded = Fold.fold(raw);
    StringBuilder b = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (!Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.length() < 6 ? null : b.toString();
  }
}
