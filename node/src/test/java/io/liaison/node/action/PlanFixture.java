package io.liaison.node.action;

import io.liaison.api.BureauId;
import io.liaison.api.action.Commitment;
import io.liaison.api.action.Communications;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanTarget;
import io.liaison.api.action.StepRequest;
import io.liaison.api.action.TargetKind;
import io.liaison.api.action.TimeWindow;
import io.liaison.api.cases.EntityType;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SignedRoster;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.trust.TrustService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Four real bureaus (keys, signed roster, trust) and plans for unit tests of the plan chain. */
final class PlanFixture {
  static final BureauId XINGHE = BureauId.of("150924");
  static final BureauId TIANZHEN = BureauId.of("140222");
  static final BureauId HUAIAN = BureauId.of("130728");
  static final BureauId YANGGAO = BureauId.of("140221");
  static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

  final Map<BureauId, BureauKeys> keys = new LinkedHashMap<>();
  final Map<BureauId, TrustService> trust = new LinkedHashMap<>();

  PlanFixture() {
    SigningKeyPair authority = SigningKeyPair.generate();
    List<Member> members = new ArrayList<>();
    for (BureauId b : List.of(XINGHE, TIANZHEN, HUAIAN, YANGGAO)) {
      BureauKeys k = BureauKeys.generate(b);
      keys.put(b, k);
      members.add(
          new Member(
              b,
              "局" + b,
              "省",
              List.of(),
              List.of(
                  MemberKey.signing(k.signing(), T0.minusSeconds(3600)),
                  MemberKey.sealing(k.sealing(), T0.minusSeconds(3600)))));
    }
    SignedRoster roster =
        new RosterAuthority(authority).sign(new Roster(1, T0.minusSeconds(3600), members));
    keys.forEach((b, k) -> trust.put(b, new TrustService(k, authority.publicKey(), roster)));
  }

  static PlanContent plan(BureauId lead, List<BureauId> others, String plate, String place) {
    List<Commitment> c = new ArrayList<>();
    c.add(new Commitment(lead, 2, 5, 2, List.of("张局长"), List.of("封控仓库")));
    for (BureauId b : others) {
      c.add(new Commitment(b, 1, 2, 1, List.of("李科长"), List.of("设卡查堵")));
    }
    return new PlanContent(
        "蒙J·5Q318 运烟网络联合行动",
        PlanKind.NETWORK_CASE,
        lead,
        c,
        List.of("公安机关"),
        List.of(new PlanTarget(TargetKind.VEHICLE, "白色面包车", EntityType.PLATE, plate, null)),
        List.of(place),
        place + "集结点",
        new TimeWindow(T0.plusSeconds(86_400), T0.plusSeconds(3 * 86_400)),
        new Communications("对讲机三频道", List.of("猎鹰一号")),
        "遇暴力抗法立即报警",
        List.of(),
        List.of(),
        List.of("net-x"));
  }

  PlanSealing sealing(BureauId b) {
    return new PlanSealing(trust.get(b));
  }

  PlanRecord create(String id, PlanContent plan) {
    BureauId lead = plan.leadBureau();
    SignedEnvelope env =
        trust
            .get(lead)
            .sign(
                PlanSteps.version(id, PlanEvent.CREATE, "officer", 1, plan, sealing(lead), T0),
                Hashes.GENESIS,
                T0);
    return PlanRecord.create(id, env);
  }

  PlanRecord revise(PlanRecord rec, PlanContent plan) {
    BureauId lead = plan.leadBureau();
    Instant at = T0.plusSeconds(rec.envelopes().size());
    return rec.append(
        trust
            .get(lead)
            .sign(
                PlanSteps.version(
                    rec.id(),
                    PlanEvent.REVISE,
                    "officer",
                    rec.version() + 1,
                    plan,
                    sealing(lead),
                    at),
                rec.last().hash(),
                at));
  }

  SignedEnvelope sign(PlanRecord rec, BureauId by, StepRequest r) {
    Instant at = T0.plusSeconds(rec.envelopes().size());
    return trust.get(by).sign(PlanSteps.step(rec, r, sealing(by), at), rec.last().hash(), at);
  }

  PlanRecord step(PlanRecord rec, BureauId by, PlanEvent e) {
    return rec.append(sign(rec, by, req(e)));
  }

  static StepRequest req(PlanEvent e) {
    String text =
        switch (e) {
          case BRIEF, FOLLOW_UP, CANCEL -> "文字";
          default -> null;
        };
    return new StepRequest(e, "officer", null, text, null, null, null, null);
  }
}
