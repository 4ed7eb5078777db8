package io.liaison.client;

import static io.liaison.client.RecordedNode.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The administrator's and auditor's calls, on answers recorded from a real node. */
class AdminCallsTest {
  private static final String JSON = "application/json; charset=utf-8";

  private final RecordedNode node = new RecordedNode();
  private final TokenStore store = TokenStore.inMemory();
  private final LiaisonClient client =
      LiaisonClient.builder(node.uri())
          .tokenStore(store)
          .clock(TestClock.at("2026-11-26T14:00:00Z"))
          .build();
  private final Tokens signedIn;

  AdminCallsTest() throws Exception {
    signedIn = Answers.READER.readValue(recorded("auth-login.json"), Tokens.class);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void administratorsEnrolAndListOfficersAndReadTheAccessLog() throws Exception {
    store.save(signedIn);
    node.on("POST", "/api/v1/admin/officers", 201, JSON, "officers-add.json");
    node.on("GET", "/api/v1/admin/officers", 200, JSON, "officers-list.json");
    node.on("GET", "/api/v1/admin/access-log", 200, JSON, "access-log.json");

    EnrolledOfficer added =
        client.enrolOfficer(
            new OfficerEnrolment(
                "150924-018",
                "赵敏",
                Set.of(Role.PRICE_CHECKER, Role.LIAISON),
                "demo-password-018",
                true));
    JsonNode sent = Json.mapper().readTree(node.last().body());
    List<OfficerSummary> officers = client.officers();
    List<AccessLogEntry> log = client.accessLog(new AccessLogQuery(4, 4, "150924-001"));

    assertThat(sent.path("roles").toString()).isEqualTo("[\"LIAISON\",\"PRICE_CHECKER\"]");
    assertThat(sent.path("totp").asBoolean()).isTrue();
    assertThat(added.totpUri()).startsWith("otpauth://totp/Liaison:150924-018?secret=");
    assertThat(officers).extracting(OfficerSummary::id).contains("150924-001", "150924-900");
    assertThat(officers.get(2).totp()).isTrue();
    assertThat(node.last().pathAndQuery())
        .isEqualTo("/api/v1/admin/access-log?after=4&limit=4&officer=150924-001");
    assertThat(log).hasSize(4);
    assertThat(log.get(0).officer()).isEqualTo("150924-001");
    assertThat(log.get(0).action()).isEqualTo("SELF");
    assertThat(log.get(1).officer()).isNull();
  }

  @Test
  void enrolmentsAreCheckedBeforeSending() {
    assertThatThrownBy(
            () -> new OfficerEnrolment("017", "王", Set.of(Role.LIAISON), "long-enough-pw", false))
        .hasMessageContaining("150924-017");
    assertThatThrownBy(
            () -> new OfficerEnrolment("150924-017", "王", Set.of(Role.LIAISON), "short", false))
        .hasMessageContaining("10 to 200");
    assertThat(
            new OfficerEnrolment("150924-017", "王", Set.of(Role.ADMIN), "long-enough-pw", false)
                .toString())
        .doesNotContain("long-enough-pw");
  }
}
