package io.liaison.api.wire;

import static io.liaison.api.wire.WireAssert.assertSameJson;

import io.liaison.api.BureauId;
import io.liaison.api.access.AccessLog;
import io.liaison.api.access.AccessLogEntry;
import io.liaison.api.access.EnrolledOfficer;
import io.liaison.api.access.Me;
import io.liaison.api.access.OfficerList;
import io.liaison.api.access.OfficerSummary;
import io.liaison.api.access.Role;
import io.liaison.api.access.SignedInOfficer;
import io.liaison.api.access.Tokens;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The access answers as records serialise to exactly the JSON the node wrote when it built them as
 * maps (the maps below are the node's old code, field by field).
 */
class AccessWireTest {
  private static final BureauId B = BureauId.of("150924");
  private static final Set<Role> ROLES = EnumSet.of(Role.LIAISON, Role.ADMIN);
  private static final Instant AT = Instant.parse("2026-12-07T10:00:00.123Z");

  @Test
  void officerSummaryWithAndWithoutLockout() {
    for (Instant locked : new Instant[] {null, AT}) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", "150924-017");
      m.put("name", "王芳");
      m.put("roles", ROLES);
      m.put("disabled", false);
      if (locked != null) {
        m.put("lockedUntil", locked);
      }
      m.put("totp", true);
      OfficerSummary o = new OfficerSummary("150924-017", "王芳", ROLES, false, locked, true);
      assertSameJson(o, m);
      assertSameJson(new OfficerList(List.of(o)), Map.of("items", List.of(m)));
    }
  }

  @Test
  void enrolledOfficerWithAndWithoutTotp() {
    for (String uri : new String[] {null, "otpauth://totp/Liaison:150924-017?secret=AB&issuer=L"}) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", "150924-017");
      m.put("name", "王芳");
      m.put("roles", ROLES);
      if (uri != null) {
        m.put("totpUri", uri);
      }
      assertSameJson(new EnrolledOfficer("150924-017", "王芳", ROLES, uri), m);
    }
  }

  @Test
  void accessLogEntryBeforeSignInHasNoOfficerNorAction() {
    for (String who : new String[] {null, "150924-017"}) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", 7L);
      m.put("at", AT);
      m.put("officer", who);
      m.put("address", "127.0.0.1");
      m.put("method", "GET");
      m.put("path", "/api/v1/leads");
      m.put("status", 200);
      m.put("action", who == null ? null : "LEAD_READ");
      AccessLogEntry e =
          new AccessLogEntry(
              7,
              AT,
              who,
              "127.0.0.1",
              "GET",
              "/api/v1/leads",
              200,
              who == null ? null : "LEAD_READ");
      assertSameJson(e, m);
      assertSameJson(new AccessLog(List.of(e)), Map.of("items", List.of(m)));
    }
  }

  @Test
  void tokensAndMe() {
    Map<String, Object> officer = new LinkedHashMap<>();
    officer.put("id", "150924-017");
    officer.put("name", "王芳");
    officer.put("bureau", B);
    officer.put("roles", ROLES);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("accessToken", "a");
    t.put("refreshToken", "r");
    t.put("tokenType", "Bearer");
    t.put("expiresAt", AT);
    t.put("refreshExpiresAt", AT.plusSeconds(60));
    t.put("officer", officer);
    assertSameJson(
        new Tokens(
            "a",
            "r",
            "Bearer",
            AT,
            AT.plusSeconds(60),
            new SignedInOfficer("150924-017", "王芳", B, ROLES)),
        t);

    Map<String, Object> me = new LinkedHashMap<>();
    me.put("officer", "150924-017");
    me.put("name", "王芳");
    me.put("bureau", B);
    me.put("roles", ROLES);
    assertSameJson(new Me("150924-017", "王芳", B, ROLES), me);
  }
}
