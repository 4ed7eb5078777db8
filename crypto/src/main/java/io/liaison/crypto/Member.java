package io.liaison.crypto;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A member bureau in the roster: identity, contact endpoints (node URLs) and all of its public
 * keys, past and present. Revoked keys stay listed so that records signed before the revocation
 * remain verifiable forever.
 */
public record Member(
    BureauId bureau, String name, String province, List<String> endpoints, List<MemberKey> keys) {
  public Member {
    Objects.requireNonNull(bureau, "bureau");
    requireText(name, "name");
    requireText(province, "province");
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    keys = keys == null ? List.of() : List.copyOf(keys);
    Set<String> ids = new HashSet<>();
    for (MemberKey key : keys) {
      if (!ids.add(key.keyId())) {
        throw new IllegalArgumentException("duplicate key id " + key.keyId() + " for " + bureau);
      }
    }
  }

  /** The key with this id, if it is one of this member's. */
  public Optional<MemberKey> key(String keyId) {
    return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
  }

  /**
   * The key of this use that is valid at {@code at}; with several, the one valid from the latest
   * time (the newest after a rotation).
   */
  public Optional<MemberKey> currentKey(KeyUse use, Instant at) {
    return keys.stream()
        .filter(k -> k.use() == use && k.validAt(at))
        .max(Comparator.comparing(MemberKey::validFrom));
  }

  /** A copy with a different key list. */
  public Member withKeys(List<MemberKey> newKeys) {
    return new Member(bureau, name, province, endpoints, newKeys);
  }

  static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
