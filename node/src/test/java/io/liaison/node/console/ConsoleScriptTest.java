package io.liaison.node.console;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's logic without a browser ({@code src/test/js/unit}: formatting, the session's token
 * handling against a stand-in HTTP server), run with Node.js's test runner.
 */
class ConsoleScriptTest {
  @Test
  void consoleLogicPassesItsTests() throws Exception {
    NodeScripts.run("unit", Map.of(), 120, Path.of("target/console-unit.log"));
  }
}
