package io.liaison.node.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.SseClient;
import io.liaison.node.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agreed overdue rules acted on, across three real nodes: the three chiefs sign a feedback
 * period of 2 days, a reminder every day and escalation after 3 days overdue; 天镇县 claims 兴和县's lead
 * and gives no feedback. Each node's sweeper is run as of later days (its pass takes the time to
 * judge by; no waiting for days, no sleeps): 天镇县 is told once when the lead falls overdue, then
 * reminded every day, then the escalation goes to its chief and to 兴和县; 阳高县 hears nothing; once the
 * feedback is given the reminders stop.
 */
class OverdueIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;
  static final String RULES =
      "{\"version\":1,\"feedbackPeriodDays\":2,\"overdueRemindDays\":1,\"escalateAfterDays\":3,"
          + "\"majorCaseThresholdFen\":5000000,\"basis\":\"蒙晋冀毗邻县局打假打私协作机制（2020）\"}";

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static String url(int node, String path) {
    return cluster.url(node) + path;
  }

  /** The three chiefs sign the same rules; in force on every node. Once per cluster. */
  static synchronized void agree() {
    if (cluster.node(XINGHE).settings().current().isPresent()) {
      return;
    }
    Http.Response proposed = Http.postJson(url(XINGHE, "/api/v1/settings"), RULES);
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String hash = proposed.json().at("/proposals/0/contentHash").asText();
    for (int n : List.of(TIANZHEN, YANGGAO)) {
      Await.until(
          WAIT,
          () -> Http.get(url(n, "/api/v1/settings")).json().get("proposals").size() == 1,
          "proposal on node " + n);
      Http.Response signed =
          Http.postJson(
              url(n, "/api/v1/settings/1/agreement"), "{\"contentHash\":\"" + hash + "\"}");
      assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    }
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          WAIT,
          () -> cluster.node(node).settings().current().isPresent(),
          "rules in force on node " + n);
    }
  }

  static void sweep(int node, Instant at) throws Exception {
    cluster
        .node(node)
        .sweeper()
        .sweep(at)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String post() {
    Http.Response r =
        Http.postJson(
            url(XINGHE, "/api/v1/leads"),
            "{\"officer\":\""
                + TestCluster.OFFICERS.get(XINGHE)
                + "\",\"category\":\"COUNTERFEIT\",\"title\":\"城关镇批发部销售假中华\","
                + "\"narrative\":\"举报人称兴和县城关镇某批发部向天镇方向批量销售假冒中华卷烟。\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static List<String> notices(SseClient s, String id) {
    return s.events().stream()
        .filter(e -> e.type().startsWith("lead.overdue") && e.data().contains(id))
        .map(e -> e.type() + reminder(e.data()))
        .toList();
  }

  private static String reminder(String data) {
    JsonNode d = parse(data);
    return d.has("reminder") ? "#" + d.get("reminder").asInt() : "";
  }

  @Test
  void remindersRepeatAtTheAgreedIntervalAndEscalateToTheChiefAndTheOrigin() throws Exception {
    agree();
    String id = post();
    Await.until(
        WAIT, () -> Http.get(url(TIANZHEN, "/api/v1/leads/" + id)).status() == 200, "lead on 天镇县");
    JsonNode claimed =
        Http.postJson(
                url(TIANZHEN, "/api/v1/leads/" + id + "/transitions"),
                "{\"event\":\"CLAIM\",\"officer\":\"" + TestCluster.OFFICERS.get(TIANZHEN) + "\"}")
            .json();
    Instant claimedAt = Instant.parse(claimed.at("/status/claimedAt").asText());
    Await.until(
        WAIT,
        () ->
            Http.get(url(XINGHE, "/api/v1/leads/" + id))
                .json()
                .at("/status/state")
                .asText()
                .equals("CLAIMED"),
        "the claim on 兴和县");
    try (SseClient owner = new SseClient(url(TIANZHEN, "/api/v1/events"), null);
        SseClient origin = new SseClient(url(XINGHE, "/api/v1/events"), null);
        SseClient other = new SseClient(url(YANGGAO, "/api/v1/events"), null)) {
      Duration day = Duration.ofDays(1);
      // within the period: nothing
      for (int n = 0; n < 3; n++) {
        sweep(n, claimedAt.plus(day.multipliedBy(2)).minusSeconds(1));
      }
      // the period has passed: the first notice, once however often the sweeper runs
      sweep(TIANZHEN, claimedAt.plus(day.multipliedBy(2)).plusSeconds(1));
      sweep(TIANZHEN, claimedAt.plus(day.multipliedBy(2)).plusSeconds(2));
      // a reminder each agreed day
      sweep(TIANZHEN, claimedAt.plus(day.multipliedBy(3)).plusSeconds(1));
      sweep(TIANZHEN, claimedAt.plus(day.multipliedBy(3)).plusSeconds(60));
      sweep(TIANZHEN, claimedAt.plus(day.multipliedBy(4)).plusSeconds(1));
      // 3 days overdue: escalated to 天镇县's chief and to the origin 兴和县, once
      for (int n = 0; n < 3; n++) {
        sweep(n, claimedAt.plus(day.multipliedBy(5)).plusSeconds(1));
        sweep(n, claimedAt.plus(day.multipliedBy(5)).plusSeconds(2));
      }
      Await.until(
          WAIT,
          () -> notices(owner, id).size() >= 5 && !notices(origin, id).isEmpty(),
          "the notices on 天镇县 and 兴和县");
      // feedback given: no more reminders
      Http.Response fb =
          Http.postJson(
              url(TIANZHEN, "/api/v1/leads/" + id + "/transitions"),
              "{\"event\":\"FEEDBACK\",\"officer\":\""
                  + TestCluster.OFFICERS.get(TIANZHEN)
                  + "\",\"feedback\":\"已核查\"}");
      assertThat(fb.status()).as(fb.body()).isEqualTo(200);
      for (int n = 0; n < 3; n++) {
        sweep(n, claimedAt.plus(day.multipliedBy(7)).plusSeconds(1));
      }
      // a marker after every sweep: whatever the sweeps told has arrived before it
      String marker = post();
      for (SseClient s : List.of(owner, origin, other)) {
        Await.until(
            WAIT,
            () -> s.events().stream().anyMatch(e -> e.data().contains(marker)),
            "marker event");
      }
      assertThat(notices(owner, id))
          .containsExactly(
              "lead.overdue",
              "lead.overdue.reminder#1",
              "lead.overdue.reminder#2",
              "lead.overdue.reminder#3",
              "lead.overdue.escalated");
      assertThat(notices(origin, id)).containsExactly("lead.overdue.escalated");
      assertThat(notices(other, id)).isEmpty();
      SseClient.Event esc =
          origin.events().stream()
              .filter(e -> e.type().equals("lead.overdue.escalated"))
              .findFirst()
              .orElseThrow();
      JsonNode d = parse(esc.data());
      assertThat(d.get("escalatedTo").asText()).isEqualTo("origin");
      assertThat(d.get("owner").asText()).isEqualTo("140222");
      assertThat(d.get("escalateAfterDays").asInt()).isEqualTo(3);
      assertThat(
              parse(
                      owner.events().stream()
                          .filter(e -> e.type().equals("lead.overdue.escalated"))
                          .findFirst()
                          .orElseThrow()
                          .data())
                  .get("escalatedTo")
                  .asText())
          .isEqualTo("chief");
    }
  }

  static Http.Response step(int node, String id, String body) {
    return Http.postJson(
        url(node, "/api/v1/leads/" + id + "/transitions"),
        body.replace("}", ",\"officer\":\"" + TestCluster.OFFICERS.get(node) + "\"}"));
  }

  /**
   * Review-3 F26: 天镇县 claims and gives feedback, then hands the lead over to 阳高县. The earlier
   * owner's feedback does not answer 阳高县's duty: once the period has passed since 阳高县 took it, 阳高县
   * is told it is overdue (before the fix the store's feedback_at held 天镇县's feedback and the
   * sweeper never looked at the lead again), and the inbox's overdue view lists it.
   */
  @Test
  void aLeadHandedOverAfterFeedbackFallsOverdueForItsNewOwner() throws Exception {
    agree();
    String id = post();
    Await.until(
        WAIT, () -> Http.get(url(TIANZHEN, "/api/v1/leads/" + id)).status() == 200, "lead on 天镇县");
    assertThat(step(TIANZHEN, id, "{\"event\":\"CLAIM\"}").status()).isEqualTo(200);
    assertThat(step(TIANZHEN, id, "{\"event\":\"FEEDBACK\",\"feedback\":\"已初查，移交阳高县\"}").status())
        .isEqualTo(200);
    Http.Response offered = step(TIANZHEN, id, "{\"event\":\"OFFER_HANDOVER\",\"to\":\"140221\"}");
    assertThat(offered.status()).as(offered.body()).isEqualTo(200);
    Await.until(
        WAIT,
        () ->
            Http.get(url(YANGGAO, "/api/v1/leads/" + id))
                .json()
                .at("/status/state")
                .asText()
                .equals("HANDOVER_OFFERED"),
        "the offer on 阳高县");
    Http.Response accepted = step(YANGGAO, id, "{\"event\":\"ACCEPT_HANDOVER\"}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    Instant takenAt = Instant.parse(accepted.json().at("/status/claimedAt").asText());
    try (SseClient owner = new SseClient(url(YANGGAO, "/api/v1/events"), null)) {
      sweep(YANGGAO, takenAt.plus(Duration.ofDays(2)).minusSeconds(1));
      sweep(YANGGAO, takenAt.plus(Duration.ofDays(2)).plusSeconds(1));
      Await.until(
          WAIT, () -> notices(owner, id).contains("lead.overdue"), "the overdue notice on 阳高县");
      assertThat(notices(owner, id)).containsExactly("lead.overdue");
    }
    // the inbox agrees: 阳高县 has not answered since it took the lead
    assertThat(Http.get(url(YANGGAO, "/api/v1/inbox?view=AWAITING_FEEDBACK")).body()).contains(id);
    // and once 阳高县 gives its own feedback the lead is answered
    assertThat(step(YANGGAO, id, "{\"event\":\"FEEDBACK\",\"feedback\":\"已查获\"}").status())
        .isEqualTo(200);
    assertThat(Http.get(url(YANGGAO, "/api/v1/inbox?view=AWAITING_FEEDBACK")).body())
        .doesNotContain(id);
  }
}
