package io.liaison.node.trust;

import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.store.RecordFacts;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoredRecord;
import java.nio.charset.StandardCharsets;

/**
 * One signed envelope kept as a record of the store: body the envelope's JSON, hash its SHA-256,
 * origin the signer, posted at the signing time (store thread only).
 */
public final class SignedRecords {
  private SignedRecords() {}

  /** Keeps {@code env} under {@code id} as a record of {@code kind}; false if already so. */
  public static boolean put(Store s, String id, String kind, SignedEnvelope env) {
    return s.putRecord(record(id, kind, env, json(env), null));
  }

  /** The record of {@code env} as {@code json} (its JSON as received), with these facts. */
  public static StoredRecord record(
      String id, String kind, SignedEnvelope env, String json, RecordFacts facts) {
    return new StoredRecord(
        id,
        kind,
        env.signer().code(),
        env.signedAt(),
        Hashes.sha256Hex(json.getBytes(StandardCharsets.UTF_8)),
        json,
        facts);
  }

  /** The envelope as the grid and the store hold it. */
  public static String json(SignedEnvelope env) {
    return new String(env.toJson(), StandardCharsets.UTF_8);
  }

  /** The envelope of a record's body. */
  public static SignedEnvelope envelope(String body) {
    return SignedEnvelope.fromJson(body.getBytes(StandardCharsets.UTF_8));
  }
}
