package io.liaison.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the console's JavaScript tests ({@code src/test/js}) with Node.js's own test runner and
 * checks they all passed. Nothing is skipped: a missing tool fails the test with the command that
 * installs it ({@code .ci/run} installs them all when they are missing).
 */
public final class NodeScripts {
  static final Path JS = Path.of("src/test/js");
  static final String HOW =
      "run .ci/run once, or: apt-get install -y nodejs npm chromium fonts-wqy-microhei"
          + " && npm ci --prefix node/src/test/js";

  private NodeScripts() {}

  /** Runs {@code node --test} over {@code dir} (under src/test/js) and returns its output. */
  public static String run(String dir, Map<String, String> env, long timeoutSeconds, Path log)
      throws IOException, InterruptedException {
    assertThat(JS.resolve(dir)).as("run from the node module").isDirectory();
    assertThat(nodeVersion())
        .as("Node.js 20 or newer is needed: " + HOW)
        .matches("v(2\\d|[3-9]\\d)\\..*");
    List<String> command =
        new ArrayList<>(List.of("node", "--test", "--test-concurrency=1", "--test-timeout=240000"));
    // -Dliaison.browser.only=FILE.test.mjs runs that file of the folder alone (a flow being worked
    // on); the build runs them all
    String only = System.getProperty("liaison.browser.only");
    command.add(
        only == null ? JS.resolve(dir).toString() : JS.resolve(dir).resolve(only).toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Files.createDirectories(log.getParent());
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(ended).as("node --test ended within " + timeoutSeconds + " s:\n" + output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
    assertThat(output).as("no test is skipped").contains("# skipped 0").contains("# todo 0");
    return output;
  }

  /** Installs the npm packages of src/test/js (package-lock.json) when they are missing. */
  public static void installPackages() throws IOException, InterruptedException {
    if (Files.isDirectory(JS.resolve("node_modules/playwright-core"))) {
      return;
    }
    Process p =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(JS.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("npm ci ended").isTrue();
    assertThat(p.exitValue())
        .as("npm ci in node/src/test/js failed (" + HOW + "):\n" + out)
        .isZero();
  }

  /** The Chromium to drive: $CHROMIUM, else Debian's. */
  public static Path chromium() {
    String configured = System.getenv("CHROMIUM");
    Path path =
        Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    assertThat(Files.isExecutable(path)).as("Chromium at " + path + " is needed: " + HOW).isTrue();
    return path;
  }

  private static String nodeVersion() throws InterruptedException {
    try {
      Process v = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return v.waitFor(10, TimeUnit.SECONDS) && v.exitValue() == 0 ? version : "none";
    } catch (IOException e) {
      return "none";
    }
  }
}
