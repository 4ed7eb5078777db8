package io.liaison.node.reward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.Json;
import io.liaison.api.access.Role;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.informant.RewardRequest;
import io.liaison.api.informant.RewardStatus;
import io.liaison.api.report.Period;
import io.liaison.api.reward.RewardKind;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.access.Principal;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.Refused;
import io.liaison.node.informant.InformantService;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reward ledger's settlement entries (奖励兑现, see {@code docs/reports.md}): a bureau signs only
 * what it pays. Each entry is the payer's envelope (type {@code reward.settlement}), chained to the
 * payer's previous entry by {@code prevHash}, kept in the store (kind {@code settlement}) and
 * shared on the grid map {@code liaison.settlements} under {@code settlement-<payer>-<n>}. Every
 * node verifies what it takes from the grid (signature against the roster, the signer is the payer,
 * the key is the signer's); anything else is quarantined.
 */
public final class SettlementService {
  private static final Logger LOG = LoggerFactory.getLogger(SettlementService.class);
  public static final String MAP = "liaison.settlements";
  public static final String KIND = "settlement";
  static final String TYPE = "reward.settlement";

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final IMap<String, String> grid;
  private final Quarantine quarantine;
  private final InformantService informants;
  private final SharingRuleService rules;
  private final Clock clock;
  private final GridReconciler reconciler;

  public SettlementService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      InformantService informants,
      SharingRuleService rules,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.grid = grid;
    this.quarantine = quarantine;
    this.informants = informants;
    this.rules = rules;
    this.clock = clock;
    this.reconciler = new GridReconciler(vertx, store, grid, KIND, this::receive, quarantine);
  }

  public GridReconciler reconciler() {
    return reconciler;
  }

  static String key(String payer, long n) {
    return "settlement-" + payer + "-" + n;
  }

  /** Signs a payment this bureau makes and shares it. */
  public Future<Settlement> settle(SettlementDraft draft) {
    if (!draft.payer().equals(trust.bureau())) {
      return Future.failedFuture(
          new Refused(
              "settlement-payer",
              "Not the payer",
              "a bureau signs only what it pays itself",
              "/payer"));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = LocalDate.ofInstant(now, Period.ZONE);
    if (draft.paidOn().isAfter(today)) {
      // every node quarantines an entry paid after the day it was signed (receive): refused here
      // first, so the payer's own node never holds what the others refuse
      return Future.failedFuture(
          new Invalid(
              "settlement-paid-later",
              "paid on " + draft.paidOn() + " is after today (" + today + ", Asia/Shanghai)",
              "/paidOn"));
    }
    return store
        .call(
            s -> {
              CaseRecord c = SettlementChecks.caseOf(s, draft);
              SettlementChecks.refuseUnlessRuleInForce(rules, draft, c);
              SettlementChecks.refuseUnlessPartiesOfTheCase(draft, c);
              if (draft.kind() == RewardKind.INFORMANT) {
                SettlementChecks.refuseUnlessOwnRegisterLine(s, trust.bureau(), draft.leadId());
              }
              if (draft.kind() == RewardKind.LEAD_BUREAU) {
                SettlementChecks.refuseUnlessLeadOfPayee(s, draft, c);
              }
              List<Settlement> mine = of(s, trust.bureau().code());
              if (draft.kind() == RewardKind.INFORMANT) {
                SettlementChecks.refuseIfInformantPaid(mine, draft.leadId());
              }
              String prev =
                  mine.isEmpty() ? Hashes.GENESIS : mine.get(mine.size() - 1).envelopeHash();
              String id = key(trust.bureau().code(), mine.size() + 1L);
              ObjectNode payload = Json.mapper().createObjectNode();
              payload.put("type", TYPE);
              payload.put("id", id);
              payload.set("entry", Json.mapper().valueToTree(draft));
              SignedEnvelope env = trust.sign(payload, prev, now);
              SignedRecords.put(s, id, KIND, env);
              return env;
            })
        .compose(
            env -> {
              Settlement st = settlement(env);
              return vertx
                  .executeBlocking(
                      () -> {
                        grid.set(st.id(), SignedRecords.json(env));
                        return null;
                      },
                      false)
                  .compose(v -> followedByRegister(st))
                  .map(v -> st);
            })
        .onSuccess(
            st ->
                LOG.info(
                    "settlement signed id={} kind={} fen={}",
                    st.id(),
                    st.entry().kind(),
                    st.entry().amountFen()));
  }

  /**
   * The register's reward status follows the entries: an informant's reward paid sets the line 已兑现
   * (a signed, chained new version of the line, in the audit chain), with the entry named.
   */
  private Future<Void> followedByRegister(Settlement st) {
    SettlementDraft d = st.entry();
    if (d.kind() != RewardKind.INFORMANT) {
      return Future.succeededFuture();
    }
    // the settlement was signed by the payer's chief (REWARD_WRITE is the chief's), who also
    // decides
    // the register's 已兑现
    Principal chief =
        new Principal(d.officer(), d.officer(), d.payer(), Set.of(Role.CHIEF), "settlement");
    String note = "兑现 " + st.id() + " " + d.amountFen() + " 分 " + d.paidOn();
    return informants
        .reward(chief, d.leadId(), new RewardRequest(d.officer(), RewardStatus.PAID, note))
        .mapEmpty();
  }

  /** Takes an entry seen on the grid: verified, signed by its payer, under the payer's key. */
  public Future<Boolean> receive(String key, String json) {
    Settlement st;
    SignedEnvelope env;
    try {
      env = SignedEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
      st = TYPE.equals(env.payload().path("type").asText()) ? settlement(env) : null;
    } catch (RuntimeException e) {
      env = null;
      st = null;
    }
    if (st == null
        || !trust.verify(env).isValid()
        || !env.signer().equals(st.entry().payer())
        || !key.equals(st.id())
        || !key.startsWith("settlement-" + env.signer().code() + "-")) {
      return quarantine
          .add(key, "BAD_SETTLEMENT", "signature, payer, key or content wrong", json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    String wrong = implausible(st, env);
    if (wrong != null) {
      return quarantine
          .add(key, "BAD_SETTLEMENT", wrong, json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    SignedEnvelope verified = env;
    Settlement taken = st;
    return store
        .call(
            s -> {
              String fork = forked(s, taken, verified);
              if (fork != null) {
                return fork;
              }
              return SignedRecords.put(s, key, KIND, verified) ? "" : null;
            })
        .compose(
            result -> {
              if (result == null) {
                return reconciler.repair(key, json).map(false);
              }
              if (!result.isEmpty()) {
                return quarantine
                    .add(key, "BAD_SETTLEMENT", result, json)
                    .compose(v -> reconciler.repair(key, json))
                    .map(false);
              }
              return Future.succeededFuture(true);
            });
  }

  /**
   * What a payer's own signature does not make right (review-4 R4-7): the officer is one of the
   * payer's, and the day paid is not after the day signed (Asia/Shanghai) — no entry dated into a
   * quarter not yet reached. Null when plausible.
   */
  static String implausible(Settlement st, SignedEnvelope env) {
    SettlementDraft d = st.entry();
    if (!st.id().matches("settlement-" + d.payer().code() + "-[1-9][0-9]{0,17}")) {
      return "key " + st.id() + " is not settlement-<payer>-<n>";
    }
    if (!d.officer().startsWith(d.payer().code() + "-")) {
      return "officer " + d.officer() + " is not one of the payer's";
    }
    LocalDate signedOn = LocalDate.ofInstant(env.signedAt(), Period.ZONE);
    if (d.paidOn().isAfter(signedOn)) {
      return "paid on " + d.paidOn() + ", after it was signed (" + signedOn + ")";
    }
    return null;
  }

  /**
   * A fork of the payer's chain: entry n whose {@code prevHash} is not the hash of entry n-1 held
   * here (the first entry: the genesis hash). Null when it chains, or n-1 is not held yet.
   */
  private static String forked(Store s, Settlement st, SignedEnvelope env) {
    long n = number(st.id());
    String expected;
    if (n == 1) {
      expected = Hashes.GENESIS;
    } else {
      Optional<SignedEnvelope> before =
          s.record(key(st.entry().payer().code(), n - 1))
              .filter(r -> KIND.equals(r.kind()))
              .map(r -> SignedRecords.envelope(r.body()));
      if (before.isEmpty()) {
        return null;
      }
      expected = before.get().hash();
    }
    return expected.equals(env.prevHash())
        ? null
        : "not chained to the payer's entry " + (n - 1) + " (a fork)";
  }

  /** Every entry this node holds, by payer then number. */
  public Future<List<Settlement>> list() {
    return store.call(s -> of(s, null));
  }

  static List<Settlement> of(Store s, String payer) {
    List<Settlement> out = new ArrayList<>();
    String where = payer == null ? "1=1" : "origin = ?";
    List<Object> args = payer == null ? List.of() : List.of(payer);
    for (StoredRecord r : s.recordsWhere(KIND, where, args, null, 100_000)) {
      out.add(settlement(SignedRecords.envelope(r.body())));
    }
    out.sort(
        Comparator.comparing((Settlement x) -> x.entry().payer())
            .thenComparingLong(x -> number(x.id())));
    return out;
  }

  private static long number(String id) {
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
  }

  static Settlement settlement(SignedEnvelope env) {
    try {
      SettlementDraft d =
          Json.mapper().treeToValue(env.payload().path("entry"), SettlementDraft.class);
      return new Settlement(env.payload().path("id").asText(), d, env.signedAt(), env.hash());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("settlement unreadable", e);
    }
  }
}
