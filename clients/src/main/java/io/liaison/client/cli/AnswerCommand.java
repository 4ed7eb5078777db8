package io.liaison.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that asks the node one thing and prints the answer: as JSON with {@code --json},
 * otherwise as {@link #text}. The groups' bases ({@code AreaCommand.Base}, {@code
 * PriceCommand.Base}, {@code ReportCommand.Base}) only say which part of the client they ask.
 */
abstract class AnswerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Asks the node. */
  abstract Object answer(Cli cli);

  /** The answer for a person (only called without {@code --json}). */
  abstract String text(Object answer);

  @Override
  public Integer call() {
    Cli cli = Cli.of(spec);
    Object a = answer(cli);
    return Cli.print(spec, cli, a, () -> text(a));
  }
}
