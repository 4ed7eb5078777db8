package io.liaison.api.network;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.liaison.api.BureauId;
import io.liaison.api.cases.EntityType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A networked case (网络案件): records connected by links, as a node's link engine holds it — its
 * members (by date), the bureaus owning them, the entities that tie it together (most members
 * first), the days it spans, seized sticks and case value over all members, and how many links join
 * them. The id ({@code net-…}) is the same on every node that reads the same records. The one type
 * of the concept: the link engine ({@code search.link}) builds it, the node answers it, the client
 * reads it.
 *
 * @param id stable while the network keeps its first member: {@code net-} and a hash of the
 *     smallest member id
 * @param members the records, by date then id (two or more)
 * @param bureaus the bureaus that own members, sorted
 */
public record Network(
    String id,
    List<Member> members,
    List<BureauId> bureaus,
    List<KeyEntity> keyEntities,
    LocalDate first,
    LocalDate last,
    long sticks,
    long valueFen,
    int links) {
  public Network {
    Objects.requireNonNull(id, "id");
    members = members == null ? List.of() : List.copyOf(members);
    bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
    keyEntities = keyEntities == null ? List.of() : List.copyOf(keyEntities);
    if (members.size() < 2) {
      throw new IllegalArgumentException("a network has at least two members");
    }
  }

  /** Whether members belong to more than one bureau. */
  public boolean crossBorder() {
    return bureaus.size() > 1;
  }

  /**
   * A record as a member of a network or a merge proposal, never its narrative: a lead ({@code
   * kind} {@code LEAD}, {@code title} its title) or a case ({@code CASE}, id {@code
   * case:<bureau>:<case number>}, {@code title} its case number); {@code category} a case category
   * name or null.
   */
  public record Member(
      String id,
      String kind,
      BureauId bureau,
      LocalDate date,
      String category,
      String title,
      long sticks,
      long valueFen) {
    public Member {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(bureau, "bureau");
      Objects.requireNonNull(date, "date");
    }

    /** Whether the member is a shared case (else a lead). */
    @JsonIgnore
    public boolean isCase() {
      return "CASE".equals(kind);
    }
  }

  /**
   * An entity that ties records together: its type (null for shared narrative text), its normalised
   * value, and how many members it ties.
   */
  public record KeyEntity(EntityType type, String value, int members) {
    public KeyEntity {
      Objects.requireNonNull(value, "value");
    }
  }
}
