package io.liaison.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadView;
import io.liaison.api.lead.Outcome;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.client.ApiPaths;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The lead's life as commands: {@code leads claim ID}, {@code leads handover ID --to 140221},
 * {@code leads feedback ID --text …}, {@code leads close ID --outcome CASE_OPENED --case-number …}.
 * Each is one signed transition by an officer of the node's bureau; the node refuses one the lead's
 * state does not allow (exit 1 with the reason).
 */
final class LeadsTransitions {
  private LeadsTransitions() {}

  /** What every transition command takes: the lead, the officer, a note. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "ID",
        description = "the lead's id, e.g. 150924-20261126-7KQ2M9XD")
    String id;

    @Mixin ActingOfficer officer;

    @Option(names = "--note", paramLabel = "TEXT", description = "a remark kept with the event")
    String note;

    abstract TransitionRequest request(String officer, String note);

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      String who = officer.required(cli, spec);
      TransitionRequest req;
      try {
        req = request(who, note);
      } catch (FieldException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), flag(e.field()) + ": " + e.getMessage());
      }
      // the node applies a request with the same key at most once
      String key = UUID.randomUUID().toString();
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(
            out,
            cli.client().post(ApiPaths.lead(id.strip()) + "/transitions", req, JsonNode.class));
        return 0;
      }
      LeadView v = cli.client().transition(id.strip(), req, key);
      BureauNames names = cli.names();
      String state = v.status() == null ? "" : " · 状态 " + v.status().state().label();
      String cohandlers =
          v.status() == null || v.status().cohandlers().isEmpty()
              ? ""
              : " · 协办 "
                  + String.join(
                      "、",
                      v.status().cohandlers().stream()
                          .map(c -> names.label(c.bureau()) + "(" + c.state().label() + ")")
                          .toList());
      String owner =
          v.status() == null || v.status().owner() == null
              ? ""
              : " · 承办 " + names.label(v.status().owner());
      out.println(Labels.transition(req.event()) + " " + v.id() + state + owner + cohandlers);
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "claim",
      mixinStandardHelpOptions = true,
      description = {
        "Claim a lead addressed to your bureau (认领); exactly one bureau wins.",
        "With --cohandler your bureau leads it (主办) and invites those bureaus to co-handle it",
        "(协办); --note is the task asked of them."
      })
  static final class Claim extends Base {
    @Option(
        names = "--cohandler",
        paramLabel = "CODE",
        split = ",",
        description = "a bureau invited to co-handle (repeat or separate with commas)")
    List<BureauId> cohandlers;

    @Override
    TransitionRequest request(String officer, String note) {
      return cohandlers == null || cohandlers.isEmpty()
          ? simple(LeadEvent.CLAIM, officer, note)
          : TransitionRequest.inviting(LeadEvent.CLAIM, officer, note, cohandlers);
    }
  }

  @Command(
      name = "invite",
      mixinStandardHelpOptions = true,
      description = {
        "Invite bureaus to co-handle a lead your bureau leads (邀请协办); --note is their task.",
        "Each invited bureau accepts or declines once (liaison leads cohandle ID accept|decline)."
      })
  static final class Invite extends Base {
    @Option(
        names = "--cohandler",
        required = true,
        paramLabel = "CODE",
        split = ",",
        description = "a bureau invited to co-handle (repeat or separate with commas)")
    List<BureauId> cohandlers;

    @Override
    TransitionRequest request(String officer, String note) {
      return TransitionRequest.inviting(LeadEvent.INVITE_COHANDLER, officer, note, cohandlers);
    }
  }

  @Command(
      name = "cohandle",
      mixinStandardHelpOptions = true,
      description = {
        "Answer an invitation to co-handle a lead (协办): accept (接受协办) or decline (拒绝协办,",
        "--note says why). Once only; then give your own part's feedback with leads feedback."
      })
  static final class CoHandle extends Base {
    @Parameters(index = "1", paramLabel = "ANSWER", description = "accept or decline")
    String answer;

    @Override
    TransitionRequest request(String officer, String note) {
      return switch (answer.strip().toLowerCase(Locale.ROOT)) {
        case "accept" -> simple(LeadEvent.ACCEPT_COHANDLING, officer, note);
        case "decline" -> simple(LeadEvent.DECLINE_COHANDLING, officer, note);
        default -> throw new FieldException("answer", "must be accept or decline");
      };
    }
  }

  @Command(
      name = "release",
      mixinStandardHelpOptions = true,
      description = "Give a claimed lead back to the pool (退回).")
  static final class Release extends Base {
    @Override
    TransitionRequest request(String officer, String note) {
      return simple(LeadEvent.RELEASE, officer, note);
    }
  }

  @Command(
      name = "investigate",
      mixinStandardHelpOptions = true,
      description = "Record that your bureau has started investigating (开始核查).")
  static final class Investigate extends Base {
    @Override
    TransitionRequest request(String officer, String note) {
      return simple(LeadEvent.INVESTIGATE, officer, note);
    }
  }

  @Command(
      name = "handover",
      mixinStandardHelpOptions = true,
      description = "Offer a lead your bureau owns to another bureau (线索移交).")
  static final class Handover extends Base {
    @Option(names = "--to", required = true, paramLabel = "CODE", description = "the bureau")
    BureauId to;

    @Override
    TransitionRequest request(String officer, String note) {
      return new TransitionRequest(
          LeadEvent.OFFER_HANDOVER, officer, note, to, null, null, null, null);
    }
  }

  @Command(
      name = "accept",
      mixinStandardHelpOptions = true,
      description = "Accept a lead handed over to your bureau (接收移交).")
  static final class Accept extends Base {
    @Override
    TransitionRequest request(String officer, String note) {
      return simple(LeadEvent.ACCEPT_HANDOVER, officer, note);
    }
  }

  @Command(
      name = "decline",
      mixinStandardHelpOptions = true,
      description = "Decline a lead handed over to your bureau (拒绝移交).")
  static final class Decline extends Base {
    @Override
    TransitionRequest request(String officer, String note) {
      return simple(LeadEvent.DECLINE_HANDOVER, officer, note);
    }
  }

  @Command(
      name = "feedback",
      mixinStandardHelpOptions = true,
      description = "Report back to the bureau that posted the lead (反馈); needed before closing.")
  static final class Feedback extends Base {
    @Option(
        names = "--text",
        required = true,
        paramLabel = "TEXT",
        description = "what was done and found")
    String text;

    @Override
    TransitionRequest request(String officer, String note) {
      return new TransitionRequest(LeadEvent.FEEDBACK, officer, note, null, text, null, null, null);
    }
  }

  @Command(
      name = "close",
      mixinStandardHelpOptions = true,
      description = "Close a lead your bureau owns with its outcome (办结).")
  static final class Close extends Base {
    @Option(
        names = "--outcome",
        required = true,
        paramLabel = "OUTCOME",
        description = "${COMPLETION-CANDIDATES} (立案, 查无实据, 并案, 移送公安)")
    Outcome outcome;

    @Option(
        names = "--case-number",
        paramLabel = "NUMBER",
        description = "the case number (required with CASE_OPENED)")
    String caseNumber;

    @Option(
        names = "--merged-into",
        paramLabel = "ID",
        description = "the lead or case merged into (required with MERGED)")
    String mergedInto;

    @Override
    TransitionRequest request(String officer, String note) {
      return new TransitionRequest(
          LeadEvent.CLOSE, officer, note, null, null, outcome, caseNumber, mergedInto);
    }
  }

  @Command(
      name = "withdraw",
      mixinStandardHelpOptions = true,
      description = "Withdraw a lead your bureau posted that nobody has claimed (撤回).")
  static final class Withdraw extends Base {
    @Override
    TransitionRequest request(String officer, String note) {
      return simple(LeadEvent.WITHDRAW, officer, note);
    }
  }

  /** The flag that sets a field of the request: caseNumber → --case-number, feedback → --text. */
  static String flag(String field) {
    if ("answer".equals(field)) {
      return "ANSWER";
    }
    if (field.startsWith("cohandlers")) {
      return "--cohandler";
    }
    return "feedback".equals(field)
        ? "--text"
        : "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }

  private static TransitionRequest simple(LeadEvent event, String officer, String note) {
    return new TransitionRequest(event, officer, note, null, null, null, null, null);
  }
}
