package io.liaison.search.link.internal;

import io.liaison.search.ident.IdentifierType;
import io.liaison.search.link.Evidence;
import io.liaison.search.link.Frequency;
import io.liaison.search.link.Link;
import io.liaison.search.link.LinkOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Candidate retrieval and scoring over the {@link LinkIndex}, the same for an incremental write and
 * for a full relink so that both give the same links.
 *
 * <p>A pair is linked when its score reaches {@link LinkOptions#linkScore()} <em>and</em> it is
 * retrievable: it shares an identifier, a name with birth date or an address that is not
 * over-common, a person name that is specific (not merely common), a salient-text key, or a pair of
 * long identifiers one character apart that are not over-common. A common name (王伟) never retrieves
 * a candidate.
 */
public final class Linker {
  private final LinkIndex index;
  private final LinkOptions options;
  private final Scorer scorer;
  private final int cap;

  /** A scored pair and whether it is retrievable. */
  public record Scored(Link link, boolean retrievable) {}

  /**
   * Frequencies and neighbourhoods looked up within one operation, while the index does not change.
   * Not thread-safe: one per thread.
   */
  public final class Lookup implements Scorer.Frequencies {
    private final Map<String, Integer> records = new HashMap<>();
    private final Map<String, IndexView.Neighbourhood> hoods = new HashMap<>();
    private final SharedKeys shared;

    Lookup(SharedKeys shared) {
      this.shared = shared;
    }

    /**
     * How many current records hold {@code key}, counted up to {@link #cap()}. For a long
     * identifier the records holding a value one character off it count too if that value is itself
     * more than specific: a typo of a courier depot's phone is as common as the phone, however
     * rarely that typo was made (random neighbours, held once each, do not count).
     */
    @Override
    public int records(String key) {
      Integer n = records.get(key);
      if (n == null) {
        try {
          n = index.view().records(key, cap());
          Ident ident = longIdent(key);
          if (ident != null && n <= cap()) {
            n += hood(ident).commonRecords(options.identifiers().specificMax());
          }
          n = inContext(key, n, shared);
          n = parties(key, n);
          n = pooled(key, n);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        records.put(key, n);
      }
      return n;
    }

    IndexView.Neighbourhood hood(Ident ident) throws IOException {
      IndexView.Neighbourhood h = hoods.get(ident.key());
      if (h == null) {
        h = index.view().neighbourhood(ident, cap());
        hoods.put(ident.key(), h);
      }
      return h;
    }
  }

  public Linker(LinkIndex index, LinkOptions options) {
    this.index = index;
    this.options = options;
    this.scorer = new Scorer(options);
    this.cap =
        Math.max(
                options.identifiers().commonMax(),
                Math.max(options.names().commonMax(), options.addresses().commonMax()))
            + 1;
  }

  public LinkOptions options() {
    return options;
  }

  /** A fresh lookup for one operation. */
  public Lookup lookup() {
    return new Lookup(null);
  }

  /**
   * A fresh lookup for one record of a relink's link pass, which knows from {@code shared} which
   * keys only one record holds (see {@link SharedKeys}; null: look every key up).
   */
  public Lookup lookup(SharedKeys shared) {
    return new Lookup(shared);
  }

  /** Whether a scored pair is a link. */
  public boolean linked(Scored s) {
    return s.retrievable() && s.link().score() >= options.linkScore();
  }

  /** The most records the engine ever needs to count for one key. */
  public int cap() {
    return Math.max(cap, options.textKeyMax() + 1);
  }

  /** How many current records hold {@code key} (see {@link Lookup#records}). */
  public int records(String key) throws IOException {
    return records(lookup(), key);
  }

  /** {@link Lookup#records} with its I/O failure unwrapped. */
  public int records(Lookup lookup, String key) throws IOException {
    try {
      return lookup.records(key);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The count of an identifier key, raised over every band while some record holds the same value
   * in an officer's or an outlet's context ({@link Keys#CONTEXT}): a value the pool has seen as an
   * officer's certificate or an outlet's landline is no evidence in any record, also where it is
   * written without those words.
   */
  private int inContext(String key, int n, SharedKeys shared) throws IOException {
    if (!key.startsWith(Keys.IDENT)) {
      return n;
    }
    String context = Keys.CONTEXT + key.substring(Keys.IDENT.length());
    if (shared != null && !shared.mayBeShared(context)) {
      return n; // no record holds the context key
    }
    return index.view().records(context, 1) > 0 ? Math.max(n, cap() + 1) : n;
  }

  /**
   * How many people of different surnames the pool writes a phone with, from which it is no one
   * party's number (a shop's, a market's, a depot's phone written as the party's, a number that
   * changed hands): issue 33's "how many distinct parties share a value".
   */
  public static final int PARTIES = 3;

  /**
   * The count of a phone key, raised to {@link Frequency#COMMON} while its records write it with
   * {@link #PARTIES} or more holders ({@link Holders}) of different surnames: a party's phone is
   * written with that party (高平慧, 高某某, 高某), whoever writes the case. Only phones held by a few
   * records are read (fewer than {@link #PARTIES} cannot have that many holders; more than the
   * specific band are common already), so this costs nothing for most keys. A write that changes a
   * phone's holder is a band change of its key ({@link Core#write}), so incremental linking stays
   * equal to a relink.
   */
  private int parties(String key, int n) throws IOException {
    if (n < PARTIES || n > options.identifiers().specificMax() || !key.startsWith(PHONE_KEY)) {
      return n;
    }
    Set<Integer> docs = new HashSet<>();
    Map<String, Profile> recent = new LinkedHashMap<>();
    index.view().holders(key, docs, recent);
    List<Profile> holders = new ArrayList<>(index.view().load(docs));
    holders.addAll(recent.values());
    Set<String> surnames = new HashSet<>();
    for (Profile p : holders) {
      for (Ident i : p.idents()) {
        if (i.holder() != null && i.role().evidence() && i.key().equals(key)) {
          surnames.add(Holders.surname(i.holder()));
        }
      }
    }
    return surnames.size() >= PARTIES ? options.identifiers().specificMax() + 1 : n;
  }

  /**
   * The pool a young node holds is taken as this many records larger than it is (the prior of
   * {@link #specificMax(int)}): before the pool has seen much, a share of it says little.
   */
  public static final int POOL_PRIOR = 40;

  /**
   * An identifier held by more than one in this many records of the pool (plus {@link #POOL_PRIOR})
   * is no one party's, however few records that is.
   */
  public static final int POOL_SHARE = 10;

  /** How many current readable records the engine holds (set by {@link Core} and relinks). */
  private volatile int pool;

  /** Sets how many records the pool holds now. */
  public void pool(int records) {
    pool = records;
  }

  /** How many records the pool holds. */
  public int pool() {
    return pool;
  }

  /**
   * The most records an identifier may be held by and be {@link Frequency#SPECIFIC} in a pool of
   * {@code records}: the absolute band ({@link LinkOptions#identifiers()}, 20), but in a young pool
   * no more than a tenth of it plus the prior — an officer's certificate number written without any
   * role word in 15 of a bureau's first 20 cases is common there, while a network of five cases
   * among its first ten still links. From 160 records on the absolute band decides alone.
   */
  public int specificMax(int records) {
    return Math.min(options.identifiers().specificMax(), (records + POOL_PRIOR) / POOL_SHARE);
  }

  /**
   * The count of an identifier key, raised to {@link Frequency#COMMON} while it is held by more
   * records than {@link #specificMax(int)} allows in the current pool (issue 33's "relative
   * frequency, with a sensible prior for small pools"). When the pool grows or shrinks past a step
   * of that bound, {@link Core} relinks every record, so incremental linking stays equal to a
   * relink; the steps stop at 160 records.
   */
  private int pooled(String key, int n) {
    int max = options.identifiers().specificMax();
    if (n > max || !key.startsWith(Keys.IDENT)) {
      return n;
    }
    return n > specificMax(pool) ? max + 1 : n;
  }

  private static final String PHONE_KEY = Keys.IDENT + IdentifierType.PHONE.name() + ":";

  /** The frequency band of a key held by {@code records} records. */
  public Frequency band(String key, int records) {
    return switch (Keys.kind(key)) {
      case Keys.NAME -> Names.band(options, key.substring(Keys.NAME.length()), records);
      case Keys.ADDRESS, Keys.PLACE -> options.addresses().of(records);
      case Keys.CONTEXT -> Frequency.SPECIFIC;
      case Keys.TEXT ->
          records <= options.textKeyMax() ? Frequency.SPECIFIC : Frequency.OVER_COMMON;
      default -> options.identifiers().of(records);
    };
  }

  /**
   * The keys of the values one character off a long identifier key (empty for other keys), from the
   * neighbourhood {@code lookup} keeps for counting the key (the values found do not depend on the
   * cap on records collected, so one scan serves both).
   */
  public Set<String> neighbourKeys(Lookup lookup, String key) throws IOException {
    Ident ident = longIdent(key);
    Set<String> out = new TreeSet<>();
    if (ident != null) {
      for (String v : lookup.hood(ident).values().keySet()) {
        out.add(Keys.ident(ident.type(), v));
      }
    }
    return out;
  }

  private static Ident longIdent(String key) {
    if (!key.startsWith(Keys.IDENT)) {
      return null;
    }
    int colon = key.indexOf(':', Keys.IDENT.length());
    IdentifierType type = IdentifierType.valueOf(key.substring(Keys.IDENT.length(), colon));
    Ident ident = new Ident(type, key.substring(colon + 1), true, "");
    return ident.longEnough() ? ident : null;
  }

  /** Every current record that shares a retrieval key or a one-off identifier with {@code p}. */
  public List<Profile> candidates(Profile p, Lookup lookup) throws IOException {
    return candidates(p, lookup, id -> true);
  }

  /** The candidates of {@code p} whose ids pass {@code ids}. */
  public List<Profile> candidates(Profile p, Lookup lookup, Predicate<String> ids)
      throws IOException {
    Set<Integer> docs = new HashSet<>();
    Map<String, Profile> recent = new LinkedHashMap<>();
    for (String key : p.keys()) {
      String kind = Keys.kind(key);
      Set<Integer> found = new HashSet<>();
      Map<String, Profile> fresh = new LinkedHashMap<>();
      // a key only p holds (most of them) has no other holder to fetch: no seek in a relink
      int n =
          lookup.shared != null && !lookup.shared.mayBeShared(key)
              ? 1
              : index.view().holders(key, cap(), found, fresh);
      Ident ident = kind.equals(Keys.IDENT) ? longIdent(key) : null;
      IndexView.Neighbourhood hood = null;
      if (ident != null && n <= cap()) {
        hood = lookup.hood(ident);
        n += hood.commonRecords(options.identifiers().specificMax());
      }
      if (kind.equals(Keys.CONTEXT)) {
        lookup.records.putIfAbsent(key, n);
        continue; // counted, never retrieves
      }
      n = inContext(key, n, lookup.shared);
      n = parties(key, n);
      n = pooled(key, n);
      lookup.records.putIfAbsent(key, n);
      Frequency band = band(key, n);
      boolean retrieve =
          kind.equals(Keys.NAME) ? band == Frequency.SPECIFIC : band != Frequency.OVER_COMMON;
      if (retrieve) {
        docs.addAll(found);
        recent.putAll(fresh);
        if (hood != null && hood.complete()) {
          docs.addAll(hood.docs());
          recent.putAll(hood.recent());
        }
      }
    }
    Map<String, Profile> out = new LinkedHashMap<>();
    for (Profile q : index.view().load(docs, id -> !id.equals(p.id()) && ids.test(id))) {
      out.put(q.id(), q);
    }
    recent.values().stream()
        .filter(q -> !q.id().equals(p.id()) && ids.test(q.id()))
        .forEach(q -> out.put(q.id(), q));
    return new ArrayList<>(out.values());
  }

  /** Scores {@code p} against every candidate. */
  public List<Scored> scoreAll(Profile p) throws IOException {
    Lookup lookup = lookup();
    List<Scored> out = new ArrayList<>();
    for (Profile q : candidates(p, lookup)) {
      out.add(score(p, q, lookup));
    }
    return out;
  }

  /** Scores one pair with the frequencies of {@code lookup}. */
  public Scored score(Profile a, Profile b, Lookup lookup) throws IOException {
    try {
      Link link = scorer.score(a, b, lookup);
      return new Scored(link, retrievable(link));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean retrievable(Link link) {
    for (Evidence e : link.evidence()) {
      switch (e.kind()) {
        case ONE_OFF, IDENTICAL, NORMALISED_EQUAL, SAME_NAME_AND_BIRTH, SAME_ADDRESS -> {
          if (e.frequency() != Frequency.OVER_COMMON) {
            return true;
          }
        }
        case SAME_NAME -> {
          if (e.frequency() == Frequency.SPECIFIC) {
            return true;
          }
        }
        case NEAR_DUPLICATE_TEXT -> {
          return true; // counted only when a salient text key is shared
        }
        default -> {}
      }
    }
    return false;
  }

  /** The keys of a link's counted evidence, as {@code TYPE:value} (for key entities). */
  public static List<String> keysOf(Link link) {
    List<String> keys = new ArrayList<>();
    for (Evidence e : link.evidence()) {
      if (e.counted()) {
        String type = e.type() == null ? "TEXT" : e.type().name();
        keys.add(type + ":" + (e.value() == null ? e.kind().name() : e.value()));
      }
    }
    return keys;
  }
}
