package io.liaison.search.link.internal;

import io.liaison.api.cases.EntityType;
import io.liaison.search.ident.ValueRole;
import io.liaison.search.link.Evidence;
import io.liaison.search.link.EvidenceKind;
import io.liaison.search.link.Frequency;
import io.liaison.search.link.Link;
import io.liaison.search.link.LinkOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores a candidate pair: every piece of evidence adds a weight (a log-likelihood ratio, see
 * docs/linking.md) scaled by the frequency band of the value, and the score is the logistic of the
 * prior plus the sum. A value's band comes from its document frequency, so an over-common value is
 * shown but adds nothing.
 *
 * <p>Why over 400 lines: every kind of evidence and its weight in one table-like place, so the
 * weights can be read and compared side by side with docs/linking.md.
 */
public final class Scorer {
  /** Log-odds of a candidate pair before any evidence. */
  public static final double PRIOR = -3.0;

  public static final double SAME_NAME = 2.5;
  public static final double NAME_VARIANT = 1.0;

  /**
   * The holders of two near-miss identifiers agree on the surname where one leaves the given name
   * out (高某某 / 高平慧): enough with the near miss (2.0), never alone. Strangers share a surname about
   * one time in 100 (高) to one in 14 (王), so for the five most common surnames it is {@link
   * #SAME_HOLDER_COMMON}, which does not make a near miss a link.
   */
  public static final double SAME_HOLDER = 2.5;

  public static final double SAME_HOLDER_COMMON = 1.5;

  /**
   * Both records write the near miss as the supplier's (上家电话, 其上家为…，手机号…, 货源来自…): a network's cases
   * have its supplier in common, so the holders agree by their role where no name says otherwise.
   * Like {@link #SAME_HOLDER}: enough with the near miss (2.0), never alone, counted once with it,
   * and not where both records name the holder and the names disagree.
   */
  public static final double SAME_SUPPLIER = 2.5;

  /**
   * A number written masked (138****5678) or by its last four digits (尾号5678) that fits the other
   * record's full number: as weak as a typo, never alone, and it never makes a pair a candidate.
   */
  public static final double MASKED_MATCH = 2.0;

  public static final double SAME_NAME_AND_BIRTH = 6.5;
  public static final double SAME_ADDRESS = 2.5;

  /**
   * The same house in a village (红岭村155号) written in both records: a storage, pick-up or business
   * address. Not enough alone (a shop is inspected twice for unrelated reasons) nor with a name
   * variant; enough with a name, a typo'd phone or a hired plate besides. Not counted again when
   * the records' address fields are the same address.
   */
  public static final double SAME_PLACE = 3.0;

  /**
   * The same house in the same town (both records write it) where one record's goods came from or
   * were kept (曾到…提货, 货物由…发出, 此前存放于…, a warehouse searched there): a network's own place, like a
   * party's identifier. Enough alone. Without the town on both sides it is {@link #SAME_PLACE}
   * (前进村, 东沟村 are in many towns); a village of the same name in another town (both towns written,
   * different) is not the same house and counts nothing.
   */
  public static final double SOURCE_PLACE = 5.0;

  public static final double NEAR_DUPLICATE_TEXT = 6.0;

  /**
   * The same hired vehicle's plate (货拉拉, 出租车): it turns up in unrelated transport cases, so it only
   * corroborates other evidence and never links on its own, nor with a name alone.
   */
  public static final double HIRED_EQUAL = 1.5;

  /**
   * The most that values in the {@link Frequency#COMMON} band add together. Common values come in
   * company (the two officers who sign every case of a team, a depot's phone and its address), so
   * two of them are not two independent pieces of evidence: together they count as one.
   */
  public static final double COMMON_CAP = 2.25;

  /**
   * Similar wording short of a near duplicate: shown, not counted (on labelled data such pairs were
   * no likelier to belong together than any candidate pair).
   */
  public static final double SIMILAR_TEXT = 0.0;

  private record Match(Evidence evidence, Ident x, Ident y) {}

  /** How many records hold a key (the document frequency). */
  public interface Frequencies {
    int records(String key);
  }

  private static final Comparator<Evidence> STRONGEST_FIRST =
      Comparator.comparingDouble(Evidence::weight)
          .reversed()
          .thenComparing(Evidence::kind)
          .thenComparing(e -> e.value() == null ? "" : e.value());

  private final LinkOptions options;

  public Scorer(LinkOptions options) {
    this.options = options;
  }

  /** The link between {@code a} and {@code b} (in either order) with all its evidence. */
  public Link score(Profile a, Profile b, Frequencies df) {
    if (a.id().compareTo(b.id()) > 0) {
      Profile t = a;
      a = b;
      b = t;
    }
    List<Evidence> evidence = new ArrayList<>();
    Set<String> birthsMatched = identifiers(a, b, df, evidence);
    names(a, b, df, birthsMatched, evidence);
    if (a.address() != null && a.address().equals(b.address())) {
      int n = df.records(Keys.address(a.address()));
      Frequency f = options.addresses().of(n);
      evidence.add(
          new Evidence(
              EvidenceKind.SAME_ADDRESS,
              EntityType.ADDRESS,
              a.address(),
              b.address(),
              a.address(),
              n,
              f,
              SAME_ADDRESS * f.factor()));
    }
    boolean sameAddress = a.address() != null && a.address().equals(b.address());
    List<String> ownAddress = sameAddress ? names(Places.of(a.address())) : List.of();
    for (Places.Place place : a.places()) {
      for (Places.Place other : b.places()) {
        if (!place.name().equals(other.name()) || ownAddress.contains(place.name())) {
          continue;
        }
        int n = df.records(Keys.PLACE + place.name());
        Frequency f = options.addresses().of(n);
        // two towns: another village of the same name, shown and not counted
        // a village's name is only unique within its town: the same house for sure only where
        // both records write the same town
        double w =
            !place.sameAs(other)
                ? 0
                : place.town() != null
                        && place.town().equals(other.town())
                        && (place.use() == Places.Use.SOURCE || other.use() == Places.Use.SOURCE)
                    ? SOURCE_PLACE
                    : SAME_PLACE;
        evidence.add(
            new Evidence(
                EvidenceKind.SAME_ADDRESS,
                EntityType.ADDRESS,
                written(place),
                written(other),
                place.name(),
                n,
                f,
                w * f.factor()));
      }
    }
    double text = TextSketch.similarity(a.sketch(), b.sketch());
    if (text >= options.similarText() && salientShared(a, b, df)) {
      boolean same = text >= options.nearDuplicateText();
      String shown = String.format(Locale.ROOT, "%.2f", text);
      evidence.add(
          new Evidence(
              same ? EvidenceKind.NEAR_DUPLICATE_TEXT : EvidenceKind.SIMILAR_TEXT,
              null,
              shown,
              shown,
              null,
              0,
              same ? Frequency.SPECIFIC : Frequency.OVER_COMMON,
              same ? NEAR_DUPLICATE_TEXT : SIMILAR_TEXT));
    }
    for (String brand : a.brands()) {
      if (b.brands().contains(brand)) {
        evidence.add(
            new Evidence(
                EvidenceKind.SHARED_BRAND,
                EntityType.BRAND,
                brand,
                brand,
                brand,
                0,
                Frequency.OVER_COMMON,
                0));
      }
    }
    evidence.sort(STRONGEST_FIRST);
    double logit = PRIOR;
    double common = 0;
    for (int i = 0; i < evidence.size(); i++) {
      Evidence e = evidence.get(i);
      if (e.frequency() == Frequency.COMMON && e.weight() > 0) {
        double w = Math.min(e.weight(), Math.max(0, COMMON_CAP - common));
        common += w;
        if (w != e.weight()) {
          e = withWeight(e, w);
          evidence.set(i, e);
        }
      }
      logit += e.weight();
    }
    evidence.sort(STRONGEST_FIRST);
    return new Link(a.id(), b.id(), 1 / (1 + Math.exp(-logit)), evidence);
  }

  private static Evidence sameHolder(String h, String g, int records, Frequency f) {
    double w = Holders.TOP_FIVE.indexOf(h.charAt(0)) >= 0 ? SAME_HOLDER_COMMON : SAME_HOLDER;
    return new Evidence(
        EvidenceKind.SAME_HOLDER,
        EntityType.PERSON,
        h,
        g,
        h.substring(0, 1) + "某",
        records,
        f,
        w * f.factor());
  }

  private static List<String> names(List<Places.Place> places) {
    return places.stream().map(Places.Place::name).toList();
  }

  /** A place as the record has it: the town, if written, before the village and number. */
  private static String written(Places.Place p) {
    return p.town() == null ? p.name() : p.town() + p.name();
  }

  private static Evidence withWeight(Evidence e, double w) {
    return new Evidence(
        e.kind(), e.type(), e.left(), e.right(), e.value(), e.records(), e.frequency(), w);
  }

  /**
   * Whether two narratives share a salient passage: a text key ({@link TextSketch#keys}) held by
   * few records. Without one, similar wording is the officers' template, not the case.
   */
  private boolean salientShared(Profile a, Profile b, Frequencies df) {
    for (int h : a.textKeys()) {
      for (int g : b.textKeys()) {
        if (h == g && df.records(Keys.text(h)) <= options.textKeyMax()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Identifier evidence, each identifier of either record used at most once (its strongest match):
   * a record that holds a hub phone and a typo of it must not count the hub twice. Returns the
   * birth dates of ID numbers that matched.
   */
  private Set<String> identifiers(Profile a, Profile b, Frequencies df, List<Evidence> evidence) {
    List<Match> matches = new ArrayList<>();
    for (Ident x : a.idents()) {
      for (Ident y : b.idents()) {
        if (x.type() != y.type()) {
          continue;
        }
        boolean equal = x.value().equals(y.value());
        if (!equal && !(x.longEnough() && OneOff.oneOff(x.value(), y.value()))) {
          continue;
        }
        int nx = df.records(x.key());
        int ny = equal ? nx : df.records(y.key());
        Frequency f = options.identifiers().of(nx).worse(options.identifiers().of(ny));
        EvidenceKind kind =
            !equal
                ? EvidenceKind.ONE_OFF
                : x.raw().equals(y.raw()) ? EvidenceKind.IDENTICAL : EvidenceKind.NORMALISED_EQUAL;
        boolean weak = x.weak() || y.weak();
        boolean none = !x.role().evidence() || !y.role().evidence();
        double w =
            none
                ? 0
                : weak ? (equal ? HIRED_EQUAL : 0) : equal ? equalWeight(x) : oneOffWeight(x, y);
        Evidence e =
            new Evidence(
                kind,
                x.type().entityType(),
                x.raw(),
                y.raw(),
                x.value(),
                Math.max(nx, ny),
                f,
                w * f.factor());
        matches.add(new Match(e, x, y));
      }
    }
    matches.sort((m, n) -> STRONGEST_FIRST.compare(m.evidence(), n.evidence()));
    Set<String> usedLeft = new HashSet<>();
    Set<String> usedRight = new HashSet<>();
    Set<String> births = new HashSet<>();
    Evidence holder = null;
    Evidence supplier = null;
    for (Match m : matches) {
      String left = m.x().value();
      String right = m.y().value();
      if (usedLeft.contains(left) || usedRight.contains(right)) {
        continue;
      }
      usedLeft.add(left);
      usedRight.add(right);
      Evidence e = m.evidence();
      evidence.add(e);
      if (holder == null
          && e.kind() == EvidenceKind.ONE_OFF
          && e.weight() > 0
          && Holders.agree(m.x().holder(), m.y().holder())) {
        holder = sameHolder(m.x().holder(), m.y().holder(), e.records(), e.frequency());
      }
      if (supplier == null
          && e.kind() == EvidenceKind.ONE_OFF
          && e.weight() > 0
          && m.x().role() == ValueRole.SUPPLIER
          && m.y().role() == ValueRole.SUPPLIER
          && !Holders.disagree(m.x().holder(), m.y().holder())) {
        supplier =
            new Evidence(
                EvidenceKind.SAME_HOLDER,
                EntityType.PERSON,
                m.x().holder() == null ? "上家" : m.x().holder(),
                m.y().holder() == null ? "上家" : m.y().holder(),
                "上家",
                e.records(),
                e.frequency(),
                SAME_SUPPLIER * e.frequency().factor());
      }
      if (e.type() == EntityType.ID_NUMBER && e.frequency() != Frequency.OVER_COMMON) {
        births.add(left.substring(6, 14));
        births.add(right.substring(6, 14));
      }
    }
    // numbers written with most digits left out (138****5678, 尾号5678) that fit the other's number
    for (int side = 0; side < 2; side++) {
      Profile p = side == 0 ? a : b;
      Profile q = side == 0 ? b : a;
      Set<String> used = side == 0 ? usedRight : usedLeft;
      for (Masked m : p.masked()) {
        for (Ident y : q.idents()) {
          if (used.contains(y.value()) || !m.fits(y)) {
            continue;
          }
          used.add(y.value());
          int n = df.records(y.key());
          Frequency f = options.identifiers().of(n);
          double w = y.role().evidence() && !y.weak() ? MASKED_MATCH * f.factor() : 0;
          evidence.add(
              new Evidence(
                  EvidenceKind.MASKED_MATCH,
                  y.type().entityType(),
                  side == 0 ? m.written() : y.raw(),
                  side == 0 ? y.raw() : m.written(),
                  y.value(),
                  n,
                  f,
                  w));
          if (holder == null && w > 0 && Holders.agree(m.holder(), y.holder())) {
            holder = sameHolder(m.holder(), y.holder(), n, f);
          }
          break;
        }
      }
    }
    if (holder != null) {
      evidence.add(holder); // one person: counted once however many near misses are theirs
    } else if (supplier != null) {
      evidence.add(supplier);
    }
    return births;
  }

  private void names(
      Profile a, Profile b, Frequencies df, Set<String> birthsMatched, List<Evidence> evidence) {
    // two spellings of one person in a record (王明伟 / 王明炜) are one person: a pair that shares
    // both shares one name, not two
    List<String> matched = new ArrayList<>();
    for (String n : a.names()) {
      boolean again = false;
      for (String p : matched) {
        again |= Names.variants(n, p);
      }
      if (b.names().contains(n)) {
        int records = df.records(Keys.name(n));
        Frequency f = Names.band(options, n, records);
        evidence.add(
            new Evidence(
                EvidenceKind.SAME_NAME,
                EntityType.PERSON,
                n,
                n,
                n,
                records,
                f,
                again ? 0 : SAME_NAME * f.factor()));
        matched.add(n);
        continue;
      }
      for (String m : b.names()) {
        if (Names.variants(n, m)) {
          int records = Math.max(df.records(Keys.name(n)), df.records(Keys.name(m)));
          Frequency f = Names.band(options, n, records).worse(Names.band(options, m, records));
          evidence.add(
              new Evidence(
                  EvidenceKind.NAME_VARIANT,
                  EntityType.PERSON,
                  n,
                  m,
                  n,
                  records,
                  f,
                  again ? 0 : NAME_VARIANT * f.factor()));
          matched.add(n);
          break;
        }
      }
    }
    for (String nb : a.nameBirths()) {
      String birth = nb.substring(nb.indexOf('|') + 1);
      if (b.nameBirths().contains(nb) && !birthsMatched.contains(birth)) {
        int records = df.records(Keys.NAME_BIRTH + nb);
        Frequency f = options.identifiers().of(records);
        evidence.add(
            new Evidence(
                EvidenceKind.SAME_NAME_AND_BIRTH,
                EntityType.PERSON,
                nb,
                nb,
                nb,
                records,
                f,
                SAME_NAME_AND_BIRTH * f.factor()));
      }
    }
  }

  /** Weight of two equal identifiers: how rarely two unrelated records share one by chance. */
  static double equalWeight(Ident x) {
    return switch (x.type()) {
      case PHONE -> x.value().charAt(0) == '1' ? 7.5 : x.value().length() == 10 ? 3.0 : 6.0;
      case ID_NUMBER -> x.valid() ? 9.0 : 7.0;
      case PLATE, LICENCE -> 7.0;
      case WAYBILL, ACCOUNT -> 8.0;
    };
  }

  /**
   * Weight of a one-off pair. Where a check digit says one side is mistyped (ID numbers, bank
   * cards) the pair is nearly as good as equal; otherwise random neighbours are common enough that
   * a one-off match only supports other evidence.
   */
  static double oneOffWeight(Ident x, Ident y) {
    boolean typo = x.valid() != y.valid();
    return switch (x.type()) {
      case ID_NUMBER -> typo ? 6.5 : 2.0;
      case ACCOUNT -> typo ? 6.0 : 2.0;
      case PHONE, WAYBILL, LICENCE, PLATE -> 2.0;
    };
  }
}
