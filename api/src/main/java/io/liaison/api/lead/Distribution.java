package io.liaison.api.lead;

/**
 * Who may read a lead's content. {@code MEMBERS}: every bureau of the roster. {@code RESTRICTED}:
 * only the named target bureaus; the content is sealed to their keys and other nodes relay
 * ciphertext only.
 */
public enum Distribution {
  MEMBERS,
  RESTRICTED
}
