package io.liaison.crypto;

/** What a roster key is for. */
public enum KeyUse {
  /** Ed25519: signs envelopes. */
  SIGNING,
  /** X25519: receives sealed (encrypted) content. */
  SEALING
}
