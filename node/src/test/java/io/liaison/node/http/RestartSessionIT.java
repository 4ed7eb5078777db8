package io.liaison.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session outlives a restart of its node, and the first request with a body after the restart
 * (whose sign-in check goes to the store, the session not being in memory yet) keeps its body.
 */
class RestartSessionIT {
  @TempDir Path dir;

  static Http.Response post(String url, String token, String officer, String title) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(url + "/api/v1/leads"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"officer":"%s","category":"UNLICENSED_TRANSPORT","title":"%s",
                     "narrative":"重启之后用重启之前的令牌发布线索。"}
                    """
                        .formatted(officer, title))));
  }

  @Test
  void tokensIssuedBeforeARestartPostAfterIt() throws Exception {
    try (TestCluster cluster = new TestCluster(dir, 1).startAll()) {
      String officer = TestCluster.OFFICERS.get(0);
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        tokens.add(Http.signIn(cluster.url(0), officer, TestCluster.PASSWORD));
      }
      cluster.stop(0);
      cluster.start(0);
      String url = cluster.url(0);
      for (int i = 0; i < tokens.size(); i++) {
        // each token is new to the restarted node: each first use is checked against the store
        Http.Response r = post(url, tokens.get(i), officer, "重启后第" + i + "条线索");
        assertThat(r.status())
            .as("post with token %d issued before the restart: %s", i, r.body())
            .isEqualTo(201);
        assertThat(r.json().at("/lead/title").asText()).isEqualTo("重启后第" + i + "条线索");
      }
    }
  }
}
