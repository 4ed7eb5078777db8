package io.liaison.node.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseRecord;
import io.liaison.crypto.SignedEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What {@code /api/v1/cases} serves: the newest version of a case, the signed history of its
 * versions, and the proof of the newest one (the node verified every signature before storing).
 *
 * @param id pool id {@code case:<bureau>:<case number>}
 * @param current the newest version (JSON field {@code case})
 * @param versions every version, oldest first
 * @param proof signer, key and hash of the newest version
 */
public record CaseView(
    String id, @JsonProperty("case") CaseRecord current, List<Version> versions, Proof proof) {
  public CaseView {
    versions = List.copyOf(versions);
  }

  /** One signed version. */
  public record Version(long version, Instant signedAt, String keyId, String hash) {}

  /** Who signed the newest version, with which key, and its envelope hash. */
  public record Proof(
      BureauId signer, String keyId, Instant signedAt, String hash, boolean verified) {}

  static CaseView of(SharedCase rec) {
    List<Version> versions =
        IntStream.range(0, rec.envelopes().size())
            .mapToObj(
                i -> {
                  SignedEnvelope e = rec.envelopes().get(i);
                  return new Version(i + 1L, e.signedAt(), e.keyId(), e.hash());
                })
            .toList();
    SignedEnvelope last = rec.last();
    return new CaseView(
        rec.id(),
        rec.current(),
        versions,
        new Proof(last.signer(), last.keyId(), last.signedAt(), last.hash(), true));
  }
}
