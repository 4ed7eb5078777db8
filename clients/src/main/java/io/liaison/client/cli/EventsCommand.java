package io.liaison.client.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code liaison events …}: the node's live feed. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "The node's live feed of what happens to leads.",
    subcommands = {EventsCommand.Tail.class, CommandLine.HelpCommand.class})
final class EventsCommand extends CommandGroup {
  @Command(
      name = "tail",
      mixinStandardHelpOptions = true,
      description = {
        "Follow the node's event feed and print one line per event (time, event id, what happened,"
            + " lead, bureau, title) until Ctrl-C.",
        "When the connection breaks it reconnects and resumes after the last event seen, so"
            + " nothing is missed or printed twice."
      })
  static final class Tail implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--last-event-id",
        paramLabel = "ID",
        description =
            "first replay every event after this id (0 = from the beginning), then follow live;"
                + " without it, start with the next event")
    String lastEventId;

    @Option(
        names = "--count",
        paramLabel = "N",
        description = "stop after N events (default: follow until interrupted)")
    int count;

    @Override
    public Integer call() {
      if (count < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--count must be positive");
      }
      Cli cli = Cli.of(spec);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      EventFormat format =
          new EventFormat(cli.json() ? BureauNames.NONE : cli.names(), cli.clock());
      int[] seen = {0};
      cli.client()
          .followEvents(
              lastEventId == null ? null : lastEventId.strip(),
              e -> {
                out.println(cli.json() ? EventFormat.json(e) : format.line(e));
                out.flush();
                seen[0]++;
                return count == 0 || seen[0] < count;
              },
              broken -> {
                err.println(
                    "liaison: event stream interrupted (" + broken.getMessage() + "), resuming …");
                err.flush();
              });
      return 0;
    }
  }
}
