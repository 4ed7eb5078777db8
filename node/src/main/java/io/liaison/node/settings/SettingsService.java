package io.liaison.node.settings;

import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.settings.RegionSettings;
import io.liaison.api.settings.SettingsProposal;
import io.liaison.api.settings.SettingsView;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules the bureaus agree together ({@link RegionSettings}), agreed the one way documents are
 * agreed ({@link Agreements}): each bureau signs its agreement to one version as its own envelope
 * (grid map {@code liaison.settings}, key {@code settings-<version>-<bureau>}); a version is in
 * force on a node once every bureau of the roster in force has signed the same content, and the
 * newest such version wins. Until then there is no feedback period (nothing is overdue) and no
 * major-case value: the node invents neither.
 */
public final class SettingsService {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);
  public static final String MAP = "liaison.settings";
  public static final String KIND = "settings";
  static final String TYPE = "region-settings";
  static final Agreements.Kind<RegionSettings> AGREED =
      new Agreements.Kind<>(KIND, KIND, TYPE, RegionSettings.class, RegionSettings::version);

  private final TrustService trust;
  private final Agreements<RegionSettings> agreements;
  private final AtomicReference<RegionSettings> inForce = new AtomicReference<>();
  private final AtomicReference<SettingsHistory> history =
      new AtomicReference<>(SettingsHistory.NONE);

  public SettingsService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      Clock clock) {
    this.trust = trust;
    this.agreements =
        new Agreements<>(vertx, store, trust, grid, quarantine, clock, AGREED, this::take);
  }

  public GridReconciler reconciler() {
    return agreements.reconciler();
  }

  /** Reads the agreements this node holds and sets the version in force (before serving). */
  public Future<Void> load() {
    return agreements.state().mapEmpty();
  }

  /** The settings in force, if the bureaus have agreed any. */
  public Optional<RegionSettings> current() {
    return Optional.ofNullable(inForce.get());
  }

  /**
   * The agreed settings to count a period ending at {@code at} with ({@link
   * SettingsHistory#forCounting}).
   */
  public Optional<RegionSettings> forCounting(Instant at) {
    return history.get().forCounting(at);
  }

  /** The agreed feedback period, if any (no agreement: no lead is ever overdue). */
  public Optional<Duration> feedbackPeriod() {
    return current().map(s -> Duration.ofDays(s.feedbackPeriodDays()));
  }

  /** The agreed major-case value in fen, if any. */
  public Optional<Long> majorCaseThresholdFen() {
    return current().map(RegionSettings::majorCaseThresholdFen);
  }

  static String key(long version, BureauId bureau) {
    return AGREED.key(version, bureau);
  }

  /** Proposes the next version, signed by this bureau as its first agreement. */
  public Future<SettingsView> propose(RegionSettings settings, String officer) {
    return agreements.propose(settings, officer).map(SettingsService::view);
  }

  /** Signs this bureau's agreement to {@code version} as it stands (the content proposed). */
  public Future<SettingsView> agree(long version, String contentHash, String officer) {
    return agreements.agree(version, contentHash, officer).map(SettingsService::view);
  }

  /** Takes an agreement seen on the grid: verified, signer = bureau of the key, same version. */
  public Future<Boolean> receive(String key, String json) {
    return agreements.receive(key, json);
  }

  /** The version in force and the newer proposals. */
  public Future<SettingsView> view() {
    return agreements.state().map(SettingsService::view);
  }

  private void take(Agreements.State<RegionSettings> state) {
    RegionSettings now = state.inForce() == null ? null : state.inForce().content();
    RegionSettings before = inForce.getAndSet(now);
    // each agreed version in force from the signature that agreed it (the roster of that moment)
    history.set(
        new SettingsHistory(
            state.agreed().stream()
                .map(v -> new SettingsHistory.Entry(v.agreedAt(), v.content()))
                .toList()));
    if (now != null && (before == null || before.version() != now.version())) {
      LOG.info("settings in force version={} bureau={}", now.version(), trust.bureau());
    }
  }

  private static SettingsView view(Agreements.State<RegionSettings> state) {
    return new SettingsView(
        proposal(state.inForce()),
        state.pending().stream().map(SettingsService::proposal).toList());
  }

  private static SettingsProposal proposal(Agreements.Version<RegionSettings> v) {
    return v == null
        ? null
        : new SettingsProposal(
            v.content(), v.contentHash(), v.proposedBy(), v.agreed(), v.awaiting());
  }
}
