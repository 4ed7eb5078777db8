package io.liaison.search.link;

import io.liaison.api.BureauId;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read a record besides its owner: everyone in the pool, or only the named bureaus of a
 * restricted (sealed) record. A restricted record is linked like any other on a node that can read
 * it, but it never enters a network or a merge proposal: a bureau that cannot read it learns only
 * that there is a hit and whom to contact ({@link SealedHit}).
 *
 * @param readers bureaus that may read the record besides its owner; empty for everyone
 * @param contact whom a bureau that gets a hit should contact (officer and phone), for restricted
 *     records; null for records everyone reads
 */
public record Audience(Set<BureauId> readers, String contact) {
  private static final Audience EVERYONE = new Audience(Set.of(), null);

  public Audience {
    readers = Set.copyOf(new TreeSet<>(Objects.requireNonNull(readers, "readers")));
    if (readers.isEmpty() != (contact == null)) {
      throw new IllegalArgumentException("a restricted record needs a contact, an open one none");
    }
    if (contact != null && (contact.isBlank() || contact.length() > 200)) {
      throw new IllegalArgumentException("contact must be 1..200 characters");
    }
  }

  /** Every member bureau may read the record. */
  public static Audience everyone() {
    return EVERYONE;
  }

  /** Only the owner and {@code readers} may read the record; hits point to {@code contact}. */
  public static Audience restricted(Collection<BureauId> readers, String contact) {
    if (readers.isEmpty()) {
      throw new IllegalArgumentException("a restricted record names at least one reader");
    }
    return new Audience(Set.copyOf(readers), Objects.requireNonNull(contact, "contact"));
  }

  /** Whether only named bureaus may read the record. */
  public boolean isRestricted() {
    return !readers.isEmpty();
  }

  /** Whether {@code bureau} may read a record of {@code owner} with this audience. */
  public boolean canRead(BureauId owner, BureauId bureau) {
    return !isRestricted() || owner.equals(bureau) || readers.contains(bureau);
  }
}
