package io.liaison.crypto;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The member list with every member's public keys, one version of it. A roster is trusted only when
 * it arrives as a {@link SignedRoster} verified by {@link RosterAuthority#verify} against the
 * pinned authority key. Changes (adding a bureau, rotating or revoking a key) produce the next
 * version with the {@code with…} methods; sign it with {@link RosterAuthority#sign} and distribute
 * it. Key ids are unique across the whole roster.
 */
public record Roster(long version, Instant issuedAt, List<Member> members) {
  public Roster {
    if (version < 1) {
      throw new IllegalArgumentException("roster version starts at 1");
    }
    Objects.requireNonNull(issuedAt, "issuedAt");
    issuedAt = issuedAt.truncatedTo(ChronoUnit.MILLIS);
    members = List.copyOf(Objects.requireNonNull(members, "members"));
    Set<BureauId> bureaus = new HashSet<>();
    Set<String> keyIds = new HashSet<>();
    for (Member member : members) {
      if (!bureaus.add(member.bureau())) {
        throw new IllegalArgumentException("bureau " + member.bureau() + " listed twice");
      }
      for (MemberKey key : member.keys()) {
        if (!keyIds.add(key.keyId())) {
          throw new IllegalArgumentException("key id " + key.keyId() + " listed twice");
        }
      }
    }
  }

  public Optional<Member> member(BureauId bureau) {
    return members.stream().filter(m -> m.bureau().equals(bureau)).findFirst();
  }

  /** The key with this id, whichever member holds it. */
  public Optional<MemberKey> key(String keyId) {
    for (Member member : members) {
      Optional<MemberKey> key = member.key(keyId);
      if (key.isPresent()) {
        return key;
      }
    }
    return Optional.empty();
  }

  /** The member that holds the key with this id. */
  public Optional<Member> keyOwner(String keyId) {
    return members.stream().filter(m -> m.key(keyId).isPresent()).findFirst();
  }

  /** The next version with one more member. */
  public Roster withMember(Member member, Instant issuedAt) {
    if (member(member.bureau()).isPresent()) {
      throw new IllegalArgumentException("bureau " + member.bureau() + " is already a member");
    }
    List<Member> next = new ArrayList<>(members);
    next.add(member);
    return new Roster(version + 1, issuedAt, next);
  }

  /** The next version with a key added to a member (e.g. a second sealing key). */
  public Roster withKeyAdded(BureauId bureau, MemberKey key, Instant issuedAt) {
    Member member = require(bureau);
    List<MemberKey> keys = new ArrayList<>(member.keys());
    keys.add(key);
    return replace(member.withKeys(keys), issuedAt);
  }

  /**
   * The next version after a rotation at {@code at}: every key of the new key's use that is still
   * unrevoked at {@code at} is revoked at {@code at}, and the new key is added (give it {@code
   * validFrom = at}). Records signed before {@code at} with the old key stay valid.
   */
  public Roster withKeyRotated(BureauId bureau, MemberKey newKey, Instant at) {
    Member member = require(bureau);
    List<MemberKey> keys = new ArrayList<>();
    for (MemberKey key : member.keys()) {
      keys.add(key.use() == newKey.use() && !key.revokedAt(at) ? key.revoke(at) : key);
    }
    keys.add(newKey);
    return replace(member.withKeys(keys), at);
  }

  /**
   * The next version with the key revoked at {@code revokedAt} (for a compromise, the time from
   * which its signatures must no longer count, which may be in the past).
   */
  public Roster withKeyRevoked(String keyId, Instant revokedAt, Instant issuedAt) {
    Member owner =
        keyOwner(keyId)
            .orElseThrow(() -> new IllegalArgumentException("no key " + keyId + " in roster"));
    List<MemberKey> keys = new ArrayList<>();
    for (MemberKey key : owner.keys()) {
      keys.add(key.keyId().equals(keyId) ? key.revoke(revokedAt) : key);
    }
    return replace(owner.withKeys(keys), issuedAt);
  }

  private Member require(BureauId bureau) {
    return member(bureau)
        .orElseThrow(() -> new IllegalArgumentException("bureau " + bureau + " is not a member"));
  }

  private Roster replace(Member changed, Instant issuedAt) {
    List<Member> next = new ArrayList<>();
    for (Member member : members) {
      next.add(member.bureau().equals(changed.bureau()) ? changed : member);
    }
    return new Roster(version + 1, issuedAt, next);
  }
}
