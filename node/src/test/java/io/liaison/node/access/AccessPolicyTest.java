package io.liaison.node.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.access.Role;
import io.vertx.core.http.HttpMethod;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy table, every role × every action, written out a second time by hand. */
class AccessPolicyTest {
  static final Map<Action, Set<Role>> EXPECTED =
      Map.ofEntries(
          Map.entry(
              Action.LEAD_READ,
              EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR)),
          Map.entry(Action.LEAD_WRITE, EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF)),
          Map.entry(
              Action.EVENTS_READ,
              EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.PRICE_CHECKER)),
          Map.entry(
              Action.CASE_READ,
              EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR)),
          Map.entry(Action.CASE_WRITE, EnumSet.of(Role.INVESTIGATOR, Role.CHIEF)),
          Map.entry(Action.DEMO_SEED, EnumSet.of(Role.ADMIN)),
          Map.entry(
              Action.SEARCH, EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR)),
          Map.entry(
              Action.ACTION_READ,
              EnumSet.of(
                  Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR, Role.SUPERVISOR)),
          Map.entry(Action.ACTION_WRITE, EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF)),
          Map.entry(Action.ROSTER_READ, EnumSet.allOf(Role.class)),
          Map.entry(Action.ROSTER_PUBLISH, EnumSet.of(Role.ADMIN)),
          Map.entry(Action.DIRECTORY_WRITE, EnumSet.of(Role.LIAISON, Role.CHIEF, Role.ADMIN)),
          Map.entry(Action.QUARANTINE_READ, EnumSet.of(Role.ADMIN, Role.AUDITOR)),
          Map.entry(Action.AUDIT_READ, EnumSet.of(Role.AUDITOR, Role.ADMIN, Role.CHIEF)),
          Map.entry(Action.ACCESS_LOG_READ, EnumSet.of(Role.AUDITOR, Role.ADMIN)),
          Map.entry(Action.BACKUP, EnumSet.of(Role.ADMIN)),
          Map.entry(Action.OFFICER_ADMIN, EnumSet.of(Role.ADMIN)),
          Map.entry(Action.METRICS_READ, EnumSet.of(Role.ADMIN, Role.AUDITOR)),
          Map.entry(Action.SELF, EnumSet.allOf(Role.class)),
          Map.entry(
              Action.PRICE_READ,
              EnumSet.of(
                  Role.PRICE_CHECKER, Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR)),
          Map.entry(Action.PRICE_WRITE, EnumSet.of(Role.PRICE_CHECKER, Role.CHIEF)),
          Map.entry(
              Action.REPORT_READ,
              EnumSet.of(
                  Role.LIAISON,
                  Role.INVESTIGATOR,
                  Role.CHIEF,
                  Role.AUDITOR,
                  Role.SUPERVISOR,
                  Role.PRICE_CHECKER)),
          Map.entry(Action.REPORT_WRITE, EnumSet.of(Role.CHIEF)),
          Map.entry(Action.SETTINGS_READ, EnumSet.allOf(Role.class)),
          Map.entry(Action.SETTINGS_AGREE, EnumSet.of(Role.CHIEF)),
          Map.entry(
              Action.AREA_READ,
              EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR)),
          Map.entry(Action.AREA_WRITE, EnumSet.of(Role.CHIEF)),
          Map.entry(
              Action.FORM_READ,
              EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR)),
          Map.entry(Action.FORM_WRITE, EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF)),
          Map.entry(
              Action.INFORMANT_READ,
              EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR)),
          Map.entry(
              Action.INFORMANT_WRITE, EnumSet.of(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF)),
          Map.entry(Action.INFORMANT_REWARD, EnumSet.of(Role.CHIEF)),
          Map.entry(
              Action.MAJOR_READ,
              EnumSet.of(
                  Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR, Role.SUPERVISOR)),
          Map.entry(
              Action.REWARD_READ,
              EnumSet.of(
                  Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF, Role.AUDITOR, Role.SUPERVISOR)),
          Map.entry(Action.REWARD_WRITE, EnumSet.of(Role.CHIEF)));

  @Test
  void everyRoleAndActionIsAsWrittenDown() {
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Action.values());
    for (Action a : Action.values()) {
      for (Role r : Role.values()) {
        assertThat(AccessPolicy.allows(Set.of(r), a))
            .as("%s × %s", r, a)
            .isEqualTo(EXPECTED.get(a).contains(r));
      }
    }
  }

  @Test
  void routesMapToActionsAndUnknownRoutesToNothing() {
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/cases/demo"))
        .contains(Action.DEMO_SEED);
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/cases"))
        .contains(Action.CASE_WRITE);
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/leads"))
        .contains(Action.LEAD_WRITE);
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/leads/150924-20260101-ABCDEFGH"))
        .contains(Action.LEAD_READ);
    assertThat(
            AccessPolicy.actionFor(
                HttpMethod.POST, "/api/v1/leads/150924-20260101-ABCDEFGH/transitions"))
        .contains(Action.LEAD_WRITE);
    assertThat(
            AccessPolicy.actionFor(
                HttpMethod.POST, "/api/v1/informants/reports/150924-20260101-ABCDEFGH/open"))
        .contains(Action.INFORMANT_WRITE);
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/informants/reports"))
        .contains(Action.INFORMANT_READ);
    assertThat(AccessPolicy.actionFor(HttpMethod.DELETE, "/api/v1/informants/keys")).isEmpty();
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/admin/roster"))
        .contains(Action.ROSTER_PUBLISH);
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/actions/act-1/steps"))
        .contains(Action.ACTION_WRITE);
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/actions/conflicts"))
        .contains(Action.ACTION_READ);
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/price/checks/x/import"))
        .contains(Action.PRICE_WRITE);
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/price/compliance"))
        .contains(Action.PRICE_READ);
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/reports/regional"))
        .contains(Action.REPORT_READ);
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/reports/150924/2026Q2/acks"))
        .contains(Action.REPORT_WRITE);
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/reports/150924/2026Q2/html"))
        .contains(Action.REPORT_READ);
    // the supervisor reads the major-case alerts without the event feed (least access)
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/major-cases"))
        .contains(Action.MAJOR_READ);
    assertThat(AccessPolicy.allows(Set.of(Role.SUPERVISOR), Action.MAJOR_READ)).isTrue();
    assertThat(AccessPolicy.allows(Set.of(Role.SUPERVISOR), Action.EVENTS_READ)).isFalse();
    assertThat(AccessPolicy.allows(Set.of(Role.SUPERVISOR), Action.CASE_READ)).isFalse();
    // the reward ledger: reading for the readers, signing (rule, payment) for the chief only
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/rewards/statement"))
        .contains(Action.REWARD_READ);
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/rewards/csv/balances"))
        .contains(Action.REWARD_READ);
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/rewards/rules/2/agreement"))
        .contains(Action.REWARD_WRITE);
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/rewards/settlements"))
        .contains(Action.REWARD_WRITE);
    assertThat(AccessPolicy.actionFor(HttpMethod.POST, "/api/v1/rewards/credits")).isEmpty();
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/rewards/identities")).isEmpty();
    assertThat(AccessPolicy.actionFor(HttpMethod.DELETE, "/api/v1/roster")).isEmpty();
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/secret")).isEmpty();
    assertThat(AccessPolicy.actionFor(HttpMethod.GET, "/api/v1/leads/../admin/backup")).isEmpty();
  }
}
