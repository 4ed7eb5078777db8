package io.liaison.search.link;

import io.liaison.api.BureauId;
import java.util.Objects;

/**
 * A hit on restricted material (hit/no-hit): {@code recordId} of {@code recordBureau} links to
 * {@code sealedRecordId}, which {@code recordBureau} may not read. It carries a pointer and whom to
 * contact, never content or evidence; both bureaus are to be told.
 *
 * @param recordId the record whose owner may not read the other one
 * @param recordBureau that record's owner, who gets the pointer
 * @param sealedRecordId the restricted record
 * @param owner the restricted record's owner, who is told of the hit
 * @param contact whom {@code recordBureau} should contact
 */
public record SealedHit(
    String recordId, BureauId recordBureau, String sealedRecordId, BureauId owner, String contact) {
  public SealedHit {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(recordBureau, "recordBureau");
    Objects.requireNonNull(sealedRecordId, "sealedRecordId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(contact, "contact");
  }
}
