package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.CaseFigures;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.MajorCase;
import io.liaison.api.report.RegionalView;
import io.liaison.api.report.ReportList;
import io.liaison.api.report.ReportView;
import io.liaison.client.ReportClient;
import io.liaison.client.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code liaison report …}: the quarterly exchange (季度通报). Periods: {@code 2026Q2}, {@code 2026H1},
 * {@code 2026-04}, {@code 2026-04-01..2026-05-15}. {@code verify} works offline.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "The quarterly exchange (季度通报): issue, read, acknowledge, verify.",
    subcommands = {
      ReportCommand.Issue.class,
      ReportCommand.List.class,
      ReportCommand.Show.class,
      ReportCommand.Preview.class,
      ReportCommand.Regional.class,
      ReportCommand.Ack.class,
      ReportCommand.Download.class,
      ReportCommand.Page.class,
      ReportCommand.Verify.class,
      CommandLine.HelpCommand.class
    })
final class ReportCommand extends CommandGroup {
  abstract static class Base extends AnswerCommand {
    abstract Object answer(Cli cli, ReportClient reports);

    @Override
    final Object answer(Cli cli) {
      return answer(cli, cli.client().reports());
    }
  }

  @Command(name = "issue", description = "Sign and share this bureau's briefing for PERIOD.")
  static final class Issue extends Base {
    @Parameters(paramLabel = "PERIOD")
    String period;

    @Option(names = "--notes", description = "市场动向 text")
    String notes;

    @Option(names = "--notes-file", description = "市场动向 text from a UTF-8 file")
    Path notesFile;

    @Option(names = "--officer")
    String officer;

    Object answer(Cli cli, ReportClient r) {
      String text = notes;
      if (notesFile != null) {
        try {
          text = Files.readString(notesFile);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + notesFile, e);
        }
      }
      return r.issue(period, cli.requiredOfficer(spec, officer), text);
    }

    String text(Object a) {
      ReportView v = (ReportView) a;
      return "已签发 " + v.id() + " v" + v.version() + "  " + v.canonicalSha256() + "\n";
    }
  }

  @Command(name = "list", description = "The reports the node holds.")
  static final class List extends Base {
    @Option(names = "--period")
    String period;

    Object answer(Cli cli, ReportClient r) {
      return r.list(period);
    }

    String text(Object a) {
      StringBuilder sb = new StringBuilder();
      for (ReportView v : ((ReportList) a).items()) {
        sb.append(
            String.format(
                "%s  v%d  签发 %s  确认 %d%n",
                v.id(), v.version(), v.proof().signedAt(), v.acknowledgements().size()));
      }
      return sb.length() == 0 ? "(无)\n" : sb.toString();
    }
  }

  @Command(name = "show", description = "A bureau's signed report for a period.")
  static final class Show extends Base {
    @Parameters(index = "0", paramLabel = "BUREAU")
    BureauId bureau;

    @Parameters(index = "1", paramLabel = "PERIOD")
    String period;

    Object answer(Cli cli, ReportClient r) {
      return r.get(bureau, period);
    }

    String text(Object a) {
      ReportView v = (ReportView) a;
      StringBuilder sb = new StringBuilder(briefing(v.briefing()));
      for (ReportView.Acknowledgement k : v.acknowledgements()) {
        sb.append(
            String.format(
                "确认 %s %s %s%s%n",
                k.bureau(),
                k.officer(),
                k.figuresMatch() ? "数据一致" : "数据不一致",
                k.note() == null ? "" : "：" + k.note()));
      }
      return sb.toString();
    }
  }

  @Command(
      name = "preview",
      description = "The canonical briefing the node computes (not signed), as JSON.")
  static final class Preview implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PERIOD")
    String period;

    @Option(names = "--bureau", required = true)
    BureauId bureau;

    @Option(names = "--notes")
    String notes;

    @Override
    public Integer call() {
      byte[] b = Cli.of(spec).client().reports().preview(bureau, period, notes);
      PrintWriter out = spec.commandLine().getOut();
      out.println(new String(b, java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      return 0;
    }
  }

  @Command(name = "regional", description = "Every bureau side by side (环比, 同比).")
  static final class Regional extends Base {
    @Parameters(paramLabel = "PERIOD")
    String period;

    Object answer(Cli cli, ReportClient r) {
      return r.regional(period);
    }

    String text(Object a) {
      RegionalView v = (RegionalView) a;
      StringBuilder sb =
          new StringBuilder(
              String.format(
                  "%s（环比 %s，同比 %s）%n局        案件  环比  同比  万支  万元  大要案  移送公安%n",
                  v.period().label(), v.previous().label(), v.yearBefore().label()));
      for (RegionalView.Row r : v.rows()) {
        sb.append(
            String.format(
                "%s%s  %4d  %+4d  %+4d  %s  %s  %d  %d%n",
                r.bureau(),
                r.issued() ? "✓" : " ",
                r.current().cases(),
                r.current().cases() - r.previous().cases(),
                r.current().cases() - r.yearBefore().cases(),
                wan(r.current().sticks(), 10_000),
                wan(r.current().valueFen(), 1_000_000),
                r.current().majorCases(),
                r.current().transferredToPolice()));
      }
      return sb.toString();
    }
  }

  @Command(name = "ack", description = "Acknowledge a neighbour's report (signed).")
  static final class Ack extends Base {
    @Parameters(index = "0", paramLabel = "BUREAU")
    BureauId bureau;

    @Parameters(index = "1", paramLabel = "PERIOD")
    String period;

    @Option(names = "--note")
    String note;

    @Option(names = "--officer")
    String officer;

    Object answer(Cli cli, ReportClient r) {
      return r.acknowledge(bureau, period, cli.requiredOfficer(spec, officer), note);
    }

    String text(Object a) {
      ReportView v = (ReportView) a;
      return "已确认 " + v.id() + "\n";
    }
  }

  /** Saves something of a signed report to a file. */
  abstract static class Save implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUREAU")
    BureauId bureau;

    @Parameters(index = "1", paramLabel = "PERIOD")
    String period;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE")
    Path output;

    abstract byte[] content(ReportClient reports);

    @Override
    public Integer call() throws IOException {
      Files.write(output, content(Cli.of(spec).client().reports()));
      spec.commandLine().getOut().println("已保存 " + output);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "download", description = "Save the report file for offline verification.")
  static final class Download extends Save {
    @Override
    byte[] content(ReportClient reports) {
      return reports.file(bureau, period);
    }
  }

  @Command(
      name = "page",
      description = "Save the printable page (HTML, A4, tables and charts) of a signed report.")
  static final class Page extends Save {
    @Override
    byte[] content(ReportClient reports) {
      return reports.page(bureau, period).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Command(
      name = "verify",
      description =
          "Verify a report file offline: the bureau's signature, and the roster's with --authority.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--authority",
        paramLabel = "FILE",
        description = "the roster authority's public key (authority.pub, base64url)")
    Path authority;

    @Override
    public Integer call() throws IOException {
      byte[] pinned =
          authority == null
              ? null
              : Base64.getUrlDecoder().decode(Files.readString(authority).strip());
      ReportFiles.Verdict v = ReportFiles.verify(Files.readAllBytes(file), pinned);
      PrintWriter out = spec.commandLine().getOut();
      if (Cli.of(spec).json()) {
        Cli.printJson(out, v);
      } else if (v.valid()) {
        out.printf(
            "有效：%s 签发于 %s，%s%n规范化 SHA-256 %s%n",
            v.signer(),
            v.signedAt(),
            v.rosterChecked() ? "成员名录已按根密钥核验" : "成员名录未核验（未给 --authority）",
            v.canonicalSha256());
        out.print(briefing(v.briefing()));
      } else {
        out.println("无效：" + v.problem());
      }
      out.flush();
      return v.valid() ? 0 : 1;
    }
  }

  /** The briefing in officers' units (万支, 万元, 人). */
  static String briefing(Briefing b) {
    CaseFigures c = b.cases();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%s %s 通报（%s 至 %s）%n",
            b.bureau(), b.period().label(), b.period().from(), b.period().to()));
    sb.append(
        String.format(
            "线索 发出 %d  收到 %d  认领 %d  移交 %d  反馈 %d  办结 %d（立案 %d）%n",
            b.leads().sent(),
            b.leads().received(),
            b.leads().claimed(),
            b.leads().handoversOffered(),
            b.leads().feedbackGiven(),
            b.leads().closed(),
            b.leads().closedCaseOpened()));
    for (CategoryRow r : c.byCategory()) {
      if (r.cases() > 0) {
        sb.append(
            String.format(
                "  %s %d 起  %s 万支  %s 万元%n",
                Labels.category(r.category()),
                r.cases(),
                wan(r.sticks(), 10_000),
                wan(r.valueFen(), 1_000_000)));
      }
    }
    sb.append(
        String.format(
            "案件合计 %d 起  %s 万支  %s 万元；大要案 %d 起%n",
            c.total().cases(),
            wan(c.total().sticks(), 10_000),
            wan(c.total().valueFen(), 1_000_000),
            c.majorCases().size()));
    for (MajorCase m : c.majorCases()) {
      sb.append(
          String.format(
              "  %s %s %s 万元%n", m.caseNumber(), m.filedOn(), wan(m.valueFen(), 1_000_000)));
    }
    sb.append(
        String.format(
            "移送公安 %d 起  移送市场监管 %d 起  移送率 %s  刑事拘留 %d 人  判刑 %d 人  上缴财政 %s 万元%n",
            c.transferredToPolice(),
            c.transferredToMarketRegulation(),
            c.thresholdCasesDisposed() == 0
                ? "-"
                : BigDecimal.valueOf(c.thresholdCasesTransferred() * 100)
                        .divide(
                            BigDecimal.valueOf(c.thresholdCasesDisposed()), 1, RoundingMode.HALF_UP)
                    + "%",
            c.detainedPersons(),
            c.sentencedPersons(),
            wan(c.treasuryFen(), 1_000_000)));
    sb.append(String.format("价格互查 判定 %d  合规 %d%n", b.prices().judged(), b.prices().compliant()));
    if (b.actions() != null) {
      var a = b.actions().total();
      sb.append(
          String.format(
              "联合行动 完成 %d 次（牵头 %d）  出动人员 %d 人次  车辆 %d 辆次  立案 %d 起%n",
              a.actions(), a.led(), a.officerTimes(), a.vehicleTimes(), a.casesOpened()));
    }
    if (b.networks() != null) {
      var n = b.networks();
      sb.append(
          String.format(
              "并案 提请 %d  同意 %d  不同意 %d  完成 %d（主办 %d）%n",
              n.proposals(), n.accepted(), n.declined(), n.merged(), n.mergedAsLead()));
    }
    if (b.feedback() != null && b.feedback().periodDays() > 0) {
      var f = b.feedback();
      sb.append(
          String.format(
              "反馈时效 约定 %d 天  到期 %d  按时 %d  逾期反馈 %d  逾期未反馈 %d%n",
              f.periodDays(), f.due(), f.onTime(), f.late(), f.unanswered()));
    }
    if (!b.marketNotes().isEmpty()) {
      sb.append("市场动向：").append(b.marketNotes()).append('\n');
    }
    return sb.toString();
  }

  /** {@code n / unit} with two decimals (万支, 万元). */
  static String wan(long n, long unit) {
    return BigDecimal.valueOf(n)
        .divide(BigDecimal.valueOf(unit), 2, RoundingMode.HALF_UP)
        .toPlainString();
  }
}
