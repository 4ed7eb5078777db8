package io.liaison.node.price.internal;

import io.liaison.api.BureauId;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceMeeting;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.RetailerVisit;
import io.liaison.api.price.SelfDisciplineGroup;
import java.time.Instant;
import java.util.List;

/** What a verified {@link SignedChain} says, by type (see {@link PriceRecords#read}). */
public sealed interface PriceRecord {
  SignedChain chain();

  /** Every version of a group, oldest first. */
  record Group(SignedChain chain, List<SelfDisciplineGroup> versions) implements PriceRecord {
    public SelfDisciplineGroup current() {
      return versions.get(versions.size() - 1);
    }
  }

  /** Every version of a group's agreement, oldest first. */
  record Agreement(SignedChain chain, List<PriceAgreement> versions) implements PriceRecord {}

  /** Every version of a bureau's settings, oldest first. */
  record Settings(SignedChain chain, List<PriceSettings> versions) implements PriceRecord {
    public PriceSettings current() {
      return versions.get(versions.size() - 1);
    }
  }

  record Meeting(SignedChain chain, PriceMeeting meeting) implements PriceRecord {}

  /**
   * A check. {@code plan} is null where this node may not read it (the plan is sealed to the
   * checking bureau until findings are recorded); {@code batches} are the recorded findings.
   */
  record Check(
      SignedChain chain,
      String id,
      BureauId checkingBureau,
      Instant plannedAt,
      CheckPlan plan,
      List<Batch> batches)
      implements PriceRecord {
    public boolean recorded() {
      return !batches.isEmpty();
    }

    public List<RetailerVisit> visits() {
      return batches.stream().flatMap(b -> b.visits().stream()).toList();
    }
  }

  /** One recording of findings. */
  record Batch(String officer, Instant at, List<RetailerVisit> visits) {}
}
