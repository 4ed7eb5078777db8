package io.liaison.node.price;

import io.liaison.api.BureauId;
import io.liaison.api.price.AgreementView;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.CheckView;
import io.liaison.api.price.FindingsRequest;
import io.liaison.api.price.GroupView;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceMeeting;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.Retailer;
import io.liaison.api.price.RetailerVisit;
import io.liaison.api.price.SelfDisciplineGroup;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.NotFound;
import io.liaison.node.domain.Refused;
import io.liaison.node.price.internal.PriceKeys;
import io.liaison.node.price.internal.PriceRecord;
import io.liaison.node.price.internal.PriceRecords;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What this bureau's officers do with price records, checked against the rules before anything is
 * signed: keep groups and agreements (own bureau only, versions numbered by the node), set the
 * price settings, plan a check of a neighbour's retailers, record its findings (visits within the
 * plan's dates and targets), record a visit or joint meeting.
 */
public final class PriceWrites {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final PriceService service;
  private final BureauId self;

  public PriceWrites(PriceService service) {
    this.service = service;
    this.self = service.trust().bureau();
  }

  /** A group of this bureau: the first version, or the next one. */
  public Future<GroupView> saveGroup(SelfDisciplineGroup g) {
    own(g.bureau(), "/bureau");
    return service
        .sign(
            PriceKeys.of(PriceKeys.GROUP, g.id()),
            cur ->
                PriceRecords.group(
                    g.withVersion(
                        cur.map(c -> ((PriceRecord.Group) c).versions().size() + 1L).orElse(1L))))
        .map(r -> service.book().group(g.id()).orElseThrow());
  }

  /** A new version of a group's agreement, in force from its {@code validFrom}. */
  public Future<AgreementView> addAgreement(PriceAgreement a) {
    own(a.bureau(), "/bureau");
    if (service.book().currentGroup(a.groupId()).isEmpty()) {
      throw new Invalid(
          "unknown-group", "no group " + a.groupId() + "; create it first", "/groupId");
    }
    return service
        .sign(
            PriceKeys.of(PriceKeys.AGREEMENT, a.groupId()),
            cur ->
                PriceRecords.agreement(
                    a.withVersion(
                        cur.map(c -> ((PriceRecord.Agreement) c).versions().size() + 1L)
                            .orElse(1L))))
        .map(r -> service.book().agreement(a.groupId(), a.validFrom()).orElseThrow());
  }

  public Future<PriceSettings> saveSettings(PriceSettings s) {
    own(s.bureau(), "/bureau");
    return service
        .sign(
            PriceKeys.of(PriceKeys.SETTINGS, self.code()),
            cur ->
                PriceRecords.settings(
                    s.withVersion(
                        cur.map(c -> ((PriceRecord.Settings) c).versions().size() + 1L)
                            .orElse(1L))))
        .map(r -> service.book().settings(self));
  }

  /** Plans a check; the plan is sealed to this bureau until findings are recorded. */
  public Future<CheckView> plan(CheckPlan draft) {
    own(draft.checkingBureau(), "/checkingBureau");
    if (!service.trust().isMember(draft.checkedBureau())) {
      throw new Invalid(
          "unknown-bureau", draft.checkedBureau() + " is not a member bureau", "/checkedBureau");
    }
    for (int i = 0; i < draft.targetGroups().size(); i++) {
      if (service.book().currentGroup(draft.targetGroups().get(i)).isEmpty()) {
        throw new Invalid(
            "unknown-group", "no group " + draft.targetGroups().get(i), "/targetGroups/" + i);
      }
    }
    String id = newId(LocalDate.now(PriceBook.ZONE));
    CheckPlan plan = draft.assigned(id, self, service.now());
    return service
        .sign(
            PriceKeys.of(PriceKeys.CHECK, id),
            cur -> PriceRecords.plan(plan, service.trust(), plan.plannedAt()))
        .compose(r -> service.check(id))
        .map(Optional::orElseThrow);
  }

  /** Records findings of one of this bureau's checks (the first recording unseals the plan). */
  public Future<CheckView> record(String checkId, FindingsRequest req) {
    PriceBook.CheckEntry check =
        service
            .book()
            .checkEntry(checkId)
            .filter(c -> c.plan() != null)
            .orElseThrow(() -> new NotFound("no check " + checkId));
    if (!check.checkingBureau().equals(self)) {
      throw new Refused(
          "not-own-bureau",
          "Not allowed for this bureau",
          "findings are recorded by the checking bureau " + check.checkingBureau());
    }
    CheckPlan plan = check.plan();
    Set<String> targets = targets(plan);
    for (int i = 0; i < req.visits().size(); i++) {
      RetailerVisit v = req.visits().get(i);
      LocalDate day = v.at().atZone(PriceBook.ZONE).toLocalDate();
      if (day.isBefore(plan.from()) || day.isAfter(plan.to())) {
        throw new Invalid(
            "outside-plan",
            "visit on " + day + " is outside the plan (" + plan.from() + " – " + plan.to() + ")",
            "/visits/" + i + "/at");
      }
      if (!targets.contains(v.licence())) {
        throw new Invalid(
            "not-a-target",
            "retailer " + v.licence() + " is not a target of this check",
            "/visits/" + i + "/licence");
      }
    }
    return service
        .sign(
            PriceKeys.of(PriceKeys.CHECK, checkId),
            cur -> PriceRecords.findings(plan, req.officer(), req.visits()))
        .compose(r -> service.check(checkId))
        .map(Optional::orElseThrow);
  }

  /** The licences a plan covers: its retailers and the members of its groups. */
  Set<String> targets(CheckPlan plan) {
    Set<String> out = new HashSet<>(plan.targetRetailers());
    for (String g : plan.targetGroups()) {
      service
          .book()
          .currentGroup(g)
          .ifPresent(x -> x.members().stream().map(Retailer::licence).forEach(out::add));
    }
    return out;
  }

  public Future<PriceMeeting> recordMeeting(PriceMeeting m) {
    own(m.bureau(), "/bureau");
    String id = newId(m.on());
    PriceMeeting withId = m.withId(id, self);
    return service
        .sign(PriceKeys.of(PriceKeys.MEETING, id), cur -> PriceRecords.meeting(withId))
        .map(r -> withId);
  }

  private String newId(LocalDate day) {
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    return self.code() + "-" + day.format(DAY) + "-" + HexFormat.of().formatHex(b);
  }

  private void own(BureauId bureau, String field) {
    if (!bureau.equals(self)) {
      throw new Refused(
          "not-own-bureau",
          "Not allowed for this bureau",
          "a node keeps the price records of its own bureau (" + self + ") only",
          field);
    }
  }

  /** The groups of this bureau (for the routes' listing defaults). */
  List<GroupView> ownGroups() {
    return service.book().groups(self);
  }
}
