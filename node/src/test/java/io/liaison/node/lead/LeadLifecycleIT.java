package io.liaison.node.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadState;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.SseClient;
import io.liaison.node.TestCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lead lifecycle across three real nodes (兴和县 150924 posts; 天镇县 140222 and 阳高县 140221 claim,
 * hand over, give feedback and close): every illegal state × event is refused with 409 and changes
 * nothing; claims race to exactly one winner; retries are idempotent; feedback reaches the origin;
 * a reconnecting event stream misses nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadLifecycleIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;

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

  static String post(String extra) {
    Http.Response r =
        Http.postJson(
            cluster.url(XINGHE) + "/api/v1/leads",
            """
            {"officer":"150924-017","category":"COUNTERFEIT","title":"城关镇批发部销售假中华",
             "narrative":"举报人称兴和县城关镇某批发部向天镇、阳高方向批量销售假冒中华(硬)卷烟。"%s}
            """
                .formatted(extra));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static Http.Response fire(int node, String id, String body) {
    return fire(node, id, body, null);
  }

  static Http.Response fire(int node, String id, String body, String idempotencyKey) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(cluster.url(node) + "/api/v1/leads/" + id + "/transitions"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    body.replace("%OFFICER%", TestCluster.OFFICERS.get(node))));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return Http.send(b);
  }

  static String ev(LeadEvent e) {
    String extra =
        switch (e) {
          case OFFER_HANDOVER -> ",\"to\":\"140221\"";
          case INVITE_COHANDLER -> ",\"cohandlers\":[\"140221\"]";
          case FEEDBACK -> ",\"feedback\":\"已核查,车辆登记在天镇县\"";
          case CLOSE -> ",\"outcome\":\"CASE_OPENED\",\"caseNumber\":\"天烟立〔2026〕12号\"";
          default -> "";
        };
    return "{\"event\":\"" + e + "\",\"officer\":\"%OFFICER%\"" + extra + "}";
  }

  static Http.Response ok(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  static JsonNode lead(int node, String id) {
    return Http.get(cluster.url(node) + "/api/v1/leads/" + id).json();
  }

  /** A fresh lead brought into {@code state} by legal transitions. */
  static String leadIn(LeadState state) {
    if (state == LeadState.EXPIRED) {
      String id = post(",\"expiresAt\":\"" + Instant.now().plusSeconds(1) + "\"");
      Await.until(
          Duration.ofSeconds(10),
          () -> lead(XINGHE, id).at("/status/state").asText().equals("EXPIRED"),
          "lead expired by the sweeper");
      return id;
    }
    String id = post("");
    switch (state) {
      case POSTED -> {}
      case WITHDRAWN -> ok(fire(XINGHE, id, ev(LeadEvent.WITHDRAW)));
      default -> {
        ok(fire(TIANZHEN, id, ev(LeadEvent.CLAIM)));
        if (state == LeadState.HANDOVER_OFFERED) {
          ok(fire(TIANZHEN, id, ev(LeadEvent.OFFER_HANDOVER)));
        } else if (state != LeadState.CLAIMED) {
          ok(fire(TIANZHEN, id, ev(LeadEvent.INVESTIGATE)));
          if (state == LeadState.CLOSED) {
            ok(fire(TIANZHEN, id, ev(LeadEvent.FEEDBACK)));
            ok(fire(TIANZHEN, id, ev(LeadEvent.CLOSE)));
          }
        }
      }
    }
    // the transitions were answered by 天镇县's node; 兴和县's copy follows a moment later
    Await.until(
        Duration.ofSeconds(10),
        () -> lead(XINGHE, id).at("/status/state").asText().equals(state.name()),
        "lead " + id + " " + state + " on 兴和县's node");
    return id;
  }

  @Test
  void everyEventTheTableRefusesIsA409NamingStateAndEventAndChangesNothing() {
    int refused = 0;
    for (LeadState state : LeadState.values()) {
      String id = leadIn(state);
      // a lead posted on 兴和县 reaches 天镇县's node a moment later (what it shows before that is
      // a 404 or an older state, not the state to compare with)
      Await.until(
          Duration.ofSeconds(10),
          () -> {
            Http.Response r = Http.get(cluster.url(TIANZHEN) + "/api/v1/leads/" + id);
            return r.status() == 200 && r.json().at("/status/state").asText().equals(state.name());
          },
          "lead " + id + " " + state + " on 天镇县's node");
      JsonNode before = lead(TIANZHEN, id);
      for (LeadEvent e : LeadEvent.values()) {
        if (LeadStateMachine.next(state, e).isPresent()) {
          continue;
        }
        int node = e == LeadEvent.WITHDRAW ? XINGHE : TIANZHEN;
        Http.Response r = fire(node, id, ev(e));
        assertThat(r.status()).as("%s × %s: %s", state, e, r.body()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asText()).endsWith("/illegal-transition");
        assertThat(r.json().get("detail").asText()).contains(e.name()).contains(state.name());
        refused++;
      }
      JsonNode after = lead(TIANZHEN, id);
      assertThat(after.get("status")).isEqualTo(before.get("status"));
      assertThat(after.get("history")).isEqualTo(before.get("history"));
    }
    assertThat(refused).isEqualTo(7 * 13 - 21);
  }

  @Test
  void tianzhenLeadsYanggaoCoHandlesAndTheOriginSeesBothFeedbacksAttributed() {
    // a restricted lead: the co-handling task and both feedbacks are sealed to the three bureaus
    String id = post(",\"distribution\":\"RESTRICTED\",\"targetBureaus\":[\"140222\",\"140221\"]");
    Await.until(
        Duration.ofSeconds(10),
        () -> Http.get(cluster.url(TIANZHEN) + "/api/v1/leads/" + id).status() == 200,
        "lead on 天镇县's node");
    JsonNode claimed =
        ok(fire(
                TIANZHEN,
                id,
                "{\"event\":\"CLAIM\",\"officer\":\"%OFFICER%\",\"note\":\"请协查阳高段物流\","
                    + "\"cohandlers\":[\"140221\"]}"))
            .json();
    assertThat(claimed.at("/status/owner").asText()).isEqualTo("140222");
    assertThat(claimed.at("/status/cohandlers/0/state").asText()).isEqualTo("INVITED");
    // the invitation shows in 阳高县's co-handling inbox, the task opened there
    Await.until(
        Duration.ofSeconds(10),
        () ->
            Http.get(cluster.url(YANGGAO) + "/api/v1/inbox?view=cohandling")
                .json()
                .get("items")
                .findValuesAsText("id")
                .contains(id),
        "the invitation in 阳高县's co-handling inbox");
    assertThat(lead(YANGGAO, id).at("/status/cohandlers/0/task").asText()).isEqualTo("请协查阳高段物流");
    // review-3 F20: an invitation made in the claim is an event addressed to the invited bureau
    try (SseClient invited = new SseClient(cluster.url(YANGGAO) + "/api/v1/events", 0L)) {
      Await.until(
          Duration.ofSeconds(10),
          () ->
              invited.events().stream()
                  .anyMatch(
                      e ->
                          e.type().equals("lead.cohandling.invited")
                              && e.data().contains(id)
                              && e.data().contains("\"audience\":\"140221\"")),
          "lead.cohandling.invited for 阳高县 on its event stream");
    }
    // only the invited bureau decides, once
    Http.Response notInvited = fire(XINGHE, id, ev(LeadEvent.ACCEPT_COHANDLING));
    assertThat(notInvited.status()).as(notInvited.body()).isEqualTo(403);
    assertThat(notInvited.contentType()).startsWith("application/problem+json");
    JsonNode accepted = ok(fire(YANGGAO, id, ev(LeadEvent.ACCEPT_COHANDLING))).json();
    assertThat(accepted.at("/status/cohandlers/0/state").asText()).isEqualTo("ACCEPTED");
    Http.Response twice = fire(YANGGAO, id, ev(LeadEvent.ACCEPT_COHANDLING));
    assertThat(twice.status()).as(twice.body()).isEqualTo(409);
    assertThat(twice.json().get("detail").asText()).contains("has decided already");
    Http.Response declineAfter = fire(YANGGAO, id, ev(LeadEvent.DECLINE_COHANDLING));
    assertThat(declineAfter.status()).isEqualTo(409);
    // the co-handler cannot close or hand over; it gives its own feedback
    assertThat(fire(YANGGAO, id, ev(LeadEvent.OFFER_HANDOVER)).status()).isEqualTo(403);
    try (SseClient origin = new SseClient(cluster.url(XINGHE) + "/api/v1/events", null)) {
      ok(
          fire(
              YANGGAO,
              id,
              "{\"event\":\"FEEDBACK\",\"officer\":\"%OFFICER%\","
                  + "\"feedback\":\"阳高段查获运输车辆一辆,假中华20件\"}"));
      ok(
          fire(
              TIANZHEN,
              id,
              "{\"event\":\"FEEDBACK\",\"officer\":\"%OFFICER%\","
                  + "\"feedback\":\"天镇段批发部已立案查处\"}"));
      Await.until(
          Duration.ofSeconds(10),
          () ->
              origin.events().stream()
                      .filter(e -> e.type().equals("lead.feedback") && e.data().contains(id))
                      .count()
                  == 2,
          "both feedback notices on the origin node");
    }
    Await.until(
        Duration.ofSeconds(10),
        () ->
            lead(XINGHE, id).at("/status/version").asInt()
                == accepted.at("/status/version").asInt() + 2,
        "both feedbacks on 兴和县's node");
    JsonNode seen = lead(XINGHE, id);
    assertThat(seen.get("sealed").asBoolean()).isFalse();
    assertThat(seen.at("/status/feedback")).hasSize(1);
    assertThat(seen.at("/status/feedback/0/bureau").asText()).isEqualTo("140222");
    assertThat(seen.at("/status/feedback/0/text").asText()).isEqualTo("天镇段批发部已立案查处");
    assertThat(seen.at("/status/cohandlers")).hasSize(1);
    JsonNode part = seen.at("/status/cohandlers/0");
    assertThat(part.get("bureau").asText()).isEqualTo("140221");
    assertThat(part.get("state").asText()).isEqualTo("ACCEPTED");
    assertThat(part.get("task").asText()).isEqualTo("请协查阳高段物流");
    assertThat(part.get("invitedBy").asText()).isEqualTo("140222");
    assertThat(part.at("/feedback")).hasSize(1);
    assertThat(part.at("/feedback/0/bureau").asText()).isEqualTo("140221");
    assertThat(part.at("/feedback/0/text").asText()).isEqualTo("阳高段查获运输车辆一辆,假中华20件");
    // only the lead bureau closes; then nobody accepts or gives feedback any more
    ok(fire(TIANZHEN, id, ev(LeadEvent.INVESTIGATE)));
    assertThat(
            fire(
                    YANGGAO,
                    id,
                    "{\"event\":\"CLOSE\",\"officer\":\"%OFFICER%\",\"outcome\":\"UNFOUNDED\"}")
                .status())
        .isEqualTo(403);
    ok(fire(TIANZHEN, id, ev(LeadEvent.CLOSE)));
    Http.Response afterClose = fire(YANGGAO, id, ev(LeadEvent.FEEDBACK));
    assertThat(afterClose.status()).isEqualTo(409);
    assertThat(
            Http.get(cluster.url(YANGGAO) + "/api/v1/inbox?view=cohandling")
                .json()
                .get("items")
                .findValuesAsText("id"))
        .doesNotContain(id);
  }

  @Test
  void wrongBureauGets403AndUnknownHandoverTargetGets422() {
    String id = post(",\"targetBureaus\":[\"140222\"]");
    Http.Response r = fire(YANGGAO, id, ev(LeadEvent.CLAIM));
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.json().get("detail").asText()).contains("not addressed to bureau 140221");
    ok(fire(TIANZHEN, id, ev(LeadEvent.CLAIM)));
    assertThat(fire(YANGGAO, id, ev(LeadEvent.INVESTIGATE)).status()).isEqualTo(403);
    Http.Response unknown =
        fire(
            TIANZHEN,
            id,
            "{\"event\":\"OFFER_HANDOVER\",\"officer\":\"%OFFICER%\",\"to\":\"999999\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("field").asText()).isEqualTo("/to");
    Http.Response missing = fire(TIANZHEN, id, "{\"event\":\"CLOSE\",\"officer\":\"%OFFICER%\"}");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("field").asText()).isEqualTo("/outcome");
  }

  @Test
  void feedbackReachesTheOriginAndClosingWithoutItIsRefused() {
    String id = leadIn(LeadState.INVESTIGATING);
    Http.Response early =
        fire(
            TIANZHEN,
            id,
            "{\"event\":\"CLOSE\",\"officer\":\"%OFFICER%\",\"outcome\":\"UNFOUNDED\"}");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("detail").asText()).contains("feedback");
    try (SseClient origin = new SseClient(cluster.url(XINGHE) + "/api/v1/events", null)) {
      ok(fire(TIANZHEN, id, ev(LeadEvent.FEEDBACK)));
      Await.until(
          Duration.ofSeconds(5),
          () ->
              origin.events().stream()
                  .anyMatch(e -> e.type().equals("lead.feedback") && e.data().contains(id)),
          "feedback notification on the origin node");
      SseClient.Event fb =
          origin.events().stream().filter(e -> e.type().equals("lead.feedback")).findFirst().get();
      assertThat(fb.data()).contains("\"audience\":\"150924\"").contains("已核查");
    }
    Await.until(
        Duration.ofSeconds(10),
        () -> lead(XINGHE, id).at("/status/feedback/0/text").isTextual(),
        "the feedback in 兴和县's copy of the lead");
    JsonNode seen = lead(XINGHE, id);
    assertThat(seen.at("/status/feedback/0/text").asText()).isEqualTo("已核查,车辆登记在天镇县");
    assertThat(seen.at("/status/feedback/0/bureau").asText()).isEqualTo("140222");
    ok(fire(TIANZHEN, id, ev(LeadEvent.CLOSE)));
    Await.until(
        Duration.ofSeconds(5),
        () -> lead(YANGGAO, id).at("/status/state").asText().equals("CLOSED"),
        "closed everywhere");
    assertThat(lead(YANGGAO, id).at("/status/caseNumber").asText()).isEqualTo("天烟立〔2026〕12号");
  }

  @Test
  void handOverNeedsTheOfferedBureauToAccept() {
    String id = leadIn(LeadState.HANDOVER_OFFERED);
    Await.until(
        Duration.ofSeconds(5),
        () ->
            Http.get(cluster.url(YANGGAO) + "/api/v1/inbox?view=handed-to-me")
                .json()
                .get("items")
                .findValuesAsText("id")
                .contains(id),
        "lead in 阳高县's hand-over inbox");
    JsonNode accepted = ok(fire(YANGGAO, id, ev(LeadEvent.ACCEPT_HANDOVER))).json();
    assertThat(accepted.at("/status/owner").asText()).isEqualTo("140221");
    assertThat(accepted.get("history").findValuesAsText("event"))
        .containsExactly("CLAIM", "OFFER_HANDOVER", "ACCEPT_HANDOVER");
  }

  @Test
  void retryingWithTheSameIdempotencyKeyReturnsTheOriginalResult() {
    String id = post("");
    Http.Response first = ok(fire(TIANZHEN, id, ev(LeadEvent.CLAIM), "claim-" + id));
    Http.Response again = ok(fire(TIANZHEN, id, ev(LeadEvent.CLAIM), "claim-" + id));
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(fire(TIANZHEN, id, ev(LeadEvent.CLAIM), "other-" + id).status()).isEqualTo(409);
  }

  @Test
  void aClaimedLeadIsFoundAsBeforeAndItsUrlServesTheClaim() {
    String phone = freshPhone();
    String id = post(",\"entities\":[{\"type\":\"PHONE\",\"value\":\"" + phone + "\"}]");
    ok(fire(TIANZHEN, id, ev(LeadEvent.CLAIM)));
    Await.until(
        Duration.ofSeconds(10),
        () -> lead(YANGGAO, id).at("/status/state").asText().equals("CLAIMED"),
        "the claim on 阳高县's node");
    // a lead posted after the claim is found only once the indexer has passed the claim
    String later = freshPhone();
    post(",\"entities\":[{\"type\":\"PHONE\",\"value\":\"" + later + "\"}]");
    Await.until(
        Duration.ofSeconds(10),
        () -> byPhone(YANGGAO, later).size() == 1,
        "the later lead found on 阳高县's node");
    // the claim changed the lead's state, not its text: the lead is found once, and the hit's
    // url serves the claimed record. (Whether the hit carries version 1 or 2 depends on which
    // version 阳高县's node took from the grid first: a node that first sees the lead after the
    // claim indexes the claimed version; the clean-clone CI run saw that once.)
    JsonNode hits = byPhone(YANGGAO, phone);
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("id").asText()).isEqualTo(id);
    assertThat(hits.get(0).get("version").asLong()).isIn(1L, 2L);
    JsonNode served = Http.get(cluster.url(YANGGAO) + hits.get(0).get("url").asText()).json();
    assertThat(served.at("/status/state").asText()).isEqualTo("CLAIMED");
    assertThat(served.at("/status/version").asLong()).isEqualTo(2);
  }

  private static String freshPhone() {
    return "139" + (10_000_000 + Math.floorMod(System.nanoTime(), 89_999_999L));
  }

  private static JsonNode byPhone(int node, String phone) {
    return Http.get(cluster.url(node) + "/api/v1/search/identifiers?type=PHONE&value=" + phone)
        .json()
        .get("items");
  }

  @Test
  void contendedClaimsHaveExactlyOneWinnerAndAllNodesAgree() throws Exception {
    int leads = Integer.getInteger("liaison.test.contendedLeads", 1000);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      ids.add(post(""));
    }
    // 8 claimers on each of 3 nodes per lead: 兴和县 is the origin, so its claims must be 403
    Map<String, AtomicInteger> winners = new ConcurrentHashMap<>();
    Map<String, String> winnerBureau = new ConcurrentHashMap<>();
    Map<String, List<String>> refusals = new ConcurrentHashMap<>();
    AtomicInteger unexpected = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(24);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (String id : ids) {
        for (int node = 0; node < 3; node++) {
          for (int c = 0; c < 8; c++) {
            int n = node;
            fs.add(
                pool.submit(
                    () -> {
                      Http.Response r = fire(n, id, ev(LeadEvent.CLAIM));
                      if (r.status() == 200) {
                        winners.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        winnerBureau.put(id, r.json().at("/status/owner").asText());
                      } else if (r.status() == 409) {
                        refusals
                            .computeIfAbsent(
                                id, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(r.json().get("detail").asText());
                      } else if (!(n == XINGHE && r.status() == 403)) {
                        unexpected.incrementAndGet();
                      }
                    }));
          }
        }
      }
      for (Future<?> f : fs) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(unexpected.get()).isZero();
    assertThat(winners).hasSize(leads);
    assertThat(winners.values()).allSatisfy(w -> assertThat(w.get()).isEqualTo(1));
    // every other claimer of 天镇县 and 阳高县 was told who won (兴和县's own claims may be 403)
    assertThat(refusals.values().stream().mapToInt(List::size).sum())
        .isBetween(leads * 15, leads * 23);
    refusals.forEach(
        (id, details) ->
            assertThat(details)
                .as("the 409s of lead %s", id)
                .allSatisfy(d -> assertThat(d).contains("owner " + winnerBureau.get(id) + ")")));
    for (String id : ids) {
      for (int node = 0; node < 3; node++) {
        int n = node;
        Await.until(
            Duration.ofSeconds(5),
            () -> lead(n, id).at("/status/state").asText().equals("CLAIMED"),
            "claimed on node " + n);
        assertThat(lead(n, id).at("/status/owner").asText()).isEqualTo(winnerBureau.get(id));
      }
    }
  }

  @Test
  void aReconnectingStreamGetsExactlyTheEventsItMissedInOrder() {
    long last;
    try (SseClient first = new SseClient(cluster.url(YANGGAO) + "/api/v1/events", null)) {
      String marker = post("");
      Await.until(
          Duration.ofSeconds(5),
          () -> first.events().stream().anyMatch(e -> e.data().contains(marker)),
          "marker event");
      last = first.events().get(first.events().size() - 1).id();
    }
    Set<String> posted = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      posted.add(post(""));
    }
    // wait until 阳高县 has all of them stored, then resume
    Await.until(
        Duration.ofSeconds(20),
        () ->
            posted.stream()
                .allMatch(
                    id -> Http.get(cluster.url(YANGGAO) + "/api/v1/leads/" + id).status() == 200),
        "all 100 leads on 阳高县");
    try (SseClient resumed = new SseClient(cluster.url(YANGGAO) + "/api/v1/events", last)) {
      Await.until(Duration.ofSeconds(10), () -> resumed.events().size() >= 100, "100 events");
      List<SseClient.Event> got = resumed.events();
      assertThat(got).hasSize(100);
      for (int i = 0; i < got.size(); i++) {
        assertThat(got.get(i).id()).isEqualTo(last + 1 + i);
        assertThat(got.get(i).type()).isEqualTo("lead.posted");
      }
      Set<String> ids = new HashSet<>();
      got.forEach(e -> ids.add(e.data().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")));
      assertThat(ids).isEqualTo(posted);
    }
  }

  @Test
  void theSignedLiaisonDirectoryReachesEveryBureauAndNamesWhoToCall() {
    Http.Response put =
        Http.send(
            HttpRequest.newBuilder(URI.create(cluster.url(TIANZHEN) + "/api/v1/directory"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"entries":[{"officer":"140222-009","name":"王建国","role":"信息联络员",
                          "phone":"0352-6812345","dutyHours":"工作日 8:30-17:30"}]}
                        """)));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("version").asLong()).isPositive();
    Await.until(
        Duration.ofSeconds(5),
        () -> Http.get(cluster.url(XINGHE) + "/api/v1/directory").body().contains("王建国"),
        "directory of 天镇县 on 兴和县");
    Http.Response foreign =
        Http.send(
            HttpRequest.newBuilder(URI.create(cluster.url(TIANZHEN) + "/api/v1/directory"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"entries\":[{\"officer\":\"150924-001\",\"name\":\"x\","
                            + "\"role\":\"r\",\"phone\":\"0471-1234567\"}]}")));
    assertThat(foreign.status()).isEqualTo(422);
    try (SseClient origin = new SseClient(cluster.url(XINGHE) + "/api/v1/events", null)) {
      String id = post("");
      ok(fire(TIANZHEN, id, ev(LeadEvent.CLAIM)));
      Await.until(
          Duration.ofSeconds(5),
          () ->
              origin.events().stream()
                  .anyMatch(
                      e ->
                          e.type().equals("lead.claimed")
                              && e.data().contains(id)
                              && e.data().contains("0352-6812345")),
          "claim notice with 天镇县's contact on the origin node");
    }
  }

  @Test
  void sweeperExpiresOnlyUnclaimedLeads() {
    String id = leadIn(LeadState.EXPIRED);
    Await.until(
        Duration.ofSeconds(10),
        () -> lead(YANGGAO, id).at("/status/state").asText().equals("EXPIRED"),
        "the expiry in 阳高县's copy of the lead");
    assertThat(lead(YANGGAO, id).get("history").findValuesAsText("event"))
        .containsExactly("EXPIRE");
    // 天镇县's copy follows the grid a moment later too: wait for it, then check what it holds
    Await.until(
        Duration.ofSeconds(10),
        () -> lead(TIANZHEN, id).at("/status/state").asText().equals("EXPIRED"),
        "the expiry in 天镇县's copy of the lead");
    assertThat(EnumSet.of(LeadState.EXPIRED))
        .contains(LeadState.valueOf(lead(TIANZHEN, id).at("/status/state").asText()));
    assertThat(lead(TIANZHEN, id).get("history").findValuesAsText("event"))
        .containsExactly("EXPIRE");
  }
}
