package io.liaison.node.reward;

import com.hazelcast.map.IMap;
import io.liaison.api.reward.SharingRule;
import io.liaison.api.reward.SharingRuleProposal;
import io.liaison.api.reward.SharingRuleView;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.settings.Agreements;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reward sharing rule (分成规则), agreed exactly as 协作约定 is ({@link Agreements}): each bureau's
 * chief signs one version (grid map {@code liaison.sharing-rules}, key {@code
 * sharing-rule-<version>-<bureau>}); a version is agreed once every roster bureau has signed the
 * same content. A case is settled under the newest agreed version whose {@code effectiveFrom} is on
 * or before the case's filing day.
 */
public final class SharingRuleService {
  public static final String MAP = "liaison.sharing-rules";
  public static final String KIND = "sharing-rule";
  static final Agreements.Kind<SharingRule> AGREED =
      new Agreements.Kind<>(
          KIND, KIND, "reward.sharing-rule", SharingRule.class, SharingRule::version);

  private final Agreements<SharingRule> agreements;
  private final AtomicReference<List<SharingRule>> agreed = new AtomicReference<>(List.of());

  public SharingRuleService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      Clock clock) {
    this.agreements =
        new Agreements<>(
            vertx,
            store,
            trust,
            grid,
            quarantine,
            clock,
            AGREED,
            s -> agreed.set(s.agreed().stream().map(Agreements.Version::content).toList()));
  }

  public GridReconciler reconciler() {
    return agreements.reconciler();
  }

  /** Reads the agreements this node holds (before serving). */
  public Future<Void> load() {
    return agreements.state().mapEmpty();
  }

  /** Every version the bureaus agreed, newest first. */
  public List<SharingRule> agreed() {
    return agreed.get();
  }

  /** The rule a case filed on {@code day} is settled under, if the bureaus agreed one. */
  public Optional<SharingRule> inForceOn(LocalDate day) {
    return inForceOn(agreed.get(), day);
  }

  static Optional<SharingRule> inForceOn(List<SharingRule> agreed, LocalDate day) {
    return agreed.stream()
        .filter(r -> !r.effectiveFrom().isAfter(day))
        .max((a, b) -> Long.compare(a.version(), b.version()));
  }

  public Future<SharingRuleView> propose(SharingRule rule, String officer) {
    return agreements.propose(rule, officer).map(SharingRuleService::view);
  }

  public Future<SharingRuleView> agree(long version, String contentHash, String officer) {
    return agreements.agree(version, contentHash, officer).map(SharingRuleService::view);
  }

  public Future<Boolean> receive(String key, String json) {
    return agreements.receive(key, json);
  }

  public Future<SharingRuleView> view() {
    return agreements.state().map(SharingRuleService::view);
  }

  private static SharingRuleView view(Agreements.State<SharingRule> s) {
    return new SharingRuleView(
        proposal(s.inForce()),
        s.pending().stream().map(SharingRuleService::proposal).toList(),
        s.agreed().stream().map(SharingRuleService::proposal).toList());
  }

  private static SharingRuleProposal proposal(Agreements.Version<SharingRule> v) {
    return v == null
        ? null
        : new SharingRuleProposal(
            v.content(), v.contentHash(), v.proposedBy(), v.agreed(), v.awaiting());
  }
}
