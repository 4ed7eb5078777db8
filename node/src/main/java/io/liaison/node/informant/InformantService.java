package io.liaison.node.informant;

import com.hazelcast.map.IMap;
import io.liaison.api.informant.KeyRequest;
import io.liaison.api.informant.OfficerKeys;
import io.liaison.api.informant.OpenRequest;
import io.liaison.api.informant.OpenedInformant;
import io.liaison.api.informant.ReportDraft;
import io.liaison.api.informant.ReportEntry;
import io.liaison.api.informant.ResealRequest;
import io.liaison.api.informant.RewardRequest;
import io.liaison.api.lead.LeadView;
import io.liaison.crypto.KeyFiles;
import io.liaison.node.access.Principal;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.function.Function;

/**
 * Lead sources and informants. A bureau records where one of its leads came from (举报, 线人, 市场检查,
 * 物流检查, 其他部门) and, for a report or an informant, who: the identity is sealed on this node with HPKE
 * to the officers the poster chose (each with their own X25519 key, see {@link OfficerKeyring}) and
 * leaves the node only as ciphertext. The record ({@code source-<lead>}), the bureaus' key lists
 * ({@code keys-<bureau>}) and the openings ({@code opened-<lead>-<officer>-<ms>}) are signed
 * envelopes in the grid map {@link #MAP}; every node keeps them, none can read an identity without
 * a chosen officer's private key, which lives wrapped under that officer's passphrase on their own
 * node. Opening is done on that node for the signed-in officer, who gives the passphrase; it is
 * signed, chained in the bureau's audit log and shared (the register shows who opened when).
 * Nothing here is indexed, put in an event, or logged with the identity.
 *
 * <p>One room per job: {@link InformantKeys} (officers' keys), {@link InformantRegister} (the
 * register), {@link InformantOpenings} (opening), {@link InformantReseals} (re-sealing for an
 * officer whose key was re-made), {@link PassphraseGuard} (wrong passphrases counted), {@link
 * InformantGrid} (records from the grid), {@link IdentitySeals} (sealing and reading a stored
 * report); this class only hands requests on.
 */
public final class InformantService {
  public static final String MAP = "liaison.informants";
  public static final String KIND = "informant";
  static final String SOURCE = "lead-source";
  static final String OPENED = "informant-opened";
  static final String RESEALED = "informant-resealed";

  private final InformantKeys keys;
  private final InformantRegister register;
  private final InformantOpenings openings;
  private final InformantReseals reseals;
  private final InformantGrid gridSide;

  public InformantService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      Function<String, Future<LeadView>> leads,
      KeyFiles.Kdf kdf,
      Clock clock) {
    InformantParts parts =
        new InformantParts(vertx, store, trust, grid, quarantine, leads, kdf, clock);
    PassphraseGuard guard = new PassphraseGuard();
    this.keys = new InformantKeys(parts, guard);
    this.register = new InformantRegister(parts);
    this.openings = new InformantOpenings(parts, guard);
    this.reseals = new InformantReseals(parts, guard, openings);
    this.gridSide = new InformantGrid(parts);
  }

  public GridReconciler reconciler() {
    return gridSide.reconciler();
  }

  static String sourceKey(String leadId) {
    return "source-" + leadId;
  }

  /**
   * The signed-in officer's sealing key: a first one, a passphrase change (the current passphrase
   * given: the same key), or a new key after a forgotten passphrase ({@code forgotten}).
   */
  public Future<OfficerKeys> putKey(Principal p, KeyRequest request) {
    return keys.putKey(p, request);
  }

  /** Every bureau's officers' keys held by this node. */
  public Future<OfficerKeys.Page> keys() {
    return keys.keys();
  }

  /** Records where one of this bureau's leads came from, with the sealed identity. */
  public Future<ReportEntry> record(Principal p, ReportDraft d) {
    return register.record(p, d);
  }

  /** A new reward status of one of this bureau's reports (signed, next version). */
  public Future<ReportEntry> reward(Principal p, String leadId, RewardRequest r) {
    return register.reward(p, leadId, r);
  }

  /** The identity, to a chosen officer signed in here who gives their passphrase. */
  public Future<OpenedInformant> open(Principal p, String leadId, OpenRequest r) {
    return openings.open(p, leadId, r);
  }

  /** Seals the identity again for a chosen officer whose key was re-made; answers the line. */
  public Future<ReportEntry> reseal(Principal p, String leadId, ResealRequest r) {
    return reseals.reseal(p, leadId, r).compose(v -> register.entry(p, leadId));
  }

  /** The register: this bureau's reports, and others' that the signed-in officer may open. */
  public Future<ReportEntry.Page> register(Principal p, int limit) {
    return register.register(p, limit);
  }

  /** One line of the register, to the bureau's officers and the chosen officers. */
  public Future<ReportEntry> entry(Principal p, String leadId) {
    return register.entry(p, leadId);
  }

  /** Takes a record seen on the grid: verified, signed by the bureau it names, newer than ours. */
  public Future<Boolean> receive(String key, String json) {
    return gridSide.receive(key, json);
  }
}
