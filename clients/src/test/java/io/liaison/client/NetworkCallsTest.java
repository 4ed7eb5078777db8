package io.liaison.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.network.ProposalView;
import io.liaison.api.network.Verdict;
import io.liaison.api.search.IdentifierPage;
import io.liaison.api.search.SearchPage;
import io.liaison.client.network.DecisionRequest;
import io.liaison.client.search.SearchQuery;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Search, networked cases, merge proposals and restricted hits through the Java client. The answers
 * under {@code recorded/} were written from the node's own answer types (NetworkRoutes, SearchPage,
 * MergeStatus) and read back by them with the project's strict mapper; the ids are the ones the
 * link engine derives from the member ids.
 */
class NetworkCallsTest {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROBLEM = "application/problem+json";
  private static final String PROPOSAL = "mp-48e66fe24be83d58e0b1e43a0ae3da1f";
  private static final String NETWORK = "net-987f05c3d3daaeb3";

  private final RecordedNode node = new RecordedNode();
  private final LiaisonClient client = LiaisonClient.create(node.uri());

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void searchSendsTheQueryFiltersPageAndFacetsAndReadsHitsAndCounts() {
    node.on("GET", "/api/v1/search", 200, JSON, "search-page.json");

    SearchPage page =
        client.search(
            SearchQuery.of("面包车 \"夜间\"")
                .withBureaus(List.of(BureauId.of("150924"), BureauId.of("140222")))
                .withCategories(List.of(CaseCategory.UNLICENSED_TRANSPORT, CaseCategory.OTHER))
                .withKinds(List.of("case"))
                .between(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-11-30"))
                .withLimit(2)
                .after("bzoy"));

    assertThat(node.last().pathAndQuery())
        .isEqualTo(
            "/api/v1/search?q=%E9%9D%A2%E5%8C%85%E8%BD%A6%20%22%E5%A4%9C%E9%97%B4%22"
                + "&bureau=150924,140222&category=UNLICENSED_TRANSPORT,OTHER&kind=case"
                + "&from=2026-01-01&to=2026-11-30&limit=2&cursor=bzoy"
                + "&facets=bureau,category,kind");
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.nextCursor()).isEqualTo("bzoy");
    assertThat(page.items()).hasSize(2);
    assertThat(page.items().get(0).isCase()).isTrue();
    assertThat(page.items().get(0).title()).isEqualTo("兴烟立字〔2026〕第31号");
    assertThat(page.items().get(0).valueFen()).isEqualTo(1_350_000);
    assertThat(page.items().get(0).disposition()).isEqualTo(Disposition.ADMINISTRATIVE_PENALTY);
    assertThat(page.items().get(0).snippets().get(0)).contains("<em>面包车</em>");
    assertThat(page.items().get(1).isCase()).isFalse();
    assertThat(page.items().get(1).date()).isEqualTo(LocalDate.parse("2026-11-26"));
    assertThat(page.facet("bureau"))
        .containsExactly(
            new SearchPage.FacetCount("150924", 2), new SearchPage.FacetCount("140222", 1));
    assertThat(page.facet("month")).isEmpty();
  }

  @Test
  void aBlankSearchMatchesEverythingAndBadPagesAreRefusedBeforeSending() {
    node.on("GET", "/api/v1/search", 200, JSON, "search-empty.json");

    SearchPage page = client.search(SearchQuery.of(null));

    assertThat(page.total()).isZero();
    assertThat(page.nextCursor()).isNull();
    assertThat(node.last().pathAndQuery())
        .isEqualTo("/api/v1/search?q=&limit=20&facets=bureau,category,kind");
    assertThatThrownBy(() -> SearchQuery.of("x").withLimit(101)).hasMessageContaining("1 to 100");
    assertThatThrownBy(
            () -> SearchQuery.of("x").between(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
        .hasMessageContaining("before");
  }

  @Test
  void lookupNormalisesOnTheNodeAndReadsTheCanonicalValue() {
    node.on("GET", "/api/v1/search/identifiers", 200, JSON, "search-identifiers.json");

    IdentifierPage page = client.lookup("PLATE", "蒙J·3K582", 50);

    assertThat(node.last().pathAndQuery())
        .isEqualTo("/api/v1/search/identifiers?type=PLATE&value=%E8%92%99J%C2%B73K582&limit=50");
    assertThat(page.value()).isEqualTo("蒙J3K582");
    assertThat(page.valid()).isTrue();
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.items()).extracting(i -> i.bureau().code()).contains("150924", "140222");
  }

  @Test
  void aQueryTheNodeCannotParseIsABadQueryNamingQ() {
    node.on("GET", "/api/v1/search", 400, PROBLEM, "problem-400-bad-query.json");

    assertThatThrownBy(() -> client.search(SearchQuery.of("\"面包车")))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.slug()).isEqualTo("bad-query");
              assertThat(e.problem().field()).isEqualTo("q");
            });
  }

  @Test
  void aDecisionSendsTheVerdictOfficerAndLeadBureauOnly() throws Exception {
    node.on(
        "POST",
        "/api/v1/networks/proposals/" + PROPOSAL + "/decision",
        201,
        JSON,
        "proposal-accepted.json");

    ProposalView v =
        client.decide(
            PROPOSAL, new DecisionRequest(Verdict.ACCEPT, " 140222-001 ", BureauId.of("150924")));
    JsonNode sent = Json.mapper().readTree(node.last().body());
    client.decide(PROPOSAL, new DecisionRequest(Verdict.DECLINE, "140222-001", null));
    JsonNode declined = Json.mapper().readTree(node.last().body());

    assertThat(sent.toString())
        .isEqualTo(
            "{\"decision\":\"ACCEPT\",\"officer\":\"140222-001\",\"leadBureau\":\"150924\"}");
    assertThat(declined.toString())
        .isEqualTo("{\"decision\":\"DECLINE\",\"officer\":\"140222-001\"}");
    assertThat(v.status().state()).isEqualTo(ProposalView.State.ACCEPTED);
    assertThat(v.status().leadBureau()).isEqualTo(BureauId.of("150924"));
    assertThat(v.status().coHandling()).containsExactly(BureauId.of("140222"));
    assertThatThrownBy(() -> new DecisionRequest(Verdict.ACCEPT, " ", null))
        .hasMessageContaining("officer");
  }

  @Test
  void networkAndProposalIdsAreOnePathSegment() {
    node.on("GET", "/api/v1/networks/a%2Fb", 200, JSON, "network.json");

    client.network("a/b");

    assertThat(node.last().pathAndQuery()).isEqualTo("/api/v1/networks/a%2Fb");
    assertThat(ApiPaths.proposal(" mp-1 ")).isEqualTo("/api/v1/networks/proposals/mp-1");
  }
}
