package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.reward.CreditReport;
import io.liaison.api.reward.Measures;
import io.liaison.api.reward.RewardBase;
import io.liaison.api.reward.RewardKind;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.api.reward.SettlementStatement;
import io.liaison.api.reward.SharingRule;
import io.liaison.api.reward.SharingRuleProposal;
import io.liaison.api.reward.SharingRuleView;
import io.liaison.client.reward.RewardCalls;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code liaison rewards …}: the reward ledger (奖励兑现) — the sharing rule every bureau signs,
 * settlement entries, credits and measures, the statement of a period and its tables.
 *
 * <p>Why over 400 lines: nine small subcommands of one group (picocli nests them in the group
 * class), each an option block and a text layout; the shared asking and printing is {@link
 * AnswerCommand}.
 */
@Command(
    name = "rewards",
    mixinStandardHelpOptions = true,
    description = "The reward ledger (奖励兑现): sharing rule, settlements, credits, statement.",
    subcommands = {
      RewardCommand.Rules.class,
      RewardCommand.ProposeRule.class,
      RewardCommand.AgreeRule.class,
      RewardCommand.Settle.class,
      RewardCommand.Settlements.class,
      RewardCommand.Credits.class,
      RewardCommand.Statement.class,
      RewardCommand.Csv.class,
      RewardCommand.Xlsx.class,
      CommandLine.HelpCommand.class
    })
final class RewardCommand extends CommandGroup {
  /** Calls the node, prints the answer as text or (--json) as JSON. */
  abstract static class Base<T> implements Callable<Integer> {
    @Spec CommandSpec spec;

    abstract T answer(RewardCalls rewards);

    abstract String text(T answer);

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      T v = answer(cli.client().rewards());
      return Cli.print(spec, cli, v, () -> text(v));
    }
  }

  abstract static class RuleBase extends Base<SharingRuleView> {
    @Override
    String text(SharingRuleView v) {
      StringBuilder b = new StringBuilder();
      b.append(v.inForce() == null ? "现行分成规则: 无（不能兑现）\n" : "现行分成规则 " + describe(v.inForce()));
      for (SharingRuleProposal p : v.proposals()) {
        b.append("待签署 ").append(describe(p));
      }
      for (SharingRuleProposal p : v.agreed()) {
        if (v.inForce() == null || p.rule().version() != v.inForce().rule().version()) {
          b.append("已签署 ").append(describe(p));
        }
      }
      return b.toString();
    }
  }

  static String describe(SharingRuleProposal p) {
    SharingRule r = p.rule();
    return "第 "
        + r.version()
        + " 版（立案日 "
        + r.effectiveFrom()
        + " 起）: 线索方分成 "
        + r.leadBureauPercent()
        + "%, 举报奖励 "
        + r.informantBase().label()
        + " × "
        + BigDecimal.valueOf(r.informantBasisPoints(), 2).stripTrailingZeros().toPlainString()
        + "%, 上限 "
        + yuan(r.informantCapFen())
        + " 元; 依据: "
        + r.basis()
        + Agreements.signatures(p.agreed(), p.awaiting(), p.contentHash());
  }

  static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  @Command(name = "rules", mixinStandardHelpOptions = true, description = "The sharing rule.")
  static final class Rules extends RuleBase {
    @Override
    SharingRuleView answer(RewardCalls rewards) {
      return rewards.rules();
    }
  }

  @Command(
      name = "propose-rule",
      mixinStandardHelpOptions = true,
      description = "Propose the next version of the sharing rule, signed by this bureau (chief).")
  static final class ProposeRule extends RuleBase {
    @Option(names = "--version", required = true, description = "the next version number")
    long version;

    @Option(
        names = "--lead-percent",
        required = true,
        description =
            "share of a case's bureau reward for the bureau whose lead produced it (0..100)")
    int leadPercent;

    @Option(
        names = "--informant-base",
        defaultValue = "FINE",
        description = "FINE (罚没款) or VALUE (案值)")
    RewardBase informantBase;

    @Option(
        names = "--informant-bp",
        required = true,
        description = "informant reward in basis points (万分比, 0..10000) of the base")
    int informantBp;

    @Option(
        names = "--cap-yuan",
        required = true,
        description = "ceiling of an informant's reward (元)")
    long capYuan;

    @Option(
        names = "--from",
        required = true,
        description = "first filing day it applies to (yyyy-mm-dd)")
    LocalDate from;

    @Option(names = "--basis", required = true, description = "the document the bureaus signed")
    String basis;

    @Override
    SharingRuleView answer(RewardCalls rewards) {
      return rewards.proposeRule(
          new SharingRule(
              version, leadPercent, informantBase, informantBp, capYuan * 100, basis, from));
    }
  }

  @Command(
      name = "agree-rule",
      mixinStandardHelpOptions = true,
      description = "Sign this bureau's agreement to a proposed sharing rule (chief).")
  static final class AgreeRule extends RuleBase {
    @Mixin Agreements.Agree agree;

    @Override
    SharingRuleView answer(RewardCalls rewards) {
      return rewards.agreeRule(agree.version, agree.contentHash);
    }
  }

  @Command(
      name = "settle",
      mixinStandardHelpOptions = true,
      description =
          "Sign a payment this bureau makes (chief): a bureau's share or an informant's reward.")
  static final class Settle extends Base<Settlement> {
    @Option(names = "--officer", required = true, description = "the paying chief (you)")
    String officer;

    @Option(names = "--payer", required = true, description = "this bureau")
    String payer;

    @Option(
        names = "--kind",
        required = true,
        description = "INFORMANT, LEAD_BUREAU or CASE_BUREAU")
    RewardKind kind;

    @Option(names = "--case", required = true, description = "the case number")
    String caseNumber;

    @Option(names = "--case-bureau", required = true, description = "the bureau that made the case")
    String caseBureau;

    @Option(names = "--lead", description = "the lead (register line for INFORMANT)")
    String lead;

    @Option(names = "--payee", description = "the bureau paid (not for INFORMANT)")
    String payee;

    @Option(names = "--fen", required = true, description = "the amount in fen")
    long fen;

    @Option(
        names = "--rule",
        required = true,
        description = "the sharing rule version in force on the case's filing day")
    long rule;

    @Option(names = "--paid-on", required = true, description = "the day paid (yyyy-mm-dd)")
    LocalDate paidOn;

    @Option(names = "--note", description = "a note")
    String note;

    @Override
    Settlement answer(RewardCalls rewards) {
      return rewards.settle(
          new SettlementDraft(
              officer,
              BureauId.of(payer),
              kind,
              caseNumber,
              BureauId.of(caseBureau),
              lead,
              payee == null ? null : BureauId.of(payee),
              fen,
              rule,
              paidOn,
              note));
    }

    @Override
    String text(Settlement s) {
      return line(s);
    }
  }

  static String line(Settlement s) {
    SettlementDraft d = s.entry();
    return s.id()
        + "  "
        + d.paidOn()
        + "  "
        + d.kind().label()
        + "  "
        + d.payer().code()
        + " → "
        + (d.payeeBureau() == null ? "台帐线索 " + d.leadId() : d.payeeBureau().code())
        + "  "
        + yuan(d.amountFen())
        + " 元  案件 "
        + d.caseNumber()
        + "  规则第 "
        + d.ruleVersion()
        + " 版\n";
  }

  @Command(
      name = "settlements",
      mixinStandardHelpOptions = true,
      description = "The signed settlement entries this node holds.")
  static final class Settlements extends Base<io.liaison.api.reward.Settlements> {
    @Override
    io.liaison.api.reward.Settlements answer(RewardCalls rewards) {
      return rewards.settlements();
    }

    @Override
    String text(io.liaison.api.reward.Settlements v) {
      return v.items().isEmpty()
          ? "无兑现记录\n"
          : v.items().stream().map(RewardCommand::line).collect(Collectors.joining());
    }
  }

  abstract static class Period<T> extends Base<T> {
    @Parameters(index = "0", paramLabel = "PERIOD", description = "2026Q2, 2026H1, 2026-04 or a..b")
    String period;
  }

  @Command(
      name = "credits",
      mixinStandardHelpOptions = true,
      description =
          "Which lead produced which case, the officers credited, the measures per bureau and officer.")
  static final class Credits extends Period<CreditReport> {
    @Override
    CreditReport answer(RewardCalls rewards) {
      return rewards.credits(period);
    }

    @Override
    String text(CreditReport c) {
      StringBuilder b = new StringBuilder(c.period() + " 线索成案 " + c.credits().size() + " 条\n");
      c.credits()
          .forEach(
              r ->
                  b.append("  ")
                      .append(r.caseBureau().code())
                      .append(' ')
                      .append(r.caseNumber())
                      .append(
                          r.leadId() == null
                              ? "  本局自办"
                              : "  线索 "
                                  + r.leadId()
                                  + "（"
                                  + r.leadBureau().code()
                                  + " "
                                  + r.leadOfficer()
                                  + "）")
                      .append(r.caseOfficer() == null ? "" : "  办案人 " + r.caseOfficer())
                      .append('\n'));
      Function<Measures, String> m =
          x ->
              "  "
                  + x.bureau().code()
                  + (x.officer() == null ? "" : " " + x.officer())
                  + "  案件 "
                  + x.cases()
                  + " 起（线索成案 "
                  + x.leadCases()
                  + "）  移送公安 "
                  + x.policeTransfers()
                  + "  大要案 "
                  + x.majorCases()
                  + "  查获 "
                  + BigDecimal.valueOf(x.sticks(), 4).stripTrailingZeros().toPlainString()
                  + " 万支\n";
      b.append("单位考核\n");
      c.bureaus().forEach(x -> b.append(m.apply(x)));
      b.append("个人考核\n");
      c.officers().forEach(x -> b.append(m.apply(x)));
      return b.toString();
    }
  }

  @Command(
      name = "statement",
      mixinStandardHelpOptions = true,
      description =
          "The settlement statement of a period: per bureau paid, received, net; informants by register line.")
  static final class Statement extends Period<SettlementStatement> {
    @Override
    SettlementStatement answer(RewardCalls rewards) {
      return rewards.statement(period);
    }

    @Override
    String text(SettlementStatement s) {
      StringBuilder b = new StringBuilder(s.period() + " 兑现结算  合计 " + yuan(s.totalFen()) + " 元\n");
      for (SettlementStatement.Balance x : s.bureaus()) {
        b.append("  ")
            .append(x.bureau().code())
            .append("  支付他局 ")
            .append(yuan(x.paidToBureausFen()))
            .append("  举报奖励 ")
            .append(yuan(x.informantFen()))
            .append("  收到 ")
            .append(yuan(x.receivedFen()))
            .append("  净额 ")
            .append(yuan(x.netFen()))
            .append(" 元\n");
      }
      for (SettlementStatement.InformantLine i : s.informants()) {
        b.append("  举报奖励 ")
            .append(i.payer().code())
            .append(" 台帐线索 ")
            .append(i.leadId())
            .append("  ")
            .append(yuan(i.amountFen()))
            .append(" 元")
            .append(i.dueFen() == null ? "" : "  按规则应付 " + yuan(i.dueFen()) + " 元")
            .append("\n");
      }
      return b.toString();
    }
  }

  abstract static class Save implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PERIOD", description = "2026Q2, 2026H1, 2026-04 or a..b")
    String period;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE",
        description = "where to save it")
    Path output;

    abstract byte[] content(RewardCalls rewards);

    @Override
    public Integer call() throws IOException {
      Files.write(output, content(Cli.of(spec).client().rewards()));
      spec.commandLine().getOut().println(output);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "csv",
      mixinStandardHelpOptions = true,
      description =
          "Save one table as CSV: credits, bureaus, officers, balances, flows, informants.")
  static final class Csv extends Save {
    @Option(names = "--table", required = true, description = "the table")
    String table;

    @Override
    byte[] content(RewardCalls rewards) {
      return rewards.csv(period, table);
    }
  }

  @Command(
      name = "xlsx",
      mixinStandardHelpOptions = true,
      description = "Save the period's ledger as an XLSX workbook (a sheet per table).")
  static final class Xlsx extends Save {
    @Override
    byte[] content(RewardCalls rewards) {
      return rewards.xlsx(period);
    }
  }
}
