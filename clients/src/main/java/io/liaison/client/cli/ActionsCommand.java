package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.action.Checklist;
import io.liaison.api.action.Conflict;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanResult;
import io.liaison.api.action.PlanSummary;
import io.liaison.api.action.PlanView;
import io.liaison.api.action.StepRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code liaison actions …}: joint operations (联合行动) — plans from a network, the checklist,
 * lifecycle steps (propose, approve, activate, brief, result, complete, summarize, cancel) and the
 * bureau's deconfliction alerts.
 *
 * <p>Why over 400 lines: eleven small subcommands of one group (picocli nests them in the group
 * class) with the plan's text layout they share.
 */
@Command(
    name = "actions",
    mixinStandardHelpOptions = true,
    description = "Plan, approve and record joint operations (联合行动); see deconfliction alerts.",
    subcommands = {
      ActionsCommand.ListPlans.class,
      ActionsCommand.Get.class,
      ActionsCommand.FromNetwork.class,
      ActionsCommand.CheckList.class,
      ActionsCommand.Step.class,
      ActionsCommand.Result.class,
      ActionsCommand.Summarize.class,
      ActionsCommand.Conflicts.class,
      ActionsCommand.Items.class,
      ActionsCommand.Ack.class,
      ActionsCommand.Done.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%n",
    footer = {
      "Examples:",
      "  liaison actions from-network net-987f05c3d3daaeb3 --with 130728",
      "  liaison actions checklist act-…",
      "  liaison actions step act-… propose",
      "  liaison actions step act-… approve",
      "  liaison actions conflicts"
    })
final class ActionsCommand extends CommandGroup {
  static final String[] STATE = {"草稿", "待审批", "已批准", "实施中", "已完成", "已总结", "已取消"};

  static String state(PlanView v) {
    return STATE[v.state().ordinal()];
  }

  /** Signs one step as the signed-in officer and shows the plan after it. */
  static int step(
      CommandSpec spec, String id, java.util.function.Function<String, StepRequest> request) {
    Cli cli = Cli.of(spec);
    String who = cli.requiredOfficer(spec, null);
    PlanView v = cli.client().actions().step(id.strip(), request.apply(who));
    return Cli.print(spec, cli, v, () -> detail(v));
  }

  static String detail(PlanView v) {
    StringBuilder b = new StringBuilder();
    b.append(v.plan() == null ? "(方案内容仅参与单位可见)" : v.plan().title()).append('\n');
    b.append("编号 ").append(v.id()).append("  状态 ").append(state(v));
    b.append("  版本 ").append(v.version()).append('\n');
    b.append("牵头 ").append(v.leadBureau()).append("  参与 ");
    b.append(String.join("、", v.participants().stream().map(BureauId::code).toList())).append('\n');
    b.append("区域 ").append(String.join("、", v.area()));
    if (v.window() != null) {
      b.append("  时间 ").append(Times.show(v.window().start())).append(" 至 ");
      b.append(Times.show(v.window().end()));
    }
    b.append('\n');
    if (!v.awaiting().isEmpty()) {
      b.append("待签批 ");
      b.append(String.join("、", v.awaiting().stream().map(BureauId::code).toList()));
      b.append('\n');
    }
    if (v.plan() != null) {
      v.plan()
          .targets()
          .forEach(
              t ->
                  b.append("目标 ")
                      .append(t.kind().label())
                      .append(' ')
                      .append(t.label())
                      .append(t.id() == null ? "" : "（" + t.id() + "）")
                      .append('\n'));
    }
    if (!v.results().isEmpty()) {
      PlanResult t = v.total();
      b.append("战果合计 出动人员 ").append(t.officerTimes()).append(" 人次，车辆 ");
      b.append(t.vehicleTimes()).append(" 辆次，检查场所 ").append(t.premisesChecked());
      b.append(" 处，立案 ").append(t.casesOpened()).append(" 起，查获卷烟 ");
      b.append(t.sticksSeized() / 200).append(" 条\n");
    }
    return b.toString();
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Plans this bureau takes part in (--all: every plan this node holds).")
  static final class ListPlans implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "every plan this node holds, sealed ones as outlines")
    boolean all;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      var page = cli.client().actions().list(all, limit);
      StringBuilder b = new StringBuilder("共 " + page.total() + " 个行动方案\n");
      for (PlanView v : page.plans()) {
        b.append(v.id()).append("  ").append(state(v)).append("  牵头 ").append(v.leadBureau());
        b.append("  ").append(v.plan() == null ? "(密)" : v.plan().title()).append('\n');
      }
      return Cli.print(spec, cli, page, () -> b.toString());
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one plan.")
  static final class Get implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      PlanView v = cli.client().actions().get(id.strip());
      return Cli.print(spec, cli, v, () -> detail(v));
    }
  }

  @Command(
      name = "from-network",
      mixinStandardHelpOptions = true,
      description =
          "Draft a plan from a detected network: its bureaus, targets and evidence prefilled.")
  static final class FromNetwork implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NETWORK")
    String network;

    @Option(names = "--with", split = ",", description = "more bureaus taking part, e.g. 130728")
    List<String> with = List.of();

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      String who = cli.requiredOfficer(spec, null);
      PlanView v =
          cli.client()
              .actions()
              .fromNetwork(who, network.strip(), with.stream().map(BureauId::of).toList());
      return Cli.print(spec, cli, v, () -> detail(v));
    }
  }

  @Command(
      name = "checklist",
      mixinStandardHelpOptions = true,
      description = "What a plan lacks before it can be proposed.")
  static final class CheckList implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      Checklist c = cli.client().actions().checklist(id.strip());
      StringBuilder b = new StringBuilder(c.ready() ? "方案完整，可以提交审批\n" : "提交前还缺：\n");
      c.missing().forEach(i -> b.append("  - ").append(i.message()).append('\n'));
      return Cli.print(spec, cli, c, () -> b.toString());
    }
  }

  @Command(
      name = "step",
      mixinStandardHelpOptions = true,
      description = {
        "One lifecycle step as this bureau: propose, approve (chief), activate, complete,",
        "brief TEXT, cancel REASON, follow-up TEXT."
      })
  static final class Step implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "EVENT")
    String event;

    @Parameters(index = "2", arity = "0..1", paramLabel = "TEXT")
    String text;

    @Option(names = "--version", description = "the plan version you read (approve signs it)")
    Integer version;

    @Override
    public Integer call() {
      PlanEvent e;
      try {
        e = PlanEvent.valueOf(event.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException x) {
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown step " + event);
      }
      return step(spec, id, who -> new StepRequest(e, who, version, text, null, null, null, null));
    }
  }

  @Command(
      name = "result",
      mixinStandardHelpOptions = true,
      description = "Record this bureau's results (条 and 元 converted).")
  static final class Result implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--officer-times", defaultValue = "0")
    long officers;

    @Option(names = "--vehicle-times", defaultValue = "0")
    long vehicles;

    @Option(names = "--premises", defaultValue = "0")
    long premises;

    @Option(names = "--cases", defaultValue = "0")
    long cases;

    @Option(names = "--cartons", defaultValue = "0", description = "条 seized (200 sticks each)")
    long cartons;

    @Option(names = "--yuan", defaultValue = "0", description = "value seized in 元")
    long yuan;

    @Option(names = "--detained", defaultValue = "0")
    long detained;

    @Option(names = "--to-police", defaultValue = "0")
    long toPolice;

    @Option(names = "--to-market", defaultValue = "0")
    long toMarket;

    @Override
    public Integer call() {
      PlanResult r =
          new PlanResult(
              officers,
              vehicles,
              premises,
              cases,
              cartons * 200,
              yuan * 100,
              detained,
              toPolice,
              toMarket);
      return step(
          spec,
          id,
          who -> new StepRequest(PlanEvent.REPORT_RESULT, who, null, null, r, null, null, null));
    }
  }

  @Command(
      name = "summarize",
      mixinStandardHelpOptions = true,
      description = "Record the summary of a completed operation.")
  static final class Summarize implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "TEXT")
    String text;

    @Option(names = "--lessons")
    String lessons;

    @Option(names = "--media", split = ",", description = "SHA-256 of photos and video")
    List<String> media = List.of();

    @Override
    public Integer call() {
      return step(
          spec,
          id,
          who ->
              new StepRequest(
                  PlanEvent.SUMMARIZE,
                  who,
                  null,
                  null,
                  null,
                  new PlanSummary(text, media, lessons),
                  null,
                  null));
    }
  }

  @Command(
      name = "conflicts",
      mixinStandardHelpOptions = true,
      description = "This bureau's deconfliction alerts: whom to call, never what they hold.")
  static final class Conflicts implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      var page = cli.client().actions().conflicts(100);
      StringBuilder b = new StringBuilder("共 " + page.total() + " 条冲突提示\n");
      for (Conflict c : page.conflicts()) {
        String kind =
            switch (c.kind()) {
              case TARGET -> "目标重叠";
              case PLACE_TIME -> "同时同地";
              case OPEN_RECORD -> "目标在对方在办线索/案件中";
            };
        b.append(Times.show(c.at())).append("  ").append(kind).append("  方案 ").append(c.planId());
        b.append("  请联系 ").append(c.otherBureau());
        c.contacts().forEach(d -> b.append(" ").append(d.name()).append(' ').append(d.phone()));
        b.append('\n');
      }
      return Cli.print(spec, cli, page, () -> b.toString());
    }
  }

  @Command(
      name = "items",
      mixinStandardHelpOptions = true,
      description =
          "This bureau's open action items from joint meetings (联席会议), soonest due first.")
  static final class Items implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      var page = cli.client().actions().meetingItems();
      StringBuilder b = new StringBuilder("共 " + page.total() + " 项待办\n");
      for (var i : page.items()) {
        b.append(i.item().due()).append("  ").append(i.meetingId()).append(" 第 ");
        b.append(i.number()).append(" 项  ").append(i.item().task()).append('\n');
      }
      return Cli.print(spec, cli, page, () -> b.toString());
    }
  }

  @Command(
      name = "ack",
      mixinStandardHelpOptions = true,
      description = "Acknowledge a joint meeting's minutes for this bureau.")
  static final class Ack implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "MEETING")
    String id;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      var v = cli.client().actions().acknowledge(id.strip(), cli.requiredOfficer(spec, null));
      return Cli.print(spec, cli, v, () -> "已确认会议纪要 " + v.id() + "\n");
    }
  }

  @Command(
      name = "done",
      mixinStandardHelpOptions = true,
      description = "Mark this bureau's action item N of a meeting done.")
  static final class Done implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MEETING")
    String id;

    @Parameters(index = "1", paramLabel = "N")
    int n;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      var v = cli.client().actions().itemDone(id.strip(), n, cli.requiredOfficer(spec, null));
      return Cli.print(spec, cli, v, () -> "第 " + n + " 项已办结（" + v.id() + "）\n");
    }
  }
}
