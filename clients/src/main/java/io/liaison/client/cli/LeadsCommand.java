package io.liaison.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.client.ApiPaths;
import io.liaison.client.LeadQuery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      LeadsTransitions.Invite.class,
      LeadsTransitions.CoHandle.class,
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
final class LeadsCommand extends CommandGroup {
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

    @Mixin PageOptions page;

    @Override
    public Integer call() {
      page.check(spec);
      Cli cli = Cli.of(spec);
      PrintWriter out = spec.commandLine().getOut();
      LeadQuery q = new LeadQuery(bureau, page.limit, page.cursor);
      if (cli.json()) {
        Cli.printJson(out, cli.client().get(ApiPaths.leads(q), JsonNode.class));
        return 0;
      }
      String again =
          "liaison leads list"
              + (bureau == null ? "" : " --bureau " + bureau)
              + " --limit "
              + q.limit();
      out.print(new LeadFormat(cli.names()).page(cli.client().listLeads(q), "(没有线索)", again));
      out.flush();
      return 0;
    }
  }
}
