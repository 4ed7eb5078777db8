package io.liaison.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.lead.LeadPage;
import io.liaison.client.ApiPaths;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liaison inbox [VIEW]}: the bureau's work list. */
@Command(
    name = "inbox",
    mixinStandardHelpOptions = true,
    description = {
      "Your bureau's work list (待办): leads to claim, to work on, to give feedback on.",
      "Newest first. VIEW is one of:",
      "  open               leads addressed to your bureau that nobody has claimed (default)",
      "  claimed            leads your bureau owns and has not closed",
      "  awaiting-feedback  owned leads without feedback to the origin yet",
      "  overdue            of those, the ones past the feedback deadline",
      "  handed-to-me       leads offered to your bureau by hand-over",
      "  posted-by-me       leads your bureau posted",
      "  cohandling         open leads another bureau leads and invited yours to co-handle (协办)"
    })
final class InboxCommand implements Callable<Integer> {
  static final List<String> VIEWS =
      List.of(
          "open",
          "claimed",
          "awaiting-feedback",
          "overdue",
          "handed-to-me",
          "posted-by-me",
          "cohandling");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "VIEW", defaultValue = "open", arity = "0..1", description = "see above")
  String view;

  @Mixin PageOptions page;

  @Override
  public Integer call() {
    if (!VIEWS.contains(view)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "VIEW must be one of " + String.join(", ", VIEWS));
    }
    page.check(spec);
    Cli cli = Cli.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    if (cli.json()) {
      Cli.printJson(
          out, cli.client().get(ApiPaths.inbox(view, page.limit, page.cursor), JsonNode.class));
      return 0;
    }
    LeadPage leads = cli.client().inbox(view, page.limit, page.cursor);
    String again = "liaison inbox " + view + " --limit " + page.limit;
    out.print(new LeadFormat(cli.names()).page(leads, "(没有待办线索)", again));
    out.flush();
    return 0;
  }
}
