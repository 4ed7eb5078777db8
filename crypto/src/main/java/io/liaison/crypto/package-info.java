/**
 * Trust for Liaison: keys, canonical JSON, signed envelopes, the signed roster, sealing and the
 * per-bureau audit chain. Plain Java + Bouncy Castle; no Vert.x, no Hazelcast. All classes are
 * thread-safe unless said otherwise; crypto calls cost tens to hundreds of microseconds, so run
 * them off event loops.
 *
 * <h2>How a node uses it</h2>
 *
 * <pre>{@code
 * // start-up
 * BureauKeys keys = KeyFiles.read(keyFile, passphrase);                  // WrongPassphraseException
 * byte[] pinned = KeyFiles.readPublicKey(authorityPubFile);               // or from configuration
 * AtomicReference<Roster> roster = new AtomicReference<>(
 *     RosterAuthority.verify(SignedRoster.fromJson(rosterBytes), pinned)); // RosterException
 * EnvelopeSigner signer = new EnvelopeSigner(keys.bureau(), keys.signing());
 * EnvelopeVerifier verifier = new EnvelopeVerifier(roster::get);
 *
 * // writing: sign, chain, store, put on the grid
 * SignedEnvelope e = signer.sign(payload, prevHash, Instant.now());      // prevHash: Hashes.GENESIS first
 * byte[] wire = e.toJson();
 *
 * // reading from the grid: the one verification path; Invalid -> quarantine, count by reason()
 * Verification result = verifier.verify(wireBytes);
 * if (result instanceof Verification.Valid v) {
 *   store(v.envelope());
 * } else if (result instanceof Verification.Invalid i) {
 *   quarantine(wireBytes, i.reason(), i.detail());
 * }
 *
 * // a new roster version from the grid: only if signed by the pinned authority and newer
 * roster.set(RosterAuthority.verifySuccessor(roster.get(), SignedRoster.fromJson(bytes), pinned));
 *
 * // restricted content: seal for recipients, open if we are one
 * SealedContent sealed = Sealer.seal(content, roster.get(), recipients, metadataBytes, now);
 * byte[] plain = Sealer.open(sealed, keys, metadataBytes);  // NotARecipientException otherwise
 *
 * // audit: verify a bureau's chain, or a whole JSON Lines export
 * ChainVerdict v = AuditChain.verify(bureau, entriesInOrder, verifier);
 * AuditReport r = new ChainAuditor(roster.get(), ChainLayout.entries("audit.entry", "envelope"))
 *     .audit(exportFile);
 * }</pre>
 *
 * <p>Rules the node must keep: every chained payload has an integer {@code seq} starting at {@link
 * io.liaison.crypto.AuditChain#FIRST_SEQ} (see {@link io.liaison.crypto.AuditChain}); payload
 * integers must be exactly representable as doubles (large ids as strings, see {@link
 * io.liaison.crypto.CanonicalJson}); sealed content travels inside a signed envelope; the roster
 * authority key never lives on a node.
 */
package io.liaison.crypto;
