package io.liaison.node.price;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.price.AgreedPrice;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.Retailer;
import io.liaison.api.price.RetailerVisit;
import io.liaison.api.price.SelfDisciplineGroup;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SignedRoster;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.price.internal.PriceKeys;
import io.liaison.node.price.internal.PriceRecord;
import io.liaison.node.price.internal.PriceRecords;
import io.liaison.node.price.internal.SignedChain;
import io.liaison.node.trust.TrustService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real keys and a real signed roster for three bureaus (兴和县, 天镇县, 阳高县), and signed price records
 * built with them, for tests of the read model and figures without a cluster.
 */
final class PriceFixtures {
  static final BureauId XINGHE = BureauId.of("150924");
  static final BureauId TIANZHEN = BureauId.of("140222");
  static final BureauId YANGGAO = BureauId.of("140221");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final Map<BureauId, TrustService> trust = new HashMap<>();
  private final Map<String, SignedChain> chains = new HashMap<>();

  PriceFixtures() {
    SigningKeyPair authority = SigningKeyPair.generate();
    List<BureauKeys> keys = new ArrayList<>();
    List<Member> members = new ArrayList<>();
    for (BureauId b : List.of(XINGHE, TIANZHEN, YANGGAO)) {
      BureauKeys k = BureauKeys.generate(b);
      keys.add(k);
      members.add(new Member(b, "局" + b, "省", List.of(), k.memberKeys(T0)));
    }
    SignedRoster roster = new RosterAuthority(authority).sign(new Roster(1, T0, members));
    for (BureauKeys k : keys) {
      trust.put(k.bureau(), new TrustService(k, authority.publicKey(), roster));
    }
  }

  /** Appends a signed version to the record under {@code key} and reads it as {@code reader}. */
  PriceRecord append(String key, ObjectNode payload, BureauId reader) {
    BureauId owner = PriceKeys.owner(key);
    SignedChain cur = chains.get(key);
    SignedEnvelope env =
        trust
            .get(owner)
            .sign(payload, cur == null ? Hashes.GENESIS : cur.last().hash(), Instant.now());
    SignedChain next = cur == null ? SignedChain.of(key, env) : cur.append(env);
    chains.put(key, next);
    return PriceRecords.read(
        SignedChain.verify(key, next.json(), trust.get(reader)), trust.get(reader));
  }

  SignedChain chain(String key) {
    return chains.get(key);
  }

  static Retailer retailer(String licence, String name) {
    return new Retailer(licence, name, "城关镇");
  }

  static SelfDisciplineGroup group(String id, BureauId b, long version, Retailer... members) {
    return new SelfDisciplineGroup(
        id, b, "县" + b, "城关镇", "明码实价自律小组" + id, b + "营销部", List.of(members), version);
  }

  static PriceAgreement agreement(
      String groupId, BureauId b, String validFrom, long version, AgreedPrice... prices) {
    return new PriceAgreement(
        groupId, b, LocalDate.parse(validFrom), List.of(prices), null, version);
  }

  static CheckPlan plan(String id, BureauId checking, BureauId checked, List<String> retailers) {
    return new CheckPlan(
        id,
        checking,
        checked,
        List.of(),
        retailers,
        LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-12-31"),
        List.of("officer-a", "officer-b"),
        "不定期价格互查",
        T0);
  }

  /** Signs a plan (sealed) and then findings of {@code visits}; read by {@code reader}. */
  PriceRecord check(CheckPlan plan, List<RetailerVisit> visits, BureauId reader) {
    String key = PriceKeys.of(PriceKeys.CHECK, plan.id());
    append(
        key, PriceRecords.plan(plan, trust.get(plan.checkingBureau()), plan.plannedAt()), reader);
    return append(key, PriceRecords.findings(plan, "officer-a", visits), reader);
  }
}
