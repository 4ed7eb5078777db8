package io.liaison.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The version and git commit this build was made from, as the build wrote them into {@code
 * build.properties} (shown by {@code /health/*}, {@code --version} of both commands and the node's
 * first log line). The commit is {@code unknown} for a build outside a git checkout.
 *
 * @param version the Maven version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit the abbreviated git commit, with {@code -dirty} when the tree had changes
 */
public record BuildInfo(String version, String commit) {
  private static final BuildInfo CURRENT = load();

  public BuildInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commit, "commit");
  }

  /** This build's version and commit. */
  public static BuildInfo current() {
    return CURRENT;
  }

  /** {@code <name> <version> (commit <commit>)}, the text of {@code --version}. */
  public String describe(String name) {
    return name + " " + version + " (commit " + commit + ")";
  }

  private static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        clean(p.getProperty("version"), "unknown"), clean(p.getProperty("commit"), "unknown"));
  }

  /** An unfiltered placeholder (a build without the resource step) reads as the fallback. */
  private static String clean(String value, String fallback) {
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.trim();
  }
}
