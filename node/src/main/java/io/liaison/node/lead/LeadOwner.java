package io.liaison.node.lead;

import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.Verification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a member needs to decide a lead's transition as its partition owner ({@link
 * TransitionProcessor}) on verified state only: the roster (through the node's verifier) and a
 * bounded memory of the last value it verified or wrote per lead. Lives in the member's Hazelcast
 * user context under {@link #KEY}; one per member.
 *
 * <p>Anyone on the cluster link can write into the leads map, so the value the processor finds may
 * be forged, of the wrong type, or an older genuine value played back. The basis it decides on is:
 *
 * <ul>
 *   <li>the grid's value, if it verifies (every signature against the roster, the hash chain and
 *       the lifecycle) and is not an older prefix of what this member remembers;
 *   <li>else what this member remembers (it verified that value, or wrote it itself): the grid is
 *       put back to it in the same step;
 *   <li>else nothing: the processor refuses to decide, and the requesting node repairs the grid
 *       from its verified store copy and asks again.
 * </ul>
 *
 * Costs: a value verified once is remembered, so the next transition of the same lead compares
 * strings instead of verifying again; a value not seen before costs one Ed25519 verification per
 * envelope (Bouncy Castle, ~60 µs each). Memory: at most {@link #CAPACITY} leads, values over
 * {@link #MAX_REMEMBERED_CHARS} not remembered.
 */
public final class LeadOwner {
  private static final Logger LOG = LoggerFactory.getLogger(LeadOwner.class);

  /** The key of a member's instance in its Hazelcast user context. */
  public static final String KEY = "liaison.lead-owner";

  static final int CAPACITY = 4096;
  static final int MAX_REMEMBERED_CHARS = 256 * 1024;

  private final Function<SignedEnvelope, Verification> verifier;
  private final Map<String, LeadRecord> remembered =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LeadRecord> eldest) {
          return size() > CAPACITY;
        }
      };

  public LeadOwner(Function<SignedEnvelope, Verification> verifier) {
    this.verifier = verifier;
  }

  /** Whether {@code env}'s signature verifies against the roster in force. */
  boolean verifies(SignedEnvelope env) {
    try {
      return verifier.apply(env).isValid();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The verified state to decide on for lead {@code key}, given the grid's value ({@code raw}, any
   * type), or null if there is none (the grid's value does not verify and nothing is remembered).
   */
  Basis basis(String key, Object raw) {
    LeadRecord known;
    synchronized (remembered) {
      known = remembered.get(key);
    }
    if (known != null && raw instanceof String s && s.equals(known.json())) {
      return new Basis(known, false);
    }
    LeadRecord current = raw instanceof String s ? verified(key, s) : null;
    if (current == null) {
      if (known != null) {
        LOG.warn(
            "lead grid value does not verify lead={} ({}); the owner puts back the value it"
                + " verified last",
            key,
            raw == null ? "none" : raw.getClass().getSimpleName());
        return new Basis(known, true);
      }
      return null;
    }
    if (known != null
        && current.envelopes().size() < known.envelopes().size()
        && current.isPrefixOf(known)) {
      LOG.warn(
          "lead grid value is older than the one the owner verified lead={} grid version={}"
              + " verified version={}; put back",
          key,
          current.status().version(),
          known.status().version());
      return new Basis(known, true);
    }
    remember(current);
    return new Basis(current, false);
  }

  /** Remembers a value this member wrote or verified. */
  void remember(LeadRecord rec) {
    if (rec.json().length() > MAX_REMEMBERED_CHARS) {
      return;
    }
    synchronized (remembered) {
      remembered.put(rec.lead().id(), rec);
    }
  }

  private LeadRecord verified(String key, String json) {
    LeadRecord rec;
    try {
      rec = LeadRecord.parse(key, json);
    } catch (RuntimeException e) {
      return null;
    }
    for (SignedEnvelope env : rec.envelopes()) {
      if (!verifies(env)) {
        return null;
      }
    }
    return rec;
  }

  /**
   * A verified state of a lead to decide on; {@code restore}: the grid does not hold it (a forgery,
   * a value of another type or an older value is there) and the processor writes it back.
   */
  record Basis(LeadRecord record, boolean restore) {}
}
