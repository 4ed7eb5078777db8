package io.liaison.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.network.ProposalView;
import io.liaison.api.network.Verdict;
import io.liaison.client.ApiPaths;
import io.liaison.client.network.DecisionRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Networked cases (网络案件) as commands: {@code networks}, {@code network ID}, {@code proposals},
 * {@code proposal ID}, {@code decide ID accept|decline}, {@code hits}. All but {@code decide} only
 * read what this node's link engine holds.
 */
final class NetworkCommands {
  private NetworkCommands() {}

  /** Prints the node's JSON answer of GET {@code path}; true when --json was given. */
  private static boolean printedJson(Cli cli, CommandSpec spec, String path) {
    if (cli.json()) {
      Cli.printJson(spec.commandLine().getOut(), cli.client().get(path, JsonNode.class));
    }
    return cli.json();
  }

  private static int print(CommandSpec spec, String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    return 0;
  }

  @Command(
      name = "networks",
      mixinStandardHelpOptions = true,
      description = {
        "List the networked cases (网络案件) that span two or more bureaus.",
        "Largest first: records of different bureaus joined by shared plates, phones, ID numbers, waybills,"
            + " names, addresses or near-identical narratives, with the entities that tie each"
            + " together and its merge proposal (并案建议), if any."
      },
      footerHeading = "%n",
      footer = {"Examples:", "  liaison networks", "  liaison network net-987f05c3d3daaeb3"})
  static final class Networks implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      if (printedJson(cli, spec, "/api/v1/networks")) {
        return 0;
      }
      return print(spec, new NetworkFormat(cli.names()).list(cli.client().networks()));
    }
  }

  @Command(
      name = "network",
      mixinStandardHelpOptions = true,
      description = {
        "Show one networked case: its members, key entities and links with their evidence.",
        "The bureaus, the key entities, every member (case number or lead id), and each link with its evidence in words — what matched, how it was"
            + " written on each side, how common the value is and whether it counted.",
        "With --json, the graph for drawing (nodes and edges)."
      },
      footerHeading = "%n",
      footer = {"Example:", "  liaison network net-987f05c3d3daaeb3"})
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the network's id, e.g. net-987f05c3d3daaeb3")
    String id;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      if (printedJson(cli, spec, ApiPaths.network(id))) {
        return 0;
      }
      return print(spec, new NetworkFormat(cli.names()).detail(cli.client().network(id)));
    }
  }

  @Command(
      name = "proposals",
      mixinStandardHelpOptions = true,
      description = {
        "List the current merge proposals (并案建议) and where each stands.",
        "Proposals of all bureaus: records of two or more bureaus held together by strong links, where each proposal stands (待决定, 已并案, 未并案),"
            + " the suggested lead (主办) bureau and which bureaus have yet to decide."
      },
      footerHeading = "%n",
      footer = {
        "Examples:",
        "  liaison proposals",
        "  liaison proposal mp-48e66fe24be83d58e0b1e43a0ae3da1f",
        "  liaison decide mp-48e66fe24be83d58e0b1e43a0ae3da1f accept"
      })
  static final class Proposals implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      if (printedJson(cli, spec, "/api/v1/networks/proposals")) {
        return 0;
      }
      return print(spec, new ProposalFormat(cli.names()).list(cli.client().proposals()));
    }
  }

  @Command(
      name = "proposal",
      mixinStandardHelpOptions = true,
      description = {
        "Show one merge proposal and each bureau's signed decision.",
        "Where it stands, the records it would join and the entities that tie them, the suggested lead (主办) bureau, and each bureau's signed decision.",
        "With --json, also the signed envelope of each decision."
      },
      footerHeading = "%n",
      footer = {"Example:", "  liaison proposal mp-48e66fe24be83d58e0b1e43a0ae3da1f"})
  static final class ShowProposal implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "ID",
        description = "the proposal's id, e.g. mp-48e66fe24be83d58e0b1e43a0ae3da1f")
    String id;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      if (printedJson(cli, spec, ApiPaths.proposal(id))) {
        return 0;
      }
      return print(spec, new ProposalFormat(cli.names()).detail(cli.client().proposal(id)));
    }
  }

  @Command(
      name = "decide",
      mixinStandardHelpOptions = true,
      description = {
        "Accept or decline a merge proposal for your bureau (同意/不同意并案).",
        "A decision signed by your bureau, once per proposal, in your name. The merge holds when every involved"
            + " bureau accepts; the lead (主办) bureau is then the one most of them named.",
        "For the INVESTIGATOR and CHIEF roles."
      },
      footerHeading = "%n",
      footer = {
        "Examples:",
        "  liaison decide mp-48e66fe24be83d58e0b1e43a0ae3da1f accept",
        "  liaison decide mp-48e66fe24be83d58e0b1e43a0ae3da1f 同意 --lead 140222",
        "  liaison decide mp-48e66fe24be83d58e0b1e43a0ae3da1f decline"
      })
  static final class Decide implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "the proposal's id")
    String id;

    @Parameters(index = "1", paramLabel = "DECISION", description = "accept (同意) or decline (不同意)")
    Verdict verdict;

    @Option(
        names = "--lead",
        paramLabel = "CODE",
        description =
            "the lead (主办) bureau you name, one of the proposal's (default on accept: the"
                + " suggested one)")
    BureauId lead;

    @Option(
        names = "--officer",
        paramLabel = "ID",
        description = "your officer number (default: the signed-in officer; must be you)")
    String officer;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      String who = cli.requiredOfficer(spec, officer);
      DecisionRequest req = new DecisionRequest(verdict, who, lead);
      if (cli.json()) {
        Cli.printJson(
            spec.commandLine().getOut(),
            cli.client().post(ApiPaths.proposal(id) + "/decision", req, JsonNode.class));
        return 0;
      }
      ProposalView v = cli.client().decide(id, req);
      ProposalFormat f = new ProposalFormat(cli.names());
      String lead =
          v.decisions().stream()
              .filter(d -> who.equals(d.officer()) && d.leadBureau() != null)
              .map(d -> " · 主办 " + cli.names().label(d.leadBureau()))
              .findFirst()
              .orElse("");
      return print(
          spec,
          "本局"
              + Labels.verdict(verdict)
              + " "
              + v.id()
              + lead
              + "\n状态: "
              + f.status(v.status())
              + '\n');
    }
  }

  @Command(
      name = "hits",
      mixinStandardHelpOptions = true,
      description = {
        "List links to restricted leads that concern your bureau (限阅线索关联).",
        "A record of one bureau is linked to a restricted lead of another that the first may not read."
            + " Both are told that there is a link and whom to call — never what the lead says."
      },
      footerHeading = "%n",
      footer = {"Example:", "  liaison hits"})
  static final class Hits implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      if (printedJson(cli, spec, "/api/v1/networks/hits")) {
        return 0;
      }
      return print(spec, new ProposalFormat(cli.names()).hits(cli.client().hits()));
    }
  }
}
