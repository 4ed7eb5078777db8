package io.liaison.node;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks where each test class and test begins in the test JVM's log file (logback-test.xml: the
 * console shows warnings only, the file everything), and says on the console where a failed test's
 * lines are: {@code FAILED CaseSearchIT.aPlateIs… — its log: target/test-logs/it.log from the line
 * "=== CaseSearchIT.aPlateIs…"}. Registered for every test of node and clients by META-INF/services
 * and junit-platform.properties (extension auto-detection).
 */
public final class TestLogMarks
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
  private static final Logger log = LoggerFactory.getLogger("test");

  @Override
  public void beforeAll(ExtensionContext context) {
    log.info("=== {} (class)", context.getRequiredTestClass().getSimpleName());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    log.info("=== {}", name(context));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Optional<Throwable> failure = context.getExecutionException();
    if (failure.isPresent()) {
      log.warn(
          "FAILED {} ({}) — its log: {} from the line \"=== {}\"",
          name(context),
          failure.get().toString().lines().findFirst().orElse(""),
          System.getProperty("liaison.test.log", "target/test-logs/tests.log"),
          name(context));
    } else {
      log.info("=== {} passed", name(context));
    }
  }

  private static String name(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName()
        + "."
        + context.getRequiredTestMethod().getName();
  }
}
