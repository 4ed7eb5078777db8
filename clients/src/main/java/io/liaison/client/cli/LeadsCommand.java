package io.liaison.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.lead.LeadPage;
import io.liaison.client.ApiPaths;
import io.liaison.client.LeadQuery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liaison leads …}: the shared leads (线索). */
@Command(
    name = "leads",
    mixinStandardHelpOptions = true,
    description = "Post, read and list shared leads (线索), and act on them.",
    subcommands = {
      LeadsPost.class,
      LeadsCommand.Get.class,
      LeadsCommand.ListLeads.class,
      LeadsTransitions.Claim.class,
      LeadsTransitions.Release.class,
      LeadsTransitions.Investigate.class,
      LeadsTransitions.Handover.class,
      LeadsTransitions.Accept.class,
      LeadsTransitions.Decline.class,
      LeadsTransitions.Feedback.class,
      LeadsTransitions.Close.class,
      LeadsTransitions.Withdraw.class,
      CommandLine.HelpCommand.class
    })
final class LeadsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description =
          "Show one lead: its content, status, signed history and the proof of its signature.")
  static final class Get implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the lead's id, e.g. 150924-20261126-7KQ2M9XD")
    String id;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(out, cli.client().get(ApiPaths.lead(id.strip()), JsonNode.class));
      } else {
        var lead = cli.client().getLead(id.strip());
        out.print(new LeadFormat(cli.names()).detail(lead));
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List leads this node holds, newest first, one page at a time.")
  static final class ListLeads implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-b", "--bureau"},
        paramLabel = "CODE",
        description = "only leads posted by this bureau, e.g. 150924")
    BureauId bureau;

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

    @Override
    public Integer call() {
      if (limit < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
      }
      Cli cli = Cli.of(spec);
      PrintWriter out = spec.commandLine().getOut();
      LeadQuery q = new LeadQuery(bureau, limit, cursor);
      if (cli.json()) {
        Cli.printJson(out, cli.client().get(ApiPaths.leads(q), JsonNode.class));
        return 0;
      }
      LeadPage page = cli.client().listLeads(q);
      if (page.items().isEmpty()) {
        out.println("(没有线索)");
      } else {
        out.print(new LeadFormat(cli.names()).table(page.items()));
      }
      if (page.next() != null) {
        String b = bureau == null ? "" : " --bureau " + bureau;
        out.println();
        out.println(
            "下一页: liaison leads list" + b + " --limit " + limit + " --cursor " + page.next());
      }
      out.flush();
      return 0;
    }
  }
}
