package io.liaison.client;

import io.liaison.api.access.Tokens;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a {@link LiaisonClient} keeps the tokens of its node between calls: in memory by default; a
 * file for the command line, so that one sign-in serves many runs. The client saves every refreshed
 * pair here and reads it back before refreshing, so that two clients sharing a store do not spend
 * the same refresh token twice. Implementations must be thread-safe.
 */
public interface TokenStore {
  Optional<Tokens> load();

  void save(Tokens tokens);

  void clear();

  /** A store that lives as long as the client. */
  static TokenStore inMemory() {
    AtomicReference<Tokens> ref = new AtomicReference<>();
    return new TokenStore() {
      @Override
      public Optional<Tokens> load() {
        return Optional.ofNullable(ref.get());
      }

      @Override
      public void save(Tokens tokens) {
        ref.set(tokens);
      }

      @Override
      public void clear() {
        ref.set(null);
      }
    };
  }
}
