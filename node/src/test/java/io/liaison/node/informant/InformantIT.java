package io.liaison.node.informant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.SseClient;
import io.liaison.node.TestCluster;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes with real keys: 兴和县 records that a lead addressed to 天镇县 came from an informant
 * and seals the identity to one of its own officers and one of 天镇县's. The informant's name (a
 * distinctive one), phone and ID number appear in no byte of what anyone not chosen is answered
 * (every read route of the lead, search, the register, the event stream), nor in any file of any
 * node's data folder (SQLite store with its WAL, Lucene index), nor in the grid's values; each
 * chosen officer opens it on their own node with their passphrase, and the opening is shown in the
 * origin's register.
 */
class InformantIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String NAME = "司马青岚";
  static final String PHONE = "13987654321";
  static final String ID_NUMBER = "15092419880315002X";
  static final String CHOSEN_XH = "150924-101";
  static final String OTHER_XH = "150924-102";
  static final String CHOSEN_TZ = "140222-101";
  static final String OTHER_TZ = "140222-102";
  static final String PASSPHRASE = "开启口令-2026-informant";

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

  static void enrol(int node, String id, String role) {
    Http.Response r =
        Http.postJson(
            url(node, "/api/v1/admin/officers"),
            "{\"id\":\""
                + id
                + "\",\"name\":\"警官"
                + id
                + "\",\"roles\":[\""
                + role
                + "\"],\"password\":\"pass-"
                + id
                + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  static String login(int node, String id) {
    Http.Response r =
        Http.postJson(
            url(node, "/api/v1/auth/login"),
            "{\"officer\":\"" + id + "\",\"password\":\"pass-" + id + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("accessToken").asText();
  }

  static Http.Response as(String token, String method, String url, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return Http.send(b);
  }

  static void noIdentity(String what, String text) {
    assertThat(text).as(what).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain(ID_NUMBER);
  }

  @Test
  void onlyTheChosenOfficersEverSeeTheInformant() throws Exception {
    enrol(XINGHE, CHOSEN_XH, "LIAISON");
    enrol(XINGHE, OTHER_XH, "CHIEF");
    enrol(TIANZHEN, CHOSEN_TZ, "INVESTIGATOR");
    enrol(TIANZHEN, OTHER_TZ, "LIAISON");
    String chosenXh = login(XINGHE, CHOSEN_XH);
    String otherXh = login(XINGHE, OTHER_XH);
    String chosenTz = login(TIANZHEN, CHOSEN_TZ);
    String otherTz = login(TIANZHEN, OTHER_TZ);

    // each officer who may be chosen makes a sealing key on their own node; a short passphrase is
    // refused naming the field
    Http.Response weak =
        as(chosenXh, "PUT", url(XINGHE, "/api/v1/informants/keys/me"), "{\"passphrase\":\"短\"}");
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.body()).contains("/passphrase");
    for (Object[] k :
        new Object[][] {
          {XINGHE, chosenXh}, {XINGHE, otherXh}, {TIANZHEN, chosenTz}, {TIANZHEN, otherTz}
        }) {
      Http.Response made =
          as(
              (String) k[1],
              "PUT",
              url((int) k[0], "/api/v1/informants/keys/me"),
              "{\"passphrase\":\"" + PASSPHRASE + "\"}");
      assertThat(made.status()).as(made.body()).isEqualTo(200);
    }
    Await.until(
        WAIT,
        () -> {
          String keys = Http.get(url(XINGHE, "/api/v1/informants/keys")).body();
          return keys.contains(CHOSEN_TZ) && keys.contains(OTHER_TZ);
        },
        "天镇县's officers' keys on 兴和县's node");

    // the lead, addressed to 天镇县, names no informant
    Http.Response posted =
        Http.postJson(
            url(XINGHE, "/api/v1/leads"),
            """
            {"officer":"150924-017","category":"COUNTERFEIT","title":"张皋镇仓库存放假冒玉溪",
             "narrative":"线人反映张皋镇东口一处仓库存放假冒玉溪(软)约40件，王某夜间用蒙J牌照货车运往天镇县方向。",
             "targetBureaus":["140222"]}
            """);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String lead = posted.json().get("id").asText();

    // the report came in the day before (a fixed date would fall out of the year allowed)
    String receivedAt =
        java.time.Instant.now()
            .minus(java.time.Duration.ofDays(1))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();
    String good =
        "{\"officer\":\"150924-017\",\"leadId\":\""
            + lead
            + "\",\"source\":\"INFORMANT\",\"receivedAt\":\""
            + receivedAt
            + "\","
            + "\"informant\":{\"name\":\""
            + NAME
            + "\",\"phone\":\""
            + PHONE
            + "\",\"idNumber\":\""
            + ID_NUMBER
            + "\",\"note\":\"只接受电话联系，勿上门\"},"
            + "\"openers\":[\""
            + CHOSEN_XH
            + "\",\""
            + CHOSEN_TZ
            + "\"]}";
    // refused: the lead's own text names the informant; an opener of a bureau the lead is not
    // addressed to; an opener without a key
    Http.Response named =
        Http.postJson(url(XINGHE, "/api/v1/informants/reports"), good.replace(NAME, "王某"));
    assertThat(named.status()).as(named.body()).isEqualTo(422);
    assertThat(named.body()).contains("/informant/name");
    Http.Response foreign =
        Http.postJson(
            url(XINGHE, "/api/v1/informants/reports"), good.replace(CHOSEN_TZ, "140221-001"));
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
    assertThat(foreign.body()).contains("/openers/1");
    Http.Response keyless =
        Http.postJson(
            url(XINGHE, "/api/v1/informants/reports"), good.replace(CHOSEN_TZ, "140222-009"));
    assertThat(keyless.status()).as(keyless.body()).isEqualTo(422);
    assertThat(keyless.body()).contains("/openers/1");

    // refused (review-3 F25): a report's time in the future, or years before its lead
    String tomorrow =
        java.time.Instant.now()
            .plus(java.time.Duration.ofDays(1))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();
    Http.Response future =
        Http.postJson(
            url(XINGHE, "/api/v1/informants/reports"), good.replace(receivedAt, tomorrow));
    assertThat(future.status()).as(future.body()).isEqualTo(422);
    assertThat(future.body()).contains("/receivedAt");
    Http.Response ancient =
        Http.postJson(
            url(XINGHE, "/api/v1/informants/reports"),
            good.replace(receivedAt, "2019-03-01T02:30:00Z"));
    assertThat(ancient.status()).as(ancient.body()).isEqualTo(422);
    assertThat(ancient.body()).contains("/receivedAt");

    Http.Response recorded = Http.postJson(url(XINGHE, "/api/v1/informants/reports"), good);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    noIdentity("the poster's answer", recorded.body());
    assertThat(recorded.json().get("source").asText()).isEqualTo("INFORMANT");
    assertThat(recorded.json().get("identitySealed").asBoolean()).isTrue();
    assertThat(recorded.json().get("rewardStatus").asText()).isEqualTo("NOT_APPLIED");
    assertThat(Http.postJson(url(XINGHE, "/api/v1/informants/reports"), good).status())
        .isEqualTo(409);

    // the record and the lead reach every node
    for (int n : new int[] {TIANZHEN, YANGGAO}) {
      int node = n;
      Await.until(WAIT, () -> holds(node, "source-" + lead), "the source record on node " + node);
      Await.until(
          WAIT,
          () -> Http.get(url(node, "/api/v1/leads/" + lead)).status() == 200,
          "the lead on node " + node);
    }

    // 天镇县's chosen officer opens it on 天镇县's node — not with a wrong passphrase
    Http.Response wrong =
        as(
            chosenTz,
            "POST",
            url(TIANZHEN, "/api/v1/informants/reports/" + lead + "/open"),
            "{\"officer\":\"" + CHOSEN_TZ + "\",\"passphrase\":\"not-the-passphrase\"}");
    assertThat(wrong.status()).isEqualTo(403);
    noIdentity("a wrong passphrase", wrong.body());
    Http.Response opened =
        as(
            chosenTz,
            "POST",
            url(TIANZHEN, "/api/v1/informants/reports/" + lead + "/open"),
            "{\"officer\":\"" + CHOSEN_TZ + "\",\"passphrase\":\"" + PASSPHRASE + "\"}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(opened.json().at("/informant/name").asText()).isEqualTo(NAME);
    assertThat(opened.json().at("/informant/phone").asText()).isEqualTo(PHONE);
    assertThat(opened.json().at("/informant/idNumber").asText()).isEqualTo(ID_NUMBER);
    assertThat(opened.contentType()).startsWith("application/json");
    // and 兴和县's chosen officer on 兴和县's node
    Http.Response openedXh =
        as(
            chosenXh,
            "POST",
            url(XINGHE, "/api/v1/informants/reports/" + lead + "/open"),
            "{\"officer\":\"" + CHOSEN_XH + "\",\"passphrase\":\"" + PASSPHRASE + "\"}");
    assertThat(openedXh.status()).as(openedXh.body()).isEqualTo(200);
    assertThat(openedXh.json().at("/informant/name").asText()).isEqualTo(NAME);
    // nobody acts as another officer
    assertThat(
            as(
                    otherXh,
                    "POST",
                    url(XINGHE, "/api/v1/informants/reports/" + lead + "/open"),
                    "{\"officer\":\"" + CHOSEN_XH + "\",\"passphrase\":\"" + PASSPHRASE + "\"}")
                .status())
        .isEqualTo(403);

    // the lead is worked and closed; the register follows it, the reward status is set
    assertThat(transition(TIANZHEN, lead, "CLAIM", "").status()).isEqualTo(200);
    assertThat(transition(TIANZHEN, lead, "INVESTIGATE", "").status()).isEqualTo(200);
    assertThat(transition(TIANZHEN, lead, "FEEDBACK", ",\"feedback\":\"已查获假冒玉溪38件\"").status())
        .isEqualTo(200);
    assertThat(
            transition(
                    TIANZHEN,
                    lead,
                    "CLOSE",
                    ",\"outcome\":\"CASE_OPENED\",\"caseNumber\":\"天烟立〔2026〕77号\"")
                .status())
        .isEqualTo(200);
    Http.Response reward =
        Http.postJson(
            url(XINGHE, "/api/v1/informants/reports/" + lead + "/reward"),
            "{\"officer\":\"150924-017\",\"status\":\"DECLARED\",\"note\":\"已报市局\"}");
    assertThat(reward.status()).as(reward.body()).isEqualTo(200);
    Await.until(
        WAIT,
        () -> {
          JsonNode e = Http.get(url(XINGHE, "/api/v1/informants/reports/" + lead)).json();
          return e.path("leadState").asText().equals("CLOSED") && e.path("openings").size() == 2;
        },
        "the register line with the close and both openings");
    JsonNode line = Http.get(url(XINGHE, "/api/v1/informants/reports")).json().at("/items/0");
    assertThat(line.get("leadId").asText()).isEqualTo(lead);
    assertThat(line.get("outcome").asText()).isEqualTo("CASE_OPENED");
    assertThat(line.get("caseNumber").asText()).isEqualTo("天烟立〔2026〕77号");
    assertThat(line.get("handledBy").asText()).isEqualTo("140222");
    assertThat(line.get("rewardStatus").asText()).isEqualTo("DECLARED");
    assertThat(line.get("openers").toString()).contains(CHOSEN_XH, CHOSEN_TZ);
    assertThat(line.get("openings").toString()).contains(CHOSEN_XH, CHOSEN_TZ);
    assertThat(line.get("receivedAt").asText()).isEqualTo(receivedAt);
    // the reward status reached 天镇县 too (its chosen officer sees the line)
    Await.until(
        WAIT,
        () ->
            as(chosenTz, "GET", url(TIANZHEN, "/api/v1/informants/reports/" + lead), null)
                .body()
                .contains("DECLARED"),
        "the reward status on 天镇县's node");

    // everything a non-chosen officer is answered, on every node
    String q = URLEncoder.encode("张皋镇", StandardCharsets.UTF_8);
    String qName = URLEncoder.encode(NAME, StandardCharsets.UTF_8);
    List<String> answers = new ArrayList<>();
    List<String[]> reads =
        List.of(
            new String[] {"GET", "/api/v1/leads/" + lead},
            new String[] {"GET", "/api/v1/leads/" + lead + "/superseded"},
            new String[] {"GET", "/api/v1/leads"},
            new String[] {"GET", "/api/v1/inbox"},
            new String[] {"GET", "/api/v1/search?q=" + q},
            new String[] {"GET", "/api/v1/search?q=" + qName},
            new String[] {"GET", "/api/v1/informants/reports"},
            new String[] {"GET", "/api/v1/informants/reports/" + lead},
            new String[] {"GET", "/api/v1/informants/keys"},
            new String[] {"GET", "/api/v1/forms?subject=" + lead},
            new String[] {"GET", "/api/v1/audit/chains/150924"},
            new String[] {"GET", "/api/v1/admin/export/leads"});
    for (Object[] who :
        new Object[][] {
          {XINGHE, otherXh},
          {TIANZHEN, otherTz},
          {YANGGAO, Http.token(cluster.url(YANGGAO))},
          {TIANZHEN, Http.token(cluster.url(TIANZHEN))}
        }) {
      for (String[] r : reads) {
        Http.Response a = as((String) who[1], r[0], url((int) who[0], r[1]), null);
        answers.add(a.body());
        noIdentity("node " + who[0] + " " + r[1], a.body());
      }
      Http.Response refused =
          as(
              (String) who[1],
              "POST",
              url((int) who[0], "/api/v1/informants/reports/" + lead + "/open"),
              "{\"officer\":\"x\",\"passphrase\":\"" + PASSPHRASE + "\"}");
      assertThat(refused.status()).isIn(403, 404);
      noIdentity("an opening refused", refused.body());
    }
    // the lead itself is served to them (the check above read real content)
    assertThat(String.join("\n", answers)).contains("张皋镇仓库存放假冒玉溪");
    // 兴和县's non-chosen officer sees the register line (own bureau) but may not open it
    Http.Response notChosen =
        as(
            otherXh,
            "POST",
            url(XINGHE, "/api/v1/informants/reports/" + lead + "/open"),
            "{\"officer\":\"" + OTHER_XH + "\",\"passphrase\":\"" + PASSPHRASE + "\"}");
    assertThat(notChosen.status()).isEqualTo(403);
    assertThat(notChosen.json().get("type").asText()).endsWith("/not-an-opener");
    assertThat(as(otherXh, "GET", url(XINGHE, "/api/v1/informants/reports"), null).body())
        .contains(lead);
    // 天镇县's non-chosen officer does not see 兴和县's register at all
    assertThat(
            as(otherTz, "GET", url(TIANZHEN, "/api/v1/informants/reports/" + lead), null).status())
        .isEqualTo(404);

    // the event streams of the nodes that were told of the lead, replayed from the start
    for (int n : new int[] {XINGHE, TIANZHEN}) {
      try (SseClient sse = new SseClient(url(n, "/api/v1/events"), 0L)) {
        int node = n;
        Await.until(
            WAIT,
            () -> sse.events().stream().anyMatch(e -> e.data().contains(lead)),
            "node " + node + "'s events of the lead");
        sse.events().forEach(e -> noIdentity("event " + e.type() + " on node " + node, e.data()));
      }
    }

    // the grid's values
    for (String map :
        new String[] {
          InformantService.MAP, "liaison.leads", "liaison.audit", "liaison.directory"
        }) {
      var m = cluster.node(XINGHE).hazelcast().getMap(map);
      for (Object k : m.keySet()) {
        noIdentity("grid " + map + " " + k, String.valueOf(m.get(k)));
      }
    }

    // no byte of any node's data folder (store, WAL, index, attachments) holds the identity
    for (int n = 0; n < 3; n++) {
      Path data = cluster.config(n).dataDir();
      assertThat(scan(data)).as("files of node " + n + " holding the identity").isEmpty();
    }
    // the scan does see what is in those files (the lead's own words are in store and index)
    assertThat(scanFor(cluster.config(YANGGAO).dataDir(), "张皋镇仓库存放假冒玉溪")).isNotEmpty();

    // the passphrase is not open to guessing: after five wrong ones within the window (one above,
    // four here) even the right one is refused, naming why, and the identity is not in the answer
    for (int i = 0; i < 4; i++) {
      Http.Response guess =
          as(
              chosenTz,
              "POST",
              url(TIANZHEN, "/api/v1/informants/reports/" + lead + "/open"),
              "{\"officer\":\"" + CHOSEN_TZ + "\",\"passphrase\":\"guess-" + i + "\"}");
      assertThat(guess.status()).as(guess.body()).isEqualTo(403);
      assertThat(guess.body()).contains("wrong-passphrase");
    }
    Http.Response locked =
        as(
            chosenTz,
            "POST",
            url(TIANZHEN, "/api/v1/informants/reports/" + lead + "/open"),
            "{\"officer\":\"" + CHOSEN_TZ + "\",\"passphrase\":\"" + PASSPHRASE + "\"}");
    assertThat(locked.status()).as(locked.body()).isEqualTo(403);
    assertThat(locked.body()).contains("too-many-attempts", "/passphrase");
    noIdentity("an opening refused after too many wrong passphrases", locked.body());
  }

  /**
   * Review-3 F2: a key once made is not silently replaced. Changing the passphrase needs the
   * current one and keeps the same key; a forgotten passphrase makes a new key, the old one stays
   * kept (it still opens with the forgotten passphrase), the register names the officer for whom
   * the identity is unreadable, and another chosen officer re-seals it on their own node — signed,
   * shown in the poster's register — after which the new key opens it.
   */
  @Test
  void aKeyRemadeOrphansNothingAndIsResealedByAnotherChosenOfficer() {
    String a = "150924-111";
    String b = "140222-111";
    String passA = "甲的口令-2026-first";
    String newA = "甲的新口令-2026-second";
    String forgotA = "甲的第三个口令-2026-third";
    String passB = "乙的口令-2026-tianzhen";
    enrol(XINGHE, a, "LIAISON");
    enrol(TIANZHEN, b, "INVESTIGATOR");
    String ta = login(XINGHE, a);
    String tb = login(TIANZHEN, b);
    assertThat(key(XINGHE, ta, "{\"passphrase\":\"" + passA + "\"}").status()).isEqualTo(200);
    assertThat(key(TIANZHEN, tb, "{\"passphrase\":\"" + passB + "\"}").status()).isEqualTo(200);
    Await.until(
        WAIT,
        () -> Http.get(url(XINGHE, "/api/v1/informants/keys")).body().contains(b),
        "乙's key on 兴和县's node");
    String firstKey = keyIdOf(XINGHE, a);

    Http.Response posted =
        Http.postJson(
            url(XINGHE, "/api/v1/leads"),
            """
            {"officer":"150924-017","category":"UNLICENSED_TRANSPORT","title":"城关镇物流点代收卷烟",
             "narrative":"举报称城关镇一物流点每周二代收外地卷烟约10件。","targetBureaus":["140222"]}
            """);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String lead = posted.json().get("id").asText();
    Http.Response recorded =
        Http.postJson(
            url(XINGHE, "/api/v1/informants/reports"),
            "{\"officer\":\"150924-017\",\"leadId\":\""
                + lead
                + "\",\"source\":\"REPORT\",\"informant\":{\"name\":\""
                + NAME
                + "\",\"phone\":\""
                + PHONE
                + "\"},\"openers\":[\""
                + a
                + "\",\""
                + b
                + "\"]}");
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.json().get("unreadableFor").size()).isZero();

    // a key is not replaced by a bare request (a hijacked session cannot do it in one request)
    Http.Response bare = key(XINGHE, ta, "{\"passphrase\":\"" + newA + "\"}");
    assertThat(bare.status()).as(bare.body()).isEqualTo(409);
    assertThat(bare.body()).contains("key-exists", "/currentPassphrase");
    Http.Response wrongCurrent =
        key(
            XINGHE,
            ta,
            "{\"passphrase\":\"" + newA + "\",\"currentPassphrase\":\"not-the-passphrase\"}");
    assertThat(wrongCurrent.status()).isEqualTo(403);
    assertThat(wrongCurrent.body()).contains("wrong-passphrase", "/currentPassphrase");
    // changed with the current one: the same key, the identity opens with the new passphrase
    Http.Response changed =
        key(
            XINGHE,
            ta,
            "{\"passphrase\":\"" + newA + "\",\"currentPassphrase\":\"" + passA + "\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(keyIdOf(XINGHE, a)).isEqualTo(firstKey);
    assertThat(open(XINGHE, ta, a, lead, newA).status()).isEqualTo(200);
    assertThat(open(XINGHE, ta, a, lead, passA).status()).isEqualTo(403);

    // forgotten: a new key; what was sealed to the old one is unreadable for 甲 with it
    Http.Response remade =
        key(XINGHE, ta, "{\"passphrase\":\"" + forgotA + "\",\"forgotten\":true}");
    assertThat(remade.status()).as(remade.body()).isEqualTo(200);
    String secondKey = keyIdOf(XINGHE, a);
    assertThat(secondKey).isNotEqualTo(firstKey);
    Http.Response stale = open(XINGHE, ta, a, lead, forgotA);
    assertThat(stale.status()).as(stale.body()).isEqualTo(409);
    assertThat(stale.body()).contains("sealed-for-older-key");
    noIdentity("an opening with the new key before the re-seal", stale.body());
    JsonNode line = Http.get(url(XINGHE, "/api/v1/informants/reports/" + lead)).json();
    assertThat(line.get("unreadableFor").toString()).contains(a).doesNotContain(b);
    // the old key is kept: remembered, its passphrase still opens what was sealed to it
    Http.Response remembered = open(XINGHE, ta, a, lead, newA);
    assertThat(remembered.status()).as(remembered.body()).isEqualTo(200);
    assertThat(remembered.json().at("/informant/name").asText()).isEqualTo(NAME);

    // 乙 re-seals it for 甲 on 天镇县's node once 甲's new key is there
    Await.until(WAIT, () -> secondKey.equals(keyIdOf(TIANZHEN, a)), "甲's new key on 天镇县");
    Http.Response notChosen = reseal(tb, b, lead, passB, "150924-101");
    assertThat(notChosen.status()).as(notChosen.body()).isEqualTo(422);
    assertThat(notChosen.body()).contains("/opener");
    Http.Response resealed = reseal(tb, b, lead, passB, a);
    assertThat(resealed.status()).as(resealed.body()).isEqualTo(200);
    noIdentity("the re-seal's answer", resealed.body());
    assertThat(resealed.json().get("resealings").toString()).contains(a, b);
    assertThat(resealed.json().get("unreadableFor").size()).isZero();
    assertThat(reseal(tb, b, lead, passB, a).status()).isEqualTo(409);

    // the poster's register is told, as of an opening; 甲's new key opens it on 兴和县
    Await.until(
        WAIT,
        () -> {
          JsonNode l = Http.get(url(XINGHE, "/api/v1/informants/reports/" + lead)).json();
          return l.get("resealings").toString().contains(b) && l.get("unreadableFor").isEmpty();
        },
        "the re-seal in 兴和县's register");
    Http.Response reopened = open(XINGHE, ta, a, lead, forgotA);
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
    assertThat(reopened.json().at("/informant/name").asText()).isEqualTo(NAME);
    assertThat(reopened.json().at("/informant/phone").asText()).isEqualTo(PHONE);
    // signed and chained in the re-sealer's bureau's audit log, under a key naming its maker (乙):
    // two officers re-sealing for 甲 in the same millisecond do not collide (review-4 R4-8)
    assertThat(chained(TIANZHEN, "resealed-" + lead + "-" + a + "-" + b + "-")).isTrue();
  }

  /**
   * Review-3 F18: the reward status follows its table (未申请 → 已申报 | 不予奖励, 已申报 → 已兑现 | 不予奖励; final
   * after that) and paying out or refusing is the chief's decision; 已兑现 comes only from a signed
   * settlement entry (review-4 R4-6).
   */
  @Test
  void theRewardStatusFollowsItsTableAndTheChiefDecides() {
    String liaison = "150924-121";
    enrol(XINGHE, liaison, "LIAISON");
    String tl = login(XINGHE, liaison);
    Http.Response posted =
        Http.postJson(
            url(XINGHE, "/api/v1/leads"),
            """
            {"officer":"150924-017","category":"COUNTERFEIT","title":"苏木山景区小卖部销售假烟",
             "narrative":"举报称苏木山景区一小卖部销售假冒云烟。"}
            """);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String lead = posted.json().get("id").asText();
    assertThat(
            Http.postJson(
                    url(XINGHE, "/api/v1/informants/reports"),
                    "{\"officer\":\"150924-017\",\"leadId\":\""
                        + lead
                        + "\",\"source\":\"REPORT\"}")
                .status())
        .isEqualTo(201);
    String path = "/api/v1/informants/reports/" + lead + "/reward";
    // a liaison officer declares, but does not pay out
    Http.Response paidByLiaison =
        as(tl, "POST", url(XINGHE, path), "{\"officer\":\"" + liaison + "\",\"status\":\"PAID\"}");
    assertThat(paidByLiaison.status()).as(paidByLiaison.body()).isIn(403, 409);
    Http.Response declared =
        as(
            tl,
            "POST",
            url(XINGHE, path),
            "{\"officer\":\"" + liaison + "\",\"status\":\"DECLARED\"}");
    assertThat(declared.status()).as(declared.body()).isEqualTo(200);
    Http.Response refusedByLiaison =
        as(
            tl,
            "POST",
            url(XINGHE, path),
            "{\"officer\":\"" + liaison + "\",\"status\":\"NOT_REWARDED\"}");
    assertThat(refusedByLiaison.status()).as(refusedByLiaison.body()).isEqualTo(403);
    assertThat(refusedByLiaison.body()).contains("chief-decides", "/status");
    // no step back
    Http.Response back =
        Http.postJson(url(XINGHE, path), "{\"officer\":\"150924-017\",\"status\":\"NOT_APPLIED\"}");
    assertThat(back.status()).as(back.body()).isEqualTo(409);
    assertThat(back.body()).contains("reward-state");
    // 已兑现 is not set here, not even by the chief (the test officer has every role): it follows
    // the signed settlement entry (review-4 R4-6: a line paid here had no entry, and could then
    // never be settled); refused naming the field, the line still 已申报
    Http.Response paid =
        Http.postJson(url(XINGHE, path), "{\"officer\":\"150924-017\",\"status\":\"PAID\"}");
    assertThat(paid.status()).as(paid.body()).isEqualTo(409);
    assertThat(paid.contentType()).startsWith("application/problem+json");
    assertThat(paid.body())
        .contains("reward-paid-by-settlement", "/status", "/api/v1/rewards/settlements");
    assertThat(
            Http.get(url(XINGHE, "/api/v1/informants/reports/" + lead))
                .json()
                .get("rewardStatus")
                .asText())
        .isEqualTo("DECLARED");
    // the chief decides not to reward; then it is final
    Http.Response notRewarded =
        Http.postJson(
            url(XINGHE, path), "{\"officer\":\"150924-017\",\"status\":\"NOT_REWARDED\"}");
    assertThat(notRewarded.status()).as(notRewarded.body()).isEqualTo(200);
    assertThat(notRewarded.json().get("rewardStatus").asText()).isEqualTo("NOT_REWARDED");
    Http.Response after =
        Http.postJson(
            url(XINGHE, path), "{\"officer\":\"150924-017\",\"status\":\"NOT_REWARDED\"}");
    assertThat(after.status()).as(after.body()).isEqualTo(409);
  }

  static Http.Response key(int node, String token, String body) {
    return as(token, "PUT", url(node, "/api/v1/informants/keys/me"), body);
  }

  static String keyIdOf(int node, String officer) {
    for (JsonNode bureau : Http.get(url(node, "/api/v1/informants/keys")).json().get("items")) {
      for (JsonNode k : bureau.get("keys")) {
        if (k.get("officer").asText().equals(officer)) {
          return k.get("keyId").asText();
        }
      }
    }
    return null;
  }

  static Http.Response open(int node, String token, String officer, String lead, String pass) {
    return as(
        token,
        "POST",
        url(node, "/api/v1/informants/reports/" + lead + "/open"),
        "{\"officer\":\"" + officer + "\",\"passphrase\":\"" + pass + "\"}");
  }

  static Http.Response reseal(String token, String officer, String lead, String pass, String for_) {
    return as(
        token,
        "POST",
        url(TIANZHEN, "/api/v1/informants/reports/" + lead + "/reseal"),
        "{\"officer\":\""
            + officer
            + "\",\"passphrase\":\""
            + pass
            + "\",\"opener\":\""
            + for_
            + "\"}");
  }

  static Http.Response transition(int node, String lead, String event, String extra) {
    return Http.postJson(
        url(node, "/api/v1/leads/" + lead + "/transitions"),
        "{\"event\":\""
            + event
            + "\",\"officer\":\""
            + TestCluster.OFFICERS.get(node)
            + "\""
            + extra
            + "}");
  }

  static boolean chained(int node, String recordKey) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + cluster.config(node).dataDir().resolve("liaison.db"));
        PreparedStatement st =
            c.prepareStatement("SELECT count(*) FROM chain WHERE envelope LIKE ?")) {
      st.setString(1, "%\"record\":\"" + recordKey + "%");
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  static boolean holds(int node, String id) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + cluster.config(node).dataDir().resolve("liaison.db"));
        PreparedStatement st = c.prepareStatement("SELECT count(*) FROM records WHERE id=?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  static List<String> scan(Path data) throws IOException {
    List<String> hits = new ArrayList<>();
    for (String s : new String[] {NAME, PHONE, ID_NUMBER}) {
      hits.addAll(scanFor(data, s));
    }
    return hits;
  }

  static List<String> scanFor(Path data, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<String> hits = new ArrayList<>();
    // walkFileTree, not Files.walk: a Lucene segment merged away between the listing and its
    // attributes made Files.walk throw (NoSuchFileException, seen under load); skip such a file
    List<Path> all = new ArrayList<>();
    Files.walkFileTree(
        data,
        new java.nio.file.SimpleFileVisitor<Path>() {
          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path f, java.nio.file.attribute.BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              all.add(f);
            }
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    for (Path f : all) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        continue; // a file removed while walking (a merged index segment)
      }
      if (indexOf(bytes, needle) >= 0) {
        hits.add(f + ": " + text);
      }
    }
    return hits;
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
