package io.liaison.client.cli;

import io.liaison.api.settings.RegionSettings;
import io.liaison.api.settings.SettingsProposal;
import io.liaison.api.settings.SettingsView;
import io.liaison.client.settings.SettingsCalls;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code liaison settings …}: the rules every bureau signs (协作约定) — show them, propose the next
 * version, sign a proposal.
 */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = "The rules the bureaus agree and all sign (feedback period, major-case value).",
    subcommands = {
      SettingsCommand.Show.class,
      SettingsCommand.Propose.class,
      SettingsCommand.Agree.class,
      CommandLine.HelpCommand.class
    })
final class SettingsCommand extends CommandGroup {
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    abstract SettingsView answer(SettingsCalls settings);

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      SettingsView v = answer(cli.client().settings());
      return Cli.print(spec, cli, v, () -> text(v));
    }
  }

  static String text(SettingsView v) {
    StringBuilder b = new StringBuilder();
    if (v.inForce() == null) {
      b.append("现行约定: 无（不计反馈期限，不判逾期）\n");
    } else {
      b.append("现行约定 ").append(describe(v.inForce()));
    }
    for (SettingsProposal p : v.proposals()) {
      b.append("待签署 ").append(describe(p));
    }
    return b.toString();
  }

  private static String describe(SettingsProposal p) {
    RegionSettings s = p.settings();
    return "第 "
        + s.version()
        + " 版: 反馈期限 "
        + s.feedbackPeriodDays()
        + " 天, 逾期提醒每 "
        + s.overdueRemindDays()
        + " 天, 逾期 "
        + s.escalateAfterDays()
        + " 天上报, 重大案件 "
        + s.majorCaseThresholdFen() / 100
        + " 元起; 依据: "
        + s.basis()
        + Agreements.signatures(p.agreed(), p.awaiting(), p.contentHash());
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "The rules in force and the proposals.")
  static final class Show extends Base {
    @Override
    SettingsView answer(SettingsCalls settings) {
      return settings.view();
    }
  }

  @Command(
      name = "propose",
      mixinStandardHelpOptions = true,
      description = "Propose the next version, signed by this bureau (chief).")
  static final class Propose extends Base {
    @Option(names = "--version", required = true, description = "the next version number")
    long version;

    @Option(names = "--feedback-days", required = true, description = "feedback due within (days)")
    int feedbackDays;

    @Option(names = "--remind-days", defaultValue = "0", description = "remind again every (days)")
    int remindDays;

    @Option(
        names = "--escalate-days",
        defaultValue = "0",
        description = "tell the supervisor after (days overdue)")
    int escalateDays;

    @Option(
        names = "--major-yuan",
        required = true,
        description = "major case from this value (元), e.g. 50000")
    long majorYuan;

    @Option(names = "--basis", required = true, description = "the agreement the rules come from")
    String basis;

    @Override
    SettingsView answer(SettingsCalls settings) {
      return settings.propose(
          new RegionSettings(
              version, feedbackDays, remindDays, escalateDays, majorYuan * 100, basis));
    }
  }

  @Command(
      name = "agree",
      mixinStandardHelpOptions = true,
      description = "Sign this bureau's agreement to a proposal (chief).")
  static final class Agree extends Base {
    @Mixin Agreements.Agree agree;

    @Override
    SettingsView answer(SettingsCalls settings) {
      return settings.agree(agree.version, agree.contentHash);
    }
  }
}
