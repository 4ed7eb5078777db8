package io.liaison.node.trust;

/**
 * The outcome of verifying a shared record read from the grid or a file (a lead, a case): accepted
 * with the parsed record, or rejected with a stable reason code (what the quarantine keeps) and a
 * detail for people. One type for every kind of record, so intake code reads the same everywhere.
 */
public sealed interface RecordCheck<T> {
  /** The value verified; {@code record} is safe to use. */
  record Accepted<T>(T record) implements RecordCheck<T> {}

  /** The value failed; {@code reason} is a stable code (MALFORMED, BAD_SIGNATURE, CHAIN, ...). */
  record Rejected<T>(String reason, String detail) implements RecordCheck<T> {}
}
