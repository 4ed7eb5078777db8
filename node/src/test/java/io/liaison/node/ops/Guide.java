package io.liaison.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operations guide's procedures as the tests run them: a command block of {@code
 * docs/operations.md} is the {@code ```sh} block right after a line {@code <!-- procedure: NAME
 * -->}, and it runs exactly as written, with {@code bash -euo pipefail}, the variables the guide
 * names (NODE, TOKEN, DATA, …) in the environment and, first on the PATH, {@code liaison-node}
 * (this build's {@code io.liaison.node.Main}) and two stand-ins for what a test machine lacks:
 * {@code systemctl} (starts and stops the one node this run manages) and {@code chown} (there is no
 * {@code liaison} user).
 */
final class Guide {
  static final Path FILE = Path.of("../docs/operations.md");

  private final Path bin;

  /** Stand-ins and {@code liaison-node} in {@code dir/bin}. */
  Guide(Path dir) throws IOException {
    this.bin = Files.createDirectories(dir.resolve("bin"));
    script(
        "liaison-node",
        "exec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -Dfile.encoding=UTF-8 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
            // what the release's bin/liaison-node passes too (Hazelcast on Java 17)
            + " --add-exports java.base/jdk.internal.ref=ALL-UNNAMED"
            + " --add-opens java.base/java.lang=ALL-UNNAMED"
            + " --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
            + " --add-opens java.management/sun.management=ALL-UNNAMED"
            + " --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
            + " -Dlogback.configurationFile=logback.xml -cp '"
            + System.getProperty("java.class.path")
            + "' io.liaison.node.Main \"$@\"");
    // systemd's place: LIAISON_UNIT names a folder holding `run` (the service's command), `pid`
    // and `node.log`; stop waits until the process has ended, as systemd does
    script(
        "systemctl",
        """
        unit=${LIAISON_UNIT:?the test sets LIAISON_UNIT}
        now=
        for a in "$@"; do case "$a" in liaison-node|liaison-node.service) ;; --now) now=1 ;;
          stop|start|restart|enable|disable) verb=$a ;; *) echo "systemctl stand-in: $a?" >&2; exit 2 ;; esac; done
        stop() { if [ -f "$unit/pid" ]; then pid=$(cat "$unit/pid"); kill -TERM "$pid" 2>/dev/null || true
          while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; rm -f "$unit/pid"; fi; }
        start() { nohup "$unit/run" >>"$unit/node.log" 2>&1 </dev/null & echo $! >"$unit/pid"; }
        case "${verb:?}" in stop) stop ;; start) start ;; restart) stop; start ;;
          enable) if [ -n "$now" ]; then start; fi ;; disable) if [ -n "$now" ]; then stop; fi ;; esac
        """);
    script("chown", "exit 0 # no liaison user on a test machine");
  }

  /** The command block NAME of the guide, as written. */
  static String block(String name) throws IOException {
    List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    String marker = "<!-- procedure: " + name + " -->";
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        assertThat(lines.get(i + 1).strip()).as("the line after " + marker).isEqualTo("```sh");
        StringBuilder b = new StringBuilder();
        for (int j = i + 2; !lines.get(j).strip().equals("```"); j++) {
          b.append(lines.get(j)).append('\n');
        }
        return b.toString();
      }
    }
    throw new AssertionError("no " + marker + " in " + FILE.toAbsolutePath());
  }

  /**
   * Runs block NAME in {@code dir} with {@code env}; its output (stdout and stderr). Fails with the
   * output when it does not end with status 0 within {@code timeout}.
   */
  String run(String name, Path dir, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Path file = Files.writeString(bin.resolveSibling(name + ".sh"), block(name));
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-euo", "pipefail", file.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Path out = bin.resolveSibling(name + ".out");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    boolean ended = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    String output = Files.readString(out);
    assertThat(ended).as("procedure %s ended within %s:%n%s", name, timeout, output).isTrue();
    assertThat(p.exitValue()).as("procedure %s:%n%s", name, output).isZero();
    return output;
  }

  private void script(String name, String body) throws IOException {
    Path f = bin.resolve(name);
    Files.writeString(f, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
