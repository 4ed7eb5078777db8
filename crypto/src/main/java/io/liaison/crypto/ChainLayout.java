package io.liaison.crypto;

/**
 * Which envelopes of an export form the signers' audit chains, for {@link ChainAuditor}.
 *
 * <ul>
 *   <li>{@link #EVERY_ENVELOPE}: every envelope is a chain entry (the chain is the records).
 *   <li>{@link #entries(String, String)}: only envelopes whose payload {@code type} is {@code
 *       entryType} are chain entries (e.g. the node's {@code audit.entry}); every other envelope is
 *       a record, verified on its own, and — when {@code referenceField} is given — must be
 *       referenced by its signer's chain: some entry's {@code payload[referenceField]} equals the
 *       record's {@link SignedEnvelope#hash()}.
 * </ul>
 *
 * @param entryType payload {@code type} of chain entries; null for every envelope
 * @param referenceField payload field of an entry holding the hash of the record it logs; null for
 *     no cross-check
 */
public record ChainLayout(String entryType, String referenceField) {
  public static final ChainLayout EVERY_ENVELOPE = new ChainLayout(null, null);

  public ChainLayout {
    if (entryType == null && referenceField != null) {
      throw new IllegalArgumentException("a reference field needs an entry type");
    }
  }

  public static ChainLayout entries(String entryType, String referenceField) {
    return new ChainLayout(entryType, referenceField);
  }

  /** True when the envelope is a chain entry under this layout. */
  public boolean isEntry(SignedEnvelope envelope) {
    return entryType == null || entryType.equals(envelope.payload().path("type").asText(null));
  }
}
