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

/**
 * Candidate retrieval and scoring over the {@link LinkIndex}, the same for an incremental write and
 * for a full relink so that both give the same links.
 *
 * <p>A pair is linked when its score reaches {@link LinkOptions#linkScore()} <em>and</em> it is
 * retrievable: it shares an identifier, a name with birth date or an address that is not
 * over-common, a person name that is specific (not merely common), a salient-text key held by at
 * most {@link LinkOptions#textKeyMax()} records, or a pair of long identifiers one character apart.
 * A common name (王伟) never retrieves a candidate.
 */
public final class Linker {
  private final LinkIndex index;
  private final LinkOptions options;
  private final Scorer scorer;
  private final int cap;

  /** A scored pair and whether it is retrievable. */
  public record Scored(Link link, boolean retrievable) {}

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

  /** Whether a scored pair is a link. */
  public boolean linked(Scored s) {
    return s.retrievable() && s.link().score() >= options.linkScore();
  }

  /** The most records the engine ever needs to count for one key. */
  public int cap() {
    return Math.max(cap, options.textKeyMax() + 1);
  }

  /**
   * How many current records hold {@code key}, counted up to {@link #cap()}. For a long identifier
   * the records holding a value one character off it count too: a typo of a courier depot's phone
   * is as common as the phone, however rarely that typo was made.
   */
  public int records(String key) throws IOException {
    int n = index.records(key, cap());
    Ident ident = longIdent(key);
    if (ident != null && n <= cap()) {
      for (int m : index.neighbours(ident, cap()).values()) {
        n += m;
        if (n > cap()) {
          break;
        }
      }
    }
    return n;
  }

  /** The keys of the values one character off a long identifier key (empty for other keys). */
  public Set<String> neighbourKeys(String key) throws IOException {
    Ident ident = longIdent(key);
    Set<String> out = new java.util.TreeSet<>();
    if (ident != null) {
      for (String v : index.neighbours(ident, cap()).keySet()) {
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

  /** The frequency band of a key held by {@code records} records. */
  public Frequency band(String key, int records) {
    return switch (Keys.kind(key)) {
      case Keys.NAME -> Names.band(options, key.substring(Keys.NAME.length()), records);
      case Keys.ADDRESS -> options.addresses().of(records);
      case Keys.TEXT ->
          records <= options.textKeyMax() ? Frequency.SPECIFIC : Frequency.OVER_COMMON;
      default -> options.identifiers().of(records);
    };
  }

  /** Every current record that shares a retrieval key or a one-off identifier with {@code p}. */
  public List<Profile> candidates(Profile p) throws IOException {
    Set<Integer> docs = new HashSet<>();
    Map<String, Profile> recent = new LinkedHashMap<>();
    for (String key : p.keys()) {
      Frequency band = band(key, records(key));
      if (Keys.kind(key).equals(Keys.NAME)
          ? band == Frequency.SPECIFIC
          : band != Frequency.OVER_COMMON) {
        index.holders(key, docs, recent);
      }
    }
    for (Ident i : p.idents()) {
      if (i.longEnough()) {
        index.oneOffHolders(i, docs, recent);
      }
    }
    Map<String, Profile> out = new LinkedHashMap<>();
    for (Profile q : index.load(docs)) {
      out.put(q.id(), q);
    }
    out.putAll(recent);
    out.remove(p.id());
    return new ArrayList<>(out.values());
  }

  /** Scores {@code p} against every candidate. */
  public List<Scored> scoreAll(Profile p) throws IOException {
    Map<String, Integer> df = new HashMap<>();
    List<Scored> out = new ArrayList<>();
    for (Profile q : candidates(p)) {
      out.add(score(p, q, df));
    }
    return out;
  }

  /** Scores one pair; {@code df} caches frequencies within one operation. */
  public Scored score(Profile a, Profile b, Map<String, Integer> df) throws IOException {
    try {
      Scorer.Frequencies f = key -> df.computeIfAbsent(key, this::recordsUnchecked);
      Link link = scorer.score(a, b, f);
      return new Scored(link, retrievable(link));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private int recordsUnchecked(String key) {
    try {
      return records(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean retrievable(Link link) {
    for (Evidence e : link.evidence()) {
      switch (e.kind()) {
        case ONE_OFF -> {
          return true;
        }
        case IDENTICAL, NORMALISED_EQUAL, SAME_NAME_AND_BIRTH, SAME_ADDRESS -> {
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
