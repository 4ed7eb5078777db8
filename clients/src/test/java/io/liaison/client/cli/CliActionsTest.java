package io.liaison.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.client.RecordedNode;
import io.liaison.client.TestClock;
import io.liaison.client.cli.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code actions step} and {@code actions conflicts} against a node stand-in. */
class CliActionsTest {
  private static final String JSON = "application/json; charset=utf-8";

  @TempDir Path config;
  private CliHarness cli;
  private RecordedNode node;

  @BeforeEach
  void start() {
    cli = new CliHarness(config, TestClock.at("2026-11-26T13:10:00Z"));
    node = cli.node;
    node.on("GET", "/api/v1/roster", 200, JSON, "roster.json");
    node.on("POST", "/api/v1/auth/login", 200, JSON, "auth-login.json");
    cli.env.put("LIAISON_PASSWORD", "liaison-150924");
  }

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void approveSignsTheVersionReadInTheSignedInOfficersNameAndShowsWhoIsAwaited() throws Exception {
    node.on("POST", "/api/v1/actions/act-1/steps", 200, JSON, "action-plan.json");
    assertThat(cli.run("login", "--officer", "150924-001").code()).isZero();

    Result r = cli.run("actions", "step", "act-1", "approve", "--version", "2");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("网络案件联合行动")
        .contains("状态 待审批  版本 2")
        .contains("待签批 140222、130728")
        .contains("目标 车辆 车辆 蒙J5Q318（蒙J5Q318）");
    JsonNode sent = Json.mapper().readTree(cli.lastPost().body());
    assertThat(sent.get("event").asText()).isEqualTo("APPROVE");
    assertThat(sent.get("officer").asText()).isEqualTo("150924-001");
    assertThat(sent.get("version").asInt()).isEqualTo(2);
  }

  @Test
  void conflictsSayWhomToCall() {
    node.on("GET", "/api/v1/actions/conflicts", 200, JSON, "action-conflicts.json");

    Result r = cli.run("actions", "conflicts");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("目标重叠", "方案 act-1", "请联系 140221 赵联络 0352-6612345");
  }

  @Test
  void itemsListThisBureausOpenMeetingItemsByDueDate() {
    node.on("GET", "/api/v1/meetings/items", 200, JSON, "meeting-items.json");

    Result r = cli.run("actions", "items");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "共 1 项待办\n2026-12-10  mtg-0f8b1d1e-2c4a-4a57-9d0e-6a1b2c3d4e5f 第 1 项  摸排玉泉镇物流点\n");
  }
}
