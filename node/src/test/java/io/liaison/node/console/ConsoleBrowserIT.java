package io.liaison.node.console;

import io.liaison.node.TestCluster;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in a real browser: headless Chromium driven by Playwright ({@code
 * src/test/js/browser}) against three real nodes (兴和县 150924, 天镇县 140222, 阳高县 140221) started here.
 * Each flow signs in through the console and does an officer's job there; screenshots of each
 * screen at 1440 px and 390 px are kept in {@code target/console-screenshots}, the time-to-act
 * figures in {@code target/console-timings.json}.
 */
class ConsoleBrowserIT {
  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    NodeScripts.installPackages();
    NodeScripts.chromium();
    // the search and network flows share the generated demo cases (POST /api/v1/cases/demo)
    cluster = new TestCluster(dir, 3, c -> c.withDemoSeeding()).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyFlowPassesInChromium() throws Exception {
    String urls = IntStream.range(0, 3).mapToObj(cluster::url).collect(Collectors.joining(","));
    // -Dliaison.browser.flow=imports runs one flow (browser/imports.test.mjs) instead of all
    String flow = System.getProperty("liaison.browser.flow");
    NodeScripts.run(
        flow == null || flow.isBlank() ? "browser" : "browser/" + flow + ".test.mjs",
        Map.of(
            "LIAISON_URLS", urls,
            "LIAISON_OFFICERS", String.join(",", TestCluster.OFFICERS),
            "LIAISON_PASSWORD", TestCluster.PASSWORD,
            "LIAISON_SHOTS", Path.of("target/console-screenshots").toAbsolutePath().toString(),
            "LIAISON_TIMINGS", Path.of("target/console-timings.json").toAbsolutePath().toString(),
            "CHROMIUM", NodeScripts.chromium().toString()),
        1500,
        Path.of("target/console-browser.log"));
  }
}
