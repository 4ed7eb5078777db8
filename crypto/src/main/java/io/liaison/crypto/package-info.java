/** Keys, canonical JSON, signed envelopes, sealing, the trust roster and the audit chain. */
package io.liaison.crypto;
