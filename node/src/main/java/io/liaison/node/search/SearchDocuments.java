package io.liaison.node.search;

import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.api.lead.Distribution;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadEntity;
import io.liaison.api.lead.LeadState;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.lead.LeadSealing;
import io.liaison.node.store.StoredRecord;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.Audience;
import java.util.List;
import java.util.Optional;

/**
 * What the index gets for a stored record. The store holds verified records only, so nothing is
 * verified again here. A lead this node cannot read (restricted, not addressed to this bureau)
 * becomes a metadata-only {@link SearchDocument#sealed} document: its content never reaches the
 * index. A withdrawn lead is deleted from the index. Other record kinds are not indexed.
 */
final class SearchDocuments {
  private SearchDocuments() {}

  /**
   * What the index does with a record: keep {@code doc}, or delete it as of its version; {@code
   * audience} is who may read it (a restricted lead this node reads is linked, but joins no
   * network: bureaus that may not read it get a hit).
   */
  record Indexing(SearchDocument doc, Audience audience, boolean delete) {}

  /**
   * The indexing of a stored record: a case or lead document; a lead its origin withdrew leaves the
   * index (a tombstone of its version). Empty for kinds that are not indexed.
   */
  static Optional<Indexing> of(StoredRecord r, LeadSealing sealing) {
    return switch (r.kind()) {
      case SharedCase.KIND ->
          Optional.of(
              new Indexing(
                  SearchDocument.ofCase(SharedCase.parse(r.id(), r.body()).current()),
                  Audience.everyone(),
                  false));
      case LeadRecord.KIND -> {
        LeadRecord rec = LeadRecord.parse(r.id(), r.body());
        yield Optional.of(
            new Indexing(
                lead(rec, sealing),
                audience(rec.lead(), sealing.readable(rec)),
                rec.status().state() == LeadState.WITHDRAWN));
      }
      default -> Optional.empty();
    };
  }

  /**
   * Who may read a lead: everyone, or for a restricted lead its targets (and its origin), with the
   * officer who posted it as the contact of a hit ({@code readable} is the lead as this node reads
   * it, null when sealed to it: then the node links nothing of it and the contact is the bureau).
   */
  static Audience audience(Lead clear, Lead readable) {
    if (clear.distribution() != Distribution.RESTRICTED) {
      return Audience.everyone();
    }
    String who = readable == null || readable.officer() == null ? "" : readable.officer() + " ";
    return Audience.restricted(
        clear.targetBureaus(), "信息联络员 " + who + "(" + clear.originBureau() + ")");
  }

  static SearchDocument lead(LeadRecord rec, LeadSealing sealing) {
    Lead clear = rec.lead();
    long version = rec.envelopes().size();
    Lead lead = sealing.readable(rec);
    if (lead == null) {
      return SearchDocument.sealed(
          clear.id(),
          SearchDocument.Kind.LEAD,
          clear.originBureau(),
          SearchDocument.day(clear.postedAt()),
          version);
    }
    List<Entity> entities =
        lead.entities().stream().map(e -> new Entity(e.type(), e.value(), e.role())).toList();
    List<String> brands =
        lead.entities().stream()
            .filter(e -> e.type() == EntityType.BRAND)
            .map(LeadEntity::value)
            .toList();
    return new SearchDocument(
        lead.id(),
        SearchDocument.Kind.LEAD,
        lead.originBureau(),
        lead.category() == null ? null : CaseCategory.valueOf(lead.category().name()),
        SearchDocument.day(lead.postedAt()),
        0,
        0,
        null,
        brands,
        lead.title(),
        lead.narrative(),
        lead.location(),
        entities,
        true,
        version);
  }
}
