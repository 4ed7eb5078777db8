package io.liaison.client.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --limit} and {@code --cursor} of the commands that list leads a page at a time. */
final class PageOptions {
  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      defaultValue = "20",
      description = "at most N leads (default: ${DEFAULT-VALUE}; the node caps it)")
  int limit;

  @Option(
      names = "--cursor",
      paramLabel = "CURSOR",
      description = "continue after the previous page (its 'next' value)")
  String cursor;

  void check(CommandSpec spec) {
    if (limit < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
  }
}
