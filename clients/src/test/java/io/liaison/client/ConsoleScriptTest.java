package io.liaison.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the web console's JavaScript tests ({@code src/test/js}, over the console assets the node
 * serves from {@code node/src/main/resources/console}) with Node.js's built-in runner. Skipped on
 * machines without {@code node}; the console itself needs no build step.
 */
class ConsoleScriptTest {
  @Test
  void consoleLogicPassesItsTests() throws Exception {
    Path tests = Path.of("src/test/js");
    assumeTrue(Files.isDirectory(tests), "not run from the clients module");
    assumeTrue(nodeAvailable(), "node (Node.js 20+) is not installed");

    Process p =
        new ProcessBuilder("node", "--test", tests.toString()).redirectErrorStream(true).start();
    String output;
    try (var in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
  }

  private static boolean nodeAvailable() throws InterruptedException {
    try {
      Process v = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return v.waitFor(10, TimeUnit.SECONDS)
          && v.exitValue() == 0
          && version.matches("(?s)v(2\\d|[3-9]\\d).*");
    } catch (IOException e) {
      return false;
    }
  }
}
