package io.liaison.api.lead;

import io.liaison.api.FieldException;

/**
 * An attachment of a lead, by content hash: the bytes stay on the origin bureau's node and are
 * fetched on demand by the others, who check them against {@code sha256}.
 */
public record AttachmentRef(String sha256, String name, String contentType, long size) {
  public AttachmentRef {
    FieldException.required(sha256, "sha256");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new FieldException("sha256", "must be 64 lower-case hex digits");
    }
    name = FieldException.text(name, "name", 200);
    contentType = contentType == null ? "application/octet-stream" : contentType.strip();
    if (contentType.length() > 100) {
      throw new FieldException("contentType", "is too long");
    }
    if (size < 0) {
      throw new FieldException("size", "must not be negative");
    }
  }
}
