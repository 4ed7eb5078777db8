package io.liaison.client.cli;

import static io.liaison.client.RecordedNode.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.client.RecordedNode;
import io.liaison.client.TestClock;
import io.liaison.client.cli.CliHarness.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in and out with the CLI, the kept tokens, the officer of posts, the messages for 401, 403
 * and 429, and the administrator's commands — against answers recorded from a real node.
 */
class CliSessionTest {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROBLEM = "application/problem+json";

  @TempDir Path config;

  /** 21:10 Beijing time; the recorded sign-in's access token lasts until 22:00:50. */
  private final TestClock clock = TestClock.at("2026-11-26T13:10:00Z");

  private CliHarness cli;
  private RecordedNode node;

  @BeforeEach
  void start() {
    cli = new CliHarness(config, clock);
    node = cli.node;
    node.on("GET", "/api/v1/roster", 200, JSON, "roster.json");
    node.on("POST", "/api/v1/auth/login", 200, JSON, "auth-login.json");
  }

  @AfterEach
  void stop() {
    cli.close();
  }

  private String bearer(String resource) throws Exception {
    return "Bearer " + Json.mapper().readTree(recorded(resource)).path("accessToken").asText();
  }

  private void signIn() {
    cli.env.put("LIAISON_PASSWORD", "liaison-150924");
    assertThat(cli.run("login", "--officer", "150924-001").code()).isZero();
    cli.env.remove("LIAISON_PASSWORD");
  }

  private void answer429(String method, String path, String seconds, String resource) {
    node.on(
        method,
        path,
        (x, r) -> {
          x.getResponseHeaders().set("Retry-After", seconds);
          RecordedNode.send(x, 429, PROBLEM, recorded(resource));
        });
  }

  @Test
  void loginKeepsTheTokensForThisNodeReadableByTheOwnerOnly() throws Exception {
    cli.env.put("LIAISON_PASSWORD", "liaison-150924");

    Result r = cli.run("login", "--officer", "150924-001");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("已登录 " + node.uri() + " · 150924-001 联络员24 · 150924 兴和县\n")
        .contains("角色        联络员、办案员、局领导")
        .contains("登录有效至  2026-11-26 23:00（访问令牌 2026-11-26 22:00 到期，自动续期）");
    JsonNode sent = Json.mapper().readTree(cli.lastPost().body());
    assertThat(sent.path("password").asText()).isEqualTo("liaison-150924");
    Path file = cli.tokenFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    JsonNode kept = Json.mapper().readTree(file.toFile()).path(node.uri().toString());
    assertThat(kept.path("officer").path("id").asText()).isEqualTo("150924-001");
    assertThat(kept.path("accessToken").asText()).isNotBlank();
  }

  @Test
  void loginAsksForTheOfficerAndThePasswordAtATerminal() throws Exception {
    cli.typing("150924-001", "liaison-150924");

    Result r = cli.run("login");

    assertThat(r.code()).isZero();
    assertThat(cli.prompts()).hasSize(2);
    assertThat(cli.prompts().get(0)).contains("人员编号");
    assertThat(cli.prompts().get(1)).contains("密码").contains("150924-001");
    JsonNode sent = Json.mapper().readTree(cli.lastPost().body());
    assertThat(sent.path("officer").asText()).isEqualTo("150924-001");
    assertThat(sent.path("password").asText()).isEqualTo("liaison-150924");
  }

  @Test
  void scriptsGiveThePasswordInAFileAndAreToldWhenTheyGiveNone() throws Exception {
    Path pw = config.resolve("pw");
    Files.writeString(pw, "liaison-150924\nignored\n", StandardCharsets.UTF_8);

    Result none = cli.run("login", "--officer", "150924-001");
    Result fromFile = cli.run("login", "--officer", "150924-001", "--password-file", pw.toString());

    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err())
        .contains("no password: give --password-file FILE or set LIAISON_PASSWORD");
    assertThat(fromFile.code()).isZero();
    assertThat(Json.mapper().readTree(cli.lastPost().body()).path("password").asText())
        .isEqualTo("liaison-150924");
    assertThat(cli.requestsTo("/api/v1/auth/login")).hasSize(1);
  }

  @Test
  void aWrongPasswordIsExplainedAndNothingIsKept() {
    node.on("POST", "/api/v1/auth/login", 401, PROBLEM, "problem-401-invalid-credentials.json");
    cli.env.put("LIAISON_PASSWORD", "wrong-password");

    Result r = cli.run("login", "--officer", "150924-001");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("liaison: Sign-in failed (HTTP 401)")
        .contains("说明: wrong officer, password or code")
        .contains("hint:   人员编号或密码不对");
    assertThat(cli.tokenFile()).doesNotExist();
  }

  @Test
  void aLockedOutOfficerIsToldWhenToTryAgain() {
    answer429("POST", "/api/v1/auth/login", "60", "problem-429-locked-out.json");
    cli.env.put("LIAISON_PASSWORD", "demo-password-017");

    Result r = cli.run("login", "--officer", "150924-017");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("Too many failed sign-ins (HTTP 429)")
        .contains("hint:   该人员连续登录失败，已被暂时锁定")
        .contains("retry:  60 秒后重试（北京时间 21:11:00 之后）");
  }

  @Test
  void postsAndActionsAreInTheSignedInOfficersNameWithTheToken() throws Exception {
    signIn();
    node.on("POST", "/api/v1/leads", 201, JSON, "lead.json");
    node.on("POST", "/api/v1/leads/L/transitions", 200, JSON, "lead-claimed.json");
    cli.env.put("LIAISON_OFFICER", "150924-017"); // only for sign-in; the session wins

    Result post = cli.run("leads", "post", "-c", "OTHER", "-t", "t", "-n", "n");
    String postedAs = Json.mapper().readTree(cli.lastPost().body()).path("officer").asText();
    Result claim = cli.run("leads", "claim", "L");

    assertThat(post.code()).isZero();
    assertThat(claim.code()).isZero();
    assertThat(postedAs).isEqualTo("150924-001");
    assertThat(Json.mapper().readTree(cli.lastPost().body()).path("officer").asText())
        .isEqualTo("150924-001");
    assertThat(cli.lastPost().header("Authorization")).isEqualTo(bearer("auth-login.json"));
  }

  @Test
  void anExpiringTokenIsRenewedAndKeptForTheNextRun() throws Exception {
    signIn();
    clock.advance(Duration.ofMinutes(50).plusSeconds(35)); // 15 s before the access token expires
    node.on("POST", "/api/v1/auth/refresh", 200, JSON, "auth-refresh.json");

    Result r = cli.run("roster");

    assertThat(r.code()).isZero();
    assertThat(cli.requestsTo("/api/v1/auth/refresh")).hasSize(1);
    assertThat(node.last().header("Authorization")).isEqualTo(bearer("auth-refresh.json"));
    JsonNode kept = Json.mapper().readTree(cli.tokenFile().toFile()).path(node.uri().toString());
    assertThat("Bearer " + kept.path("accessToken").asText())
        .isEqualTo(bearer("auth-refresh.json"));
  }

  @Test
  void withoutSigningInTheNodesRefusalSaysHowToSignIn() {
    node.on("GET", "/api/v1/inbox", 401, PROBLEM, "problem-401-expired.json");

    Result r = cli.run("inbox");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("liaison: Not signed in (HTTP 401)")
        .contains("hint:   未登录或登录已过期，请登录: liaison --node " + node.uri() + " login");
  }

  @Test
  void refusalsForRoleImpersonationAndRateSayWhy() {
    signIn();
    node.on("GET", "/api/v1/admin/access-log", 403, PROBLEM, "problem-403-forbidden.json");
    node.on("POST", "/api/v1/leads", 403, PROBLEM, "problem-403-impersonation.json");
    answer429("GET", "/api/v1/inbox", "4", "problem-429-rate-limited.json");

    Result forbidden = cli.run("access-log");
    Result other =
        cli.run("leads", "post", "--officer", "150924-017", "-c", "OTHER", "-t", "t", "-n", "n");
    Result limited = cli.run("inbox");

    assertThat(forbidden.err())
        .contains("Not allowed for your role (HTTP 403)")
        .contains("ACCESS_LOG_READ needs one of the roles [ADMIN, AUDITOR]")
        .contains("hint:   你的角色无权执行此操作");
    assertThat(other.err())
        .contains("Cannot act as another officer (HTTP 403)")
        .contains("字段: /officer")
        .contains("hint:   只能以登录人员本人的名义操作");
    assertThat(limited.err())
        .contains("Too many requests (HTTP 429)")
        .contains("retry:  4 秒后重试（北京时间 21:10:04 之后）");
    assertThat(java.util.List.of(forbidden, other, limited))
        .allSatisfy(r -> assertThat(r.code()).isEqualTo(1));
  }

  @Test
  void whoamiAsksTheNodeAndLogoutForgetsOnlyThisNode() throws Exception {
    signIn();
    Files.writeString(
        cli.tokenFile(),
        Files.readString(cli.tokenFile())
            .replaceFirst("\\{", "{\"http://127.0.0.1:1\":{\"accessToken\":\"x\"},"));
    node.on("GET", "/api/v1/auth/me", 200, JSON, "auth-me.json");
    node.on("POST", "/api/v1/auth/logout", (x, r) -> RecordedNode.send(x, 204, JSON, ""));

    Result me = cli.run("whoami");
    Result out = cli.run("logout");
    Result again = cli.run("whoami");

    assertThat(me.code()).isZero();
    assertThat(me.out())
        .startsWith("150924-001 联络员24 · 150924 兴和县 · 节点 " + node.uri())
        .contains("联络员、办案员、局领导");
    assertThat(out.out()).isEqualTo("已退出 " + node.uri() + " · 150924-001\n");
    assertThat(cli.lastPost().header("Authorization")).isEqualTo(bearer("auth-login.json"));
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("未登录 " + node.uri());
    JsonNode kept = Json.mapper().readTree(cli.tokenFile().toFile());
    assertThat(kept.has(node.uri().toString())).isFalse();
    assertThat(kept.has("http://127.0.0.1:1")).isTrue();
  }

  @Test
  void administratorsEnrolOfficersWithRolesInChinese() throws Exception {
    signIn();
    node.on("POST", "/api/v1/admin/officers", 201, JSON, "officers-add.json");
    cli.env.put("LIAISON_NEW_PASSWORD", "demo-password-018");

    Result r =
        cli.run("officers", "add", "150924-018", "--name", "赵敏", "--role", "价格互查员,联络员", "--totp");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("已添加 150924-018 赵敏 · 角色 联络员、价格互查员\n")
        .contains("otpauth://totp/Liaison:150924-018?secret=");
    JsonNode sent = Json.mapper().readTree(cli.lastPost().body());
    assertThat(sent.path("roles").toString()).isEqualTo("[\"LIAISON\",\"PRICE_CHECKER\"]");
    assertThat(sent.path("password").asText()).isEqualTo("demo-password-018");
    assertThat(sent.path("totp").asBoolean()).isTrue();
  }

  @Test
  void aNewPasswordTypedTwiceDifferentlyIsNotSent() {
    signIn();
    cli.typing("demo-password-018", "demo-password-O18");

    Result r = cli.run("officers", "add", "150924-018", "--name", "赵敏", "--role", "LIAISON");
    Result badRole = cli.run("officers", "add", "150924-019", "--name", "钱", "--role", "boss");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("the two passwords differ");
    assertThat(badRole.code()).isEqualTo(2);
    assertThat(badRole.err()).contains("PRICE_CHECKER (价格互查员)");
    assertThat(cli.requestsTo("/api/v1/admin/officers")).isEmpty();
  }

  @Test
  void officersAndTheAccessLogPrintAsTables() {
    signIn();
    node.on("GET", "/api/v1/admin/officers", 200, JSON, "officers-list.json");
    node.on("GET", "/api/v1/admin/access-log", 200, JSON, "access-log.json");

    Result officers = cli.run("officers", "list");
    Result log = cli.run("access-log", "--after", "4", "--limit", "4");

    assertThat(officers.code()).isZero();
    assertThat(officers.out().lines())
        .hasSize(5)
        .anySatisfy(
            l -> assertThat(l).startsWith("150924-018").contains("赵敏", "联络员、价格互查员", "有", "正常"))
        .anySatisfy(l -> assertThat(l).startsWith("150924-900").contains("管理员、审计员"));
    assertThat(log.code()).isZero();
    assertThat(log.out().lines().toList().get(1))
        .startsWith("5 ")
        .contains(
            "2026-11-26 22:00:47", "150924-001", "127.0.0.1", "GET /api/v1/auth/me", "200", "SELF");
    assertThat(log.out()).endsWith("下一页: liaison access-log --limit 4 --after 8\n");
    assertThat(cli.requestsTo("/api/v1/admin/access-log"))
        .containsExactly("/api/v1/admin/access-log?after=4&limit=4");
  }
}
