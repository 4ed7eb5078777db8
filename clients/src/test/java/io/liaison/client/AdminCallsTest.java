package io.liaison.client;

import static io.liaison.client.RecordedNode.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.access.Role;
import io.liaison.api.access.Tokens;
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
