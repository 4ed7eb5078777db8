package io.liaison.client.cli;

import io.liaison.client.RecordedNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process against a {@link RecordedNode}, with its own environment (the token file
 * under a temporary {@code XDG_CONFIG_HOME}, never the user's) and, when a test types something, a
 * scripted terminal.
 */
final class CliHarness implements AutoCloseable {
  record Result(int code, String out, String err) {}

  final RecordedNode node = new RecordedNode();
  final Map<String, String> env = new HashMap<>();
  private final Clock clock;
  private final Deque<String> typed = new ArrayDeque<>();
  private final List<String> prompts = new ArrayList<>();
  private boolean interactive;

  CliHarness(Path config, Clock clock) {
    this.clock = clock;
    env.put("XDG_CONFIG_HOME", config.toString());
  }

  Path tokenFile() {
    return Path.of(env.get("XDG_CONFIG_HOME"), "liaison", "tokens.json");
  }

  /** From now on the CLI runs at a terminal where these lines are typed, one per prompt. */
  void typing(String... lines) {
    interactive = true;
    typed.addAll(List.of(lines));
  }

  List<String> prompts() {
    return List.copyOf(prompts);
  }

  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--node", node.uri().toString()));
    all.addAll(List.of(args));
    return runBare(all.toArray(String[]::new));
  }

  Result runBare(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), env, clock, terminal());
    return new Result(code, out.toString(), err.toString());
  }

  /** The last POST the node received (reads of the roster may come after it). */
  RecordedNode.Request lastPost() {
    return node.requests().stream()
        .filter(q -> q.method().equals("POST"))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  List<String> requestsTo(String path) {
    return node.requests().stream()
        .map(RecordedNode.Request::pathAndQuery)
        .filter(p -> p.startsWith(path))
        .toList();
  }

  private Terminal terminal() {
    if (!interactive) {
      return Terminal.NONE;
    }
    return new Terminal() {
      @Override
      public boolean interactive() {
        return true;
      }

      @Override
      public String readLine(String prompt) {
        prompts.add(prompt);
        return typed.poll();
      }

      @Override
      public char[] readPassword(String prompt) {
        prompts.add(prompt);
        String s = typed.poll();
        return s == null ? null : s.toCharArray();
      }
    };
  }

  @Override
  public void close() {
    node.close();
  }
}
