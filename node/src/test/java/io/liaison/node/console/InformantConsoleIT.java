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
 * The 举报台帐 screens in headless Chromium ({@code src/test/js/browser-informants}, the harness of
 * {@link ConsoleBrowserIT}) against three real nodes: keys, recording a source with the informant
 * sealed, opening it on another bureau's node, the reward status and the register.
 */
class InformantConsoleIT {
  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    NodeScripts.installPackages();
    NodeScripts.chromium();
    cluster = new TestCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theRegisterFlowPassesInChromium() throws Exception {
    String urls = IntStream.range(0, 3).mapToObj(cluster::url).collect(Collectors.joining(","));
    NodeScripts.run(
        "browser-informants",
        Map.of(
            "LIAISON_URLS", urls,
            "LIAISON_OFFICERS", String.join(",", TestCluster.OFFICERS),
            "LIAISON_PASSWORD", TestCluster.PASSWORD,
            "LIAISON_SHOTS", Path.of("target/console-screenshots").toAbsolutePath().toString(),
            "LIAISON_TIMINGS", Path.of("target/console-timings.json").toAbsolutePath().toString(),
            "CHROMIUM", NodeScripts.chromium().toString()),
        600,
        Path.of("target/console-informants.log"));
  }
}
