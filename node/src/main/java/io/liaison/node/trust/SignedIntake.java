package io.liaison.node.trust;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.store.StoredRecord;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a feature takes in a value of one signed envelope that it reads from a shared map (merge
 * decisions, hit notices): the envelope parses, its signature verifies against the roster, the
 * payload reads as the feature's type, and the map key and the signer are the ones the payload
 * names. What fails is refused: quarantined under {@code <prefix>/<key>} with its reason and put
 * back from the store's copy.
 *
 * @param <T> the payload's type
 */
public final class SignedIntake<T> {
  private static final Logger LOG = LoggerFactory.getLogger(SignedIntake.class);

  private final TrustService trust;
  private final Quarantine quarantine;
  private final String prefix;
  private final String badReason;
  private final Function<JsonNode, T> reader;
  private final Function<T, String> keyOf;
  private final Function<T, BureauId> signerOf;

  /**
   * @param prefix the quarantine key prefix, e.g. {@code merge}
   * @param badReason the quarantine reason of a payload that does not read or agree, e.g. {@code
   *     BAD_DECISION}
   * @param reader reads a payload; throws IllegalArgumentException when it is not valid
   * @param keyOf the map key a value must be kept under
   * @param signerOf the bureau that must have signed it
   */
  public SignedIntake(
      TrustService trust,
      Quarantine quarantine,
      String prefix,
      String badReason,
      Function<JsonNode, T> reader,
      Function<T, String> keyOf,
      Function<T, BureauId> signerOf) {
    this.trust = trust;
    this.quarantine = quarantine;
    this.prefix = prefix;
    this.badReason = badReason;
    this.reader = reader;
    this.keyOf = keyOf;
    this.signerOf = signerOf;
  }

  /** A value that passed: its envelope and payload. */
  public record Accepted<T>(SignedEnvelope envelope, T value) {}

  /** Why a value was refused. */
  public static final class Refused extends Exception {
    private final String reason;

    public Refused(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /** Checks the value seen under {@code key}; throws {@link Refused} saying why it fails. */
  public Accepted<T> check(String key, String json) throws Refused {
    SignedEnvelope env;
    try {
      env = SignedEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new Refused("MALFORMED", "not a signed envelope");
    }
    if (!trust.verify(env).isValid()) {
      throw new Refused("BAD_SIGNATURE", "the signature does not verify");
    }
    T value;
    try {
      value = reader.apply(env.payload());
    } catch (RuntimeException e) {
      throw new Refused(badReason, e.getMessage());
    }
    if (!key.equals(keyOf.apply(value)) || !env.signer().equals(signerOf.apply(value))) {
      throw new Refused(badReason, "the map key, the signer and the payload disagree");
    }
    return new Accepted<>(env, value);
  }

  /** Quarantines the value seen under {@code key} and puts back the store's copy; false. */
  public Future<Boolean> refuse(GridReconciler grid, String key, Refused why, String json) {
    LOG.warn("{} refused key={} reason={}: {}", prefix, key, why.reason(), why.getMessage());
    return quarantine.refuse(grid, prefix + "/", key, why.reason(), why.getMessage(), json);
  }

  /** The store record of an accepted envelope, kept under {@code key} as {@code kind}. */
  public static StoredRecord record(String key, String kind, SignedEnvelope env) {
    return SignedRecords.record(key, kind, env, json(env), null);
  }

  /** An envelope as the JSON kept on the grid and in the store. */
  public static String json(SignedEnvelope env) {
    return SignedRecords.json(env);
  }
}
