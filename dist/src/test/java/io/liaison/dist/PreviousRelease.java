package io.liaison.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The previous release's tarball, built from its git tag as a bureau's build machine would: the
 * tagged commit cloned from this checkout into {@code dist/target/previous-release/<commit>/}
 * ({@code git clone --shared}: the checkout itself is left as it was), then {@code mvn -o -pl dist
 * -am package -DskipTests -Djib.skip=true} there (once more without {@code -o} if a dependency only
 * the older build uses is missing from the local repository). A tag that is missing (a shallow
 * clone, tags not fetched, no git) fails the test saying so: the rolling upgrade is tested with two
 * real builds or not passed.
 */
final class PreviousRelease {
  private PreviousRelease() {}

  /** The tarball of {@code tag}, built once per commit (reused while {@code target/} is kept). */
  static Path tarball(Path repo, String tag, String pinned, Path work) throws Exception {
    String commit = commitOf(repo, tag, pinned);
    Path tree = work.resolve(commit);
    Path built = tree.resolve("dist/target");
    Path done = work.resolve(commit + ".built");
    if (!Files.exists(done)) {
      deleteTree(tree);
      Files.createDirectories(work);
      git(repo, "clone", "-q", "--shared", "--no-checkout", repo.toString(), tree.toString());
      git(tree, "checkout", "-q", "--detach", commit);
      List<String> mvn = new ArrayList<>();
      mvn.add(maven());
      mvn.addAll(
          List.of(
              "-B",
              "-ntp",
              "-o",
              "-q",
              "-Dstyle.color=never",
              "-pl",
              "dist",
              "-am",
              "package",
              "-DskipTests",
              "-Djib.skip=true"));
      String localRepo = System.getProperty("liaison.maven.repo");
      if (localRepo != null && !localRepo.isBlank()) {
        mvn.add("-Dmaven.repo.local=" + localRepo);
      }
      Path log = work.resolve(commit + "-build.log");
      int status = maven(mvn, tree, log, tag);
      if (status != 0 && Files.readString(log, StandardCharsets.ISO_8859_1).contains("offline")) {
        // a dependency only the older build uses is not in the local repository (a fresh CI
        // machine): this build of the previous release fetches it from the registry
        mvn.remove("-o");
        status = maven(mvn, tree, log, tag);
      }
      if (status != 0) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        throw new AssertionError(
            "building the previous release "
                + tag
                + " ("
                + String.join(" ", mvn)
                + " in "
                + tree
                + ") failed, exit "
                + status
                + "; last lines of "
                + log
                + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
      }
      Files.writeString(done, tag + " " + commit + "\n");
    }
    try (var files = Files.list(built)) {
      return files
          .filter(f -> f.getFileName().toString().matches("liaison-.*\\.tar\\.gz"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no liaison-*.tar.gz in " + built));
    }
  }

  private static int maven(List<String> mvn, Path tree, Path log, String tag) throws Exception {
    Process p =
        new ProcessBuilder(mvn)
            .directory(tree.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("building the previous release " + tag + " took over 20 min");
    }
    return p.exitValue();
  }

  /**
   * The full commit of the previous release: the one {@code tag} names, or, where the clone has the
   * history but not the tag (a checkout made by fetching a branch only), {@code pinned}, the commit
   * the tag was made on as recorded in dist/pom.xml. A tag that names another commit than the
   * pinned one fails (a moved tag is another release); neither found fails saying how to get them.
   */
  static String commitOf(Path repo, String tag, String pinned) throws Exception {
    Result byTag = exec(repo, "git", "rev-parse", "--verify", "--quiet", tag + "^{commit}");
    boolean hasPin = pinned != null && !pinned.isBlank();
    if (byTag.status == 0 && !byTag.out.isBlank()) {
      String commit = byTag.out.trim();
      if (hasPin && !commit.equals(pinned.trim())) {
        throw new AssertionError(
            "the tag "
                + tag
                + " names "
                + commit
                + " but dist/pom.xml pins the previous release to "
                + pinned
                + ": the tag was moved, or the pin is stale");
      }
      return commit;
    }
    if (hasPin) {
      Result byPin =
          exec(repo, "git", "rev-parse", "--verify", "--quiet", pinned.trim() + "^{commit}");
      if (byPin.status == 0 && !byPin.out.isBlank()) {
        return byPin.out.trim();
      }
    }
    Result shallow = exec(repo, "git", "rev-parse", "--is-shallow-repository");
    Result head = exec(repo, "git", "log", "-1", "--format=%H %cI");
    Result count = exec(repo, "git", "rev-list", "--count", "HEAD");
    Result tags = exec(repo, "git", "tag", "--list");
    throw new AssertionError(
        "the previous release "
            + tag
            + (hasPin ? " (commit " + pinned.trim() + ")" : "")
            + " is not in the git history of "
            + repo
            + (shallow.out.trim().equals("true") ? " (a shallow clone)" : "")
            + ": the rolling-upgrade test builds it from its tag and does not run without it."
            + " Clone with tags and full history (git fetch --tags --unshallow), or choose"
            + " another release with -Dliaison.previous.release=<tag or commit>."
            + " git said: "
            + byTag.out.trim()
            + "; this clone: HEAD "
            + head.out.trim()
            + ", "
            + count.out.trim()
            + " commits, tags ["
            + tags.out.trim().replace('\n', ' ')
            + "], shallow "
            + shallow.out.trim());
  }

  private static String maven() {
    String home = System.getProperty("liaison.maven.home");
    if (home != null && !home.isBlank() && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Result r = exec(dir, cmd.toArray(String[]::new));
    if (r.status != 0) {
      throw new AssertionError(String.join(" ", cmd) + " in " + dir + " failed: " + r.out);
    }
  }

  private record Result(int status, String out) {}

  private static Result exec(Path dir, String... cmd) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(127, cmd[0] + ": " + e.getMessage());
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(124, out);
    }
    return new Result(p.exitValue(), out);
  }

  private static void deleteTree(Path tree) throws IOException {
    if (!Files.exists(tree)) {
      return;
    }
    try (var all = Files.walk(tree)) {
      for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
