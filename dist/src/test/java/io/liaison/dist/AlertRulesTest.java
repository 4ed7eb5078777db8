package io.liaison.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules in ops/prometheus fire on recorded bad series and stay quiet on good
 * ones ({@code promtool test rules}, Debian's package prometheus, which ops/test installs); the
 * Grafana dashboard in ops/grafana is a dashboard whose every panel queries something.
 */
class AlertRulesTest {
  private static final Path OPS = Path.of("..", "ops");

  @Test
  void rulesAreValidAndPassTheirRecordedSeries() throws Exception {
    Path dir = OPS.resolve("prometheus");
    assertThat(promtool(dir, "check", "rules", "liaison-alerts.yml")).contains("SUCCESS");
    assertThat(promtool(dir, "test", "rules", "liaison-alerts.test.yml")).contains("SUCCESS");
  }

  @Test
  void everyAlertHasATest() throws Exception {
    Path dir = OPS.resolve("prometheus");
    String rules = Files.readString(dir.resolve("liaison-alerts.yml"));
    String tests = Files.readString(dir.resolve("liaison-alerts.test.yml"));
    var alerts = java.util.regex.Pattern.compile("- alert: (\\w+)").matcher(rules);
    int n = 0;
    while (alerts.find()) {
      n++;
      assertThat(tests)
          .as("a test of %s", alerts.group(1))
          .contains("alertname: " + alerts.group(1));
    }
    assertThat(n).isGreaterThanOrEqualTo(9);
  }

  @Test
  void dashboardPanelsQueryPrometheus() throws Exception {
    JsonNode d =
        new ObjectMapper().readTree(OPS.resolve("grafana/liaison-dashboard.json").toFile());
    assertThat(d.path("uid").asText()).isEqualTo("liaison-nodes");
    int queried = 0;
    for (JsonNode p : d.path("panels")) {
      if (p.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(p.path("targets").size()).as(p.path("title").asText()).isPositive();
      p.path("targets").forEach(t -> assertThat(t.path("expr").asText()).isNotBlank());
      queried++;
    }
    assertThat(queried).isGreaterThanOrEqualTo(15);
  }

  private static String promtool(Path dir, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "promtool";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      throw new AssertionError(
          "promtool is missing: ops/test installs it (apt-get install prometheus)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    return out;
  }
}
