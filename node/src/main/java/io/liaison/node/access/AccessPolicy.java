package io.liaison.node.access;

import static io.liaison.api.access.Role.ADMIN;
import static io.liaison.api.access.Role.AUDITOR;
import static io.liaison.api.access.Role.CHIEF;
import static io.liaison.api.access.Role.INVESTIGATOR;
import static io.liaison.api.access.Role.LIAISON;
import static io.liaison.api.access.Role.PRICE_CHECKER;
import static io.liaison.api.access.Role.SUPERVISOR;

import io.liaison.api.access.Role;
import io.vertx.core.http.HttpMethod;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one authorisation policy: which roles may do each {@link Action}, and which action each API
 * route is. A route that is not in the table is refused (default deny), so a new endpoint must be
 * added here before anyone can call it.
 */
public final class AccessPolicy {
  private static final Map<Action, Set<Role>> ALLOWED = new EnumMap<>(Action.class);

  static {
    ALLOWED.put(Action.LEAD_READ, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR));
    ALLOWED.put(Action.LEAD_WRITE, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF));
    ALLOWED.put(Action.EVENTS_READ, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, PRICE_CHECKER));
    ALLOWED.put(Action.CASE_READ, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR));
    ALLOWED.put(Action.CASE_WRITE, EnumSet.of(INVESTIGATOR, CHIEF));
    ALLOWED.put(Action.DEMO_SEED, EnumSet.of(ADMIN));
    ALLOWED.put(Action.ACTION_READ, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR, SUPERVISOR));
    ALLOWED.put(Action.ACTION_WRITE, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF));
    ALLOWED.put(Action.SEARCH, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR));
    ALLOWED.put(Action.ROSTER_READ, EnumSet.allOf(Role.class));
    ALLOWED.put(Action.ROSTER_PUBLISH, EnumSet.of(ADMIN));
    ALLOWED.put(Action.DIRECTORY_WRITE, EnumSet.of(LIAISON, CHIEF, ADMIN));
    ALLOWED.put(Action.QUARANTINE_READ, EnumSet.of(ADMIN, AUDITOR));
    ALLOWED.put(Action.AUDIT_READ, EnumSet.of(AUDITOR, ADMIN, CHIEF));
    ALLOWED.put(Action.ACCESS_LOG_READ, EnumSet.of(AUDITOR, ADMIN));
    ALLOWED.put(Action.BACKUP, EnumSet.of(ADMIN));
    ALLOWED.put(Action.OFFICER_ADMIN, EnumSet.of(ADMIN));
    ALLOWED.put(Action.METRICS_READ, EnumSet.of(ADMIN, AUDITOR));
    ALLOWED.put(Action.SELF, EnumSet.allOf(Role.class));
    ALLOWED.put(
        Action.PRICE_READ, EnumSet.of(PRICE_CHECKER, LIAISON, INVESTIGATOR, CHIEF, AUDITOR));
    ALLOWED.put(Action.PRICE_WRITE, EnumSet.of(PRICE_CHECKER, CHIEF));
    ALLOWED.put(
        Action.REPORT_READ,
        EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR, SUPERVISOR, PRICE_CHECKER));
    ALLOWED.put(Action.REPORT_WRITE, EnumSet.of(CHIEF));
    ALLOWED.put(Action.SETTINGS_READ, EnumSet.allOf(Role.class));
    ALLOWED.put(Action.SETTINGS_AGREE, EnumSet.of(CHIEF));
    ALLOWED.put(Action.AREA_READ, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR));
    ALLOWED.put(Action.AREA_WRITE, EnumSet.of(CHIEF));
    ALLOWED.put(Action.FORM_READ, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR));
    ALLOWED.put(Action.FORM_WRITE, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF));
    ALLOWED.put(Action.INFORMANT_READ, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR));
    ALLOWED.put(Action.INFORMANT_WRITE, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF));
    ALLOWED.put(Action.REWARD_READ, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR, SUPERVISOR));
    ALLOWED.put(Action.REWARD_WRITE, EnumSet.of(CHIEF));
    ALLOWED.put(Action.INFORMANT_REWARD, EnumSet.of(CHIEF));
    ALLOWED.put(Action.MAJOR_READ, EnumSet.of(LIAISON, INVESTIGATOR, CHIEF, AUDITOR, SUPERVISOR));
  }

  private record Route(Set<HttpMethod> methods, Pattern path, Action action) {}

  private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);
  private static final Set<HttpMethod> WRITE =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private static final List<Route> ROUTES =
      List.of(
          new Route(
              READ, Pattern.compile("/api/v1/leads(/[^/]+(/superseded)?)?"), Action.LEAD_READ),
          new Route(
              WRITE, Pattern.compile("/api/v1/leads(/[^/]+/transitions)?"), Action.LEAD_WRITE),
          new Route(READ, Pattern.compile("/api/v1/inbox"), Action.LEAD_READ),
          new Route(READ, Pattern.compile("/api/v1/attachments/[0-9a-f]{64}"), Action.LEAD_READ),
          new Route(
              Set.of(HttpMethod.POST), Pattern.compile("/api/v1/attachments"), Action.LEAD_WRITE),
          new Route(READ, Pattern.compile("/api/v1/events"), Action.EVENTS_READ),
          new Route(READ, Pattern.compile("/api/v1/cases(/.*)?"), Action.CASE_READ),
          new Route(
              Set.of(HttpMethod.POST), Pattern.compile("/api/v1/cases/demo"), Action.DEMO_SEED),
          new Route(WRITE, Pattern.compile("/api/v1/cases(/.*)?"), Action.CASE_WRITE),
          new Route(READ, Pattern.compile("/api/v1/search(/.*)?"), Action.SEARCH),
          new Route(READ, Pattern.compile("/api/v1/networks(/.*)?"), Action.SEARCH),
          new Route(WRITE, Pattern.compile("/api/v1/networks(/.*)?"), Action.CASE_WRITE),
          new Route(READ, Pattern.compile("/api/v1/actions(/.*)?"), Action.ACTION_READ),
          new Route(WRITE, Pattern.compile("/api/v1/actions(/.*)?"), Action.ACTION_WRITE),
          new Route(READ, Pattern.compile("/api/v1/meetings(/.*)?"), Action.ACTION_READ),
          new Route(WRITE, Pattern.compile("/api/v1/meetings(/.*)?"), Action.ACTION_WRITE),
          new Route(READ, Pattern.compile("/api/v1/roster"), Action.ROSTER_READ),
          new Route(READ, Pattern.compile("/api/v1/directory"), Action.ROSTER_READ),
          new Route(
              Set.of(HttpMethod.PUT), Pattern.compile("/api/v1/directory"), Action.DIRECTORY_WRITE),
          new Route(WRITE, Pattern.compile("/api/v1/admin/roster"), Action.ROSTER_PUBLISH),
          new Route(READ, Pattern.compile("/api/v1/admin/quarantine"), Action.QUARANTINE_READ),
          new Route(READ, Pattern.compile("/api/v1/audit/.*"), Action.AUDIT_READ),
          new Route(READ, Pattern.compile("/api/v1/admin/access-log"), Action.ACCESS_LOG_READ),
          new Route(WRITE, Pattern.compile("/api/v1/admin/backup"), Action.BACKUP),
          new Route(READ, Pattern.compile("/api/v1/admin/export/leads"), Action.BACKUP),
          new Route(WRITE, Pattern.compile("/api/v1/admin/import/leads"), Action.BACKUP),
          new Route(
              Set.of(HttpMethod.GET, HttpMethod.POST),
              Pattern.compile("/api/v1/admin/officers(/[^/]+)?"),
              Action.OFFICER_ADMIN),
          new Route(READ, Pattern.compile("/metrics"), Action.METRICS_READ),
          new Route(READ, Pattern.compile("/api/v1/price(/.*)?"), Action.PRICE_READ),
          new Route(WRITE, Pattern.compile("/api/v1/price(/.*)?"), Action.PRICE_WRITE),
          new Route(READ, Pattern.compile("/api/v1/reports(/.*)?"), Action.REPORT_READ),
          new Route(WRITE, Pattern.compile("/api/v1/reports(/.*)?"), Action.REPORT_WRITE),
          new Route(READ, Pattern.compile("/api/v1/settings"), Action.SETTINGS_READ),
          new Route(
              Set.of(HttpMethod.POST),
              Pattern.compile("/api/v1/settings(/[0-9]+/agreement)?"),
              Action.SETTINGS_AGREE),
          new Route(READ, Pattern.compile("/api/v1/area(/touches)?"), Action.AREA_READ),
          new Route(Set.of(HttpMethod.PUT), Pattern.compile("/api/v1/area"), Action.AREA_WRITE),
          new Route(READ, Pattern.compile("/api/v1/forms(/[^/]+(/print)?)?"), Action.FORM_READ),
          new Route(Set.of(HttpMethod.POST), Pattern.compile("/api/v1/forms"), Action.FORM_WRITE),
          new Route(READ, Pattern.compile("/api/v1/major-leads"), Action.MAJOR_READ),
          new Route(
              READ,
              Pattern.compile("/api/v1/informants/(keys|reports(/[^/]+)?)"),
              Action.INFORMANT_READ),
          new Route(
              WRITE,
              Pattern.compile("/api/v1/informants/(keys/me|reports(/[^/]+/(reward|open|reseal))?)"),
              Action.INFORMANT_WRITE),
          new Route(READ, Pattern.compile("/api/v1/major-cases"), Action.MAJOR_READ),
          new Route(
              READ,
              Pattern.compile(
                  "/api/v1/rewards/(rules|settlements|credits|statement|xlsx|csv/[a-z]+)"),
              Action.REWARD_READ),
          new Route(
              Set.of(HttpMethod.POST),
              Pattern.compile("/api/v1/rewards/(rules(/[0-9]+/agreement)?|settlements)"),
              Action.REWARD_WRITE),
          new Route(READ, Pattern.compile("/api/v1/auth/me"), Action.SELF),
          new Route(WRITE, Pattern.compile("/api/v1/auth/logout"), Action.SELF));

  private AccessPolicy() {}

  /** Whether any of {@code roles} may do {@code action}. */
  public static boolean allows(Set<Role> roles, Action action) {
    Set<Role> allowed = ALLOWED.getOrDefault(action, Set.of());
    return roles.stream().anyMatch(allowed::contains);
  }

  /** The roles allowed to do {@code action}. */
  public static Set<Role> rolesFor(Action action) {
    return ALLOWED.getOrDefault(action, Set.of());
  }

  /** The action of a request, or empty when the route is not in the table (then: refuse). */
  public static Optional<Action> actionFor(HttpMethod method, String path) {
    for (Route r : ROUTES) {
      if (r.methods().contains(method) && r.path().matcher(path).matches()) {
        return Optional.of(r.action());
      }
    }
    return Optional.empty();
  }
}
