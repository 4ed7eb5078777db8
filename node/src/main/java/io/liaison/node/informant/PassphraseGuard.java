package io.liaison.node.informant;

import io.liaison.crypto.SealingKeyPair;
import io.liaison.crypto.WrongPassphraseException;
import io.liaison.node.domain.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every use of an officer's passphrase (opening, re-sealing, changing it) goes through here: wrong
 * ones are counted per officer, and after {@link #MAX_WRONG_PASSPHRASES} within {@link
 * #GUESS_WINDOW} the passphrase is refused until the oldest leaves the window — it is all that
 * stands between a signed-in session and an informant's identity, so it is not open to guessing at
 * request speed, whichever route is used. Kept in this node's memory (a restart forgets the count;
 * the request limit still applies).
 */
final class PassphraseGuard {
  private static final Logger LOG = LoggerFactory.getLogger(InformantService.class);
  static final int MAX_WRONG_PASSPHRASES = 5;
  static final Duration GUESS_WINDOW = Duration.ofMinutes(15);
  private final Map<String, Deque<Instant>> wrongPassphrases = new ConcurrentHashMap<>();

  /** Refuses at once when the officer has too many wrong passphrases in the window. */
  void check(String officer, String what, Instant now) {
    Optional<Instant> until = lockedUntil(officer, now);
    if (until.isPresent()) {
      LOG.warn("informant {} refused officer={}: too many wrong passphrases", what, officer);
      throw new Refused(
          "too-many-attempts",
          "Too many wrong passphrases",
          MAX_WRONG_PASSPHRASES
              + " wrong passphrases within "
              + GUESS_WINDOW.toMinutes()
              + " minutes: opening is refused until "
              + until.get(),
          "/passphrase");
    }
  }

  /** The key in {@code wrapped}, or a counted, logged refusal naming {@code field}. */
  SealingKeyPair unwrap(
      String wrapped, String passphrase, String officer, String what, String field, Instant now) {
    try {
      return OfficerKeyring.unwrap(wrapped, passphrase);
    } catch (WrongPassphraseException e) {
      Deque<Instant> wrong = wrongPassphrases.computeIfAbsent(officer, o -> new ArrayDeque<>());
      synchronized (wrong) {
        wrong.addLast(now);
      }
      LOG.warn("informant {} refused officer={}: wrong passphrase", what, officer);
      throw new Refused(
          "wrong-passphrase",
          "Wrong passphrase",
          "the passphrase does not open this officer's key",
          field);
    }
  }

  private Optional<Instant> lockedUntil(String officer, Instant now) {
    Deque<Instant> wrong = wrongPassphrases.get(officer);
    if (wrong == null) {
      return Optional.empty();
    }
    synchronized (wrong) {
      while (!wrong.isEmpty() && !wrong.peekFirst().plus(GUESS_WINDOW).isAfter(now)) {
        wrong.pollFirst();
      }
      return wrong.size() < MAX_WRONG_PASSPHRASES
          ? Optional.empty()
          : Optional.of(wrong.peekFirst().plus(GUESS_WINDOW));
    }
  }
}
