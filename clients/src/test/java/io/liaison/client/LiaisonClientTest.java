package io.liaison.client;

import static io.liaison.client.RecordedNode.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.api.lead.LeadCategory;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadPage;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiaisonClientTest {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROBLEM = "application/problem+json";

  private final RecordedNode node = new RecordedNode();
  private final LiaisonClient client = LiaisonClient.create(node.uri());

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void ignoresFieldsANewerNodeAdds() {
    String newer =
        recorded("lead.json")
            .replaceFirst("\\{", "{\"shinyNewField\":{\"x\":1},")
            .replace("\"sealed\":false", "\"sealed\":false,\"priorityScore\":7");
    node.on("GET", "/api/v1/leads/x", (x, r) -> RecordedNode.send(x, 200, JSON, newer));

    assertThat(client.getLead("x").lead().title()).isEqualTo("谷前堡镇民房疑为假烟分装窝点");
  }

  @Test
  void listsPagesWithTheQueryItWasGiven() {
    node.on("GET", "/api/v1/leads", 200, JSON, "page-1.json");

    LeadPage page =
        client.listLeads(
            LeadQuery.newest().withBureau(BureauId.of("150924")).withLimit(2).after("a+b/c="));

    assertThat(page.items()).hasSize(2);
    assertThat(page.items().get(0).postedAt()).isAfter(page.items().get(1).postedAt());
    assertThat(page.next()).isNotBlank();
    assertThat(node.last().pathAndQuery())
        .isEqualTo("/api/v1/leads?limit=2&bureau=150924&cursor=a%2Bb%2Fc%3D");
  }

  @Test
  void aProblemAnswerBecomesATypedException() {
    node.on("POST", "/api/v1/leads", 422, PROBLEM, "problem-422.json");
    LeadDraft draft =
        new LeadDraft("o", LeadCategory.OTHER, "t", "n", null, null, null, null, null, null);

    assertThatThrownBy(() -> client.postLead(draft))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.slug()).isEqualTo("invalid-field");
              assertThat(e.problem().title()).isEqualTo("Invalid content");
              assertThat(e.problem().detail()).isEqualTo("/title must not be blank");
              assertThat(e.problem().field()).isEqualTo("/title");
              assertThat(e.getMessage()).contains("HTTP 422").contains("/title");
            });
  }

  @Test
  void anUnknownLeadIsNotFound() {
    node.on("GET", "/api/v1/leads/nope", 404, PROBLEM, "problem-404.json");

    assertThatThrownBy(() -> client.getLead("nope"))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.slug()).isEqualTo("not-found");
              assertThat(e.problem().detail()).isEqualTo("no lead nope");
            });
  }

  @Test
  void anErrorPageThatIsNotAProblemStillBecomesOne() {
    node.on(
        "GET",
        "/api/v1/roster",
        (x, r) -> RecordedNode.send(x, 502, "text/html", "<html>bad gateway</html>"));

    assertThatThrownBy(() -> client.roster())
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(URI.create("about:blank"));
              assertThat(e.problem().title()).isEqualTo("Bad Gateway");
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.problem().detail()).contains("bad gateway");
            });
  }

  @Test
  void idsAreEncodedAsOnePathSegment() {
    node.on("GET", "/api/v1/leads/a%2Fb%20c", 200, JSON, "lead.json");

    client.getLead("a/b c");

    assertThat(node.last().pathAndQuery()).isEqualTo("/api/v1/leads/a%2Fb%20c");
  }

  @Test
  void healthTellsLiveFromReady() {
    node.on(
        "GET", "/health/live", (x, r) -> RecordedNode.send(x, 200, JSON, "{\"status\":\"UP\"}"));
    node.on(
        "GET", "/health/ready", (x, r) -> RecordedNode.send(x, 503, JSON, "{\"status\":\"DOWN\"}"));

    assertThat(client.health()).isEqualTo(new Health(true, false));
  }

  @Test
  void aNodeThatIsNotThereIsUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LiaisonClient nowhere = LiaisonClient.create(URI.create("http://127.0.0.1:" + port));

    assertThatThrownBy(nowhere::roster)
        .isInstanceOf(NodeUnreachableException.class)
        .hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void refusesNodeUrlsItCannotUse() {
    assertThatThrownBy(() -> LiaisonClient.create(URI.create("ftp://x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LiaisonClient.create(URI.create("http://x/?a=b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNodeBehindAPathPrefixIsReachedUnderIt() {
    node.on("GET", "/liaison/api/v1/roster", 200, JSON, "roster.json");
    LiaisonClient prefixed = LiaisonClient.create(URI.create(node.uri() + "/liaison/"));

    assertThat(prefixed.roster().self()).isEqualTo(BureauId.of("140222"));
  }
}
