package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.price.AgreementView;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.CheckView;
import io.liaison.api.price.ComplianceFigures;
import io.liaison.api.price.ComplianceRow;
import io.liaison.api.price.Dimension;
import io.liaison.api.price.Evaluation;
import io.liaison.api.price.FindingsRequest;
import io.liaison.api.price.GroupView;
import io.liaison.api.price.ImportResult;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceGap;
import io.liaison.api.price.PriceMeeting;
import io.liaison.api.price.RepeatDeviator;
import io.liaison.api.price.SelfDisciplineGroup;
import io.liaison.client.PriceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liaison price …}: self-discipline groups and their price agreements, unannounced mutual
 * price checks (价格互查), and their figures. Records are given as JSON files (the API's request
 * bodies); a check is planned from options; sheets are imported as CSV or XLSX.
 *
 * <p>Why over 400 lines: fourteen small subcommands of one group (picocli nests them in the group
 * class), each an option block and a text layout; the shared asking and printing is {@link
 * AnswerCommand}.
 */
@Command(
    name = "price",
    mixinStandardHelpOptions = true,
    description = "Price agreements and mutual price checks (价格互查).",
    subcommands = {
      PriceCommand.Groups.class,
      PriceCommand.SaveGroup.class,
      PriceCommand.Agreements.class,
      PriceCommand.AddAgreement.class,
      PriceCommand.Plan.class,
      PriceCommand.Checks.class,
      PriceCommand.Show.class,
      PriceCommand.Record.class,
      PriceCommand.Import.class,
      PriceCommand.Compliance.class,
      PriceCommand.Deviators.class,
      PriceCommand.Gaps.class,
      PriceCommand.Meetings.class,
      PriceCommand.AddMeeting.class,
      CommandLine.HelpCommand.class
    })
final class PriceCommand extends CommandGroup {
  /** Runs {@code f} on the price client; prints its answer as JSON or as {@code text}. */
  abstract static class Base extends AnswerCommand {
    abstract Object answer(PriceClient price);

    @Override
    final Object answer(Cli cli) {
      return answer(cli.client().price());
    }
  }

  static <T> T read(Path file, Class<T> type) {
    try {
      return Json.mapper().readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Command(name = "groups", description = "List self-discipline groups (自律互助小组).")
  static final class Groups extends Base {
    @Option(names = "--bureau", description = "only this bureau's")
    BureauId bureau;

    Object answer(PriceClient p) {
      return p.groups(bureau);
    }

    @SuppressWarnings("unchecked")
    String text(Object a) {
      StringBuilder sb = new StringBuilder();
      for (GroupView g : (List<GroupView>) a) {
        SelfDisciplineGroup x = g.group();
        sb.append(
            String.format(
                "%s  %s %s %s  %d 户  v%d%n",
                x.id(),
                x.county(),
                x.town() == null ? "" : x.town(),
                x.name(),
                x.members().size(),
                x.version()));
      }
      return sb.length() == 0 ? "(无)\n" : sb.toString();
    }
  }

  @Command(
      name = "group-save",
      description = "Create a group or sign its next version from a JSON file.")
  static final class SaveGroup extends Base {
    @Parameters(paramLabel = "FILE")
    Path file;

    Object answer(PriceClient p) {
      return p.saveGroup(read(file, SelfDisciplineGroup.class));
    }

    String text(Object a) {
      GroupView g = (GroupView) a;
      return "小组 " + g.group().id() + " 已签 v" + g.group().version() + "\n";
    }
  }

  @Command(
      name = "agreements",
      description = "List price agreements (价格约定) and the version in force.")
  static final class Agreements extends Base {
    @Option(names = "--bureau")
    BureauId bureau;

    @Option(names = "--on", description = "the day (default today)")
    LocalDate on;

    Object answer(PriceClient p) {
      return p.agreements(bureau, on);
    }

    @SuppressWarnings("unchecked")
    String text(Object a) {
      StringBuilder sb = new StringBuilder();
      for (AgreementView v : (List<AgreementView>) a) {
        PriceAgreement in = v.inForce();
        sb.append(v.groupId()).append("  ").append(v.versions().size()).append(" 版");
        if (in == null) {
          sb.append("  (尚未生效)\n");
          continue;
        }
        sb.append("  现行 v").append(in.version()).append(" 自 ").append(in.validFrom()).append('\n');
        in.prices()
            .forEach(
                pr ->
                    sb.append(
                        String.format(
                            "    %s  每盒 %s 元  每条 %s 元%n",
                            pr.product().label(), yuan(pr.packFen()), yuan(pr.cartonFen()))));
      }
      return sb.length() == 0 ? "(无)\n" : sb.toString();
    }
  }

  @Command(
      name = "agreement-add",
      description = "Sign a new version of a group's agreement from a JSON file.")
  static final class AddAgreement extends Base {
    @Parameters(paramLabel = "FILE")
    Path file;

    Object answer(PriceClient p) {
      return p.addAgreement(read(file, PriceAgreement.class));
    }

    String text(Object a) {
      AgreementView v = (AgreementView) a;
      return "约定 " + v.groupId() + " 共 " + v.versions().size() + " 版\n";
    }
  }

  @Command(
      name = "plan",
      description =
          "Plan an unannounced check of a neighbour's retailers (sealed from it until recorded).")
  static final class Plan extends Base {
    @Option(names = "--checked", required = true, description = "the bureau checked")
    BureauId checked;

    @Option(names = "--group", description = "a target group (repeatable)")
    List<String> groups = List.of();

    @Option(names = "--retailer", description = "a target licence (repeatable)")
    List<String> retailers = List.of();

    @Option(names = "--from", required = true)
    LocalDate from;

    @Option(names = "--to", required = true)
    LocalDate to;

    @Option(names = "--officer", required = true, description = "at least two (repeatable)")
    List<String> officers;

    @Option(names = "--note")
    String note;

    Object answer(PriceClient p) {
      BureauId self = Cli.of(spec).client().whoami().bureau();
      return p.plan(
          new CheckPlan(null, self, checked, groups, retailers, from, to, officers, note, null));
    }

    String text(Object a) {
      CheckView c = (CheckView) a;
      return "互查 " + c.id() + " 已计划（对 " + c.checkedBureau() + " 保密至录入）\n";
    }
  }

  @Command(name = "checks", description = "List the checks this node may show.")
  static final class Checks extends Base {
    Object answer(PriceClient p) {
      return p.checks();
    }

    @SuppressWarnings("unchecked")
    String text(Object a) {
      StringBuilder sb = new StringBuilder();
      for (CheckView c : (List<CheckView>) a) {
        sb.append(
            String.format(
                "%s  %s→%s  %s  %s – %s%n",
                c.id(),
                c.checkingBureau(),
                c.checkedBureau(),
                c.state() == CheckView.State.RECORDED ? "已录入" : "计划中",
                c.plan().from(),
                c.plan().to()));
      }
      return sb.length() == 0 ? "(无)\n" : sb.toString();
    }
  }

  @Command(name = "check", description = "Show one check with its findings judged.")
  static final class Show extends Base {
    @Parameters(paramLabel = "ID")
    String id;

    Object answer(PriceClient p) {
      return p.check(id);
    }

    String text(Object a) {
      CheckView c = (CheckView) a;
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              "%s  %s→%s  %s%n", c.id(), c.checkingBureau(), c.checkedBureau(), c.state()));
      for (Evaluation e : c.evaluations()) {
        sb.append(
            String.format(
                "  %s  %s(%s) %s  标价 %s  售价 %s  约定 %s  偏差 %s 元 (%s%%)  %s%n",
                e.licence(),
                e.brand(),
                e.spec() == null ? "" : e.spec(),
                e.unit() == io.liaison.api.price.PackUnit.PACK ? "盒" : "条",
                yuan(e.markedFen()),
                yuan(e.saleFen()),
                e.agreedFen() == null ? "—" : yuan(e.agreedFen()),
                e.deviationYuan() == null ? "—" : e.deviationYuan(),
                e.deviationPercent() == null ? "—" : e.deviationPercent(),
                e.compliant() == null ? "无约定" : e.compliant() ? "合规" : "不合规"));
      }
      return sb.toString();
    }
  }

  @Command(
      name = "record",
      description = "Record a check's findings from a JSON file ({officer, visits}).")
  static final class Record extends Base {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    Object answer(PriceClient p) {
      return p.record(id, read(file, FindingsRequest.class));
    }

    String text(Object a) {
      CheckView c = (CheckView) a;
      long bad = c.evaluations().stream().filter(e -> Boolean.FALSE.equals(e.compliant())).count();
      return "已录入 " + c.visits().size() + " 户次，不合规 " + bad + " 项\n";
    }
  }

  @Command(
      name = "import",
      description =
          "Import a check sheet (CSV or XLSX, Chinese headers); nothing is kept if a row is bad.")
  static final class Import extends Base {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "SHEET")
    Path sheet;

    @Option(names = "--officer", required = true)
    String officer;

    Object answer(PriceClient p) {
      return p.importSheet(id, officer, sheet);
    }

    String text(Object a) {
      ImportResult r = (ImportResult) a;
      return "导入 " + r.rows() + " 行：" + r.visits() + " 户次，" + r.items() + " 项\n";
    }
  }

  @Command(
      name = "compliance",
      description = "Compliance by county, group, brand, month or quarter.")
  static final class Compliance extends Base {
    @Option(names = "--by", defaultValue = "COUNTY")
    Dimension by;

    @Option(names = "--from")
    LocalDate from;

    @Option(names = "--to")
    LocalDate to;

    @Option(names = "--bureau")
    BureauId bureau;

    Object answer(PriceClient p) {
      return p.compliance(by, from, to, bureau);
    }

    String text(Object a) {
      ComplianceFigures f = (ComplianceFigures) a;
      StringBuilder sb = new StringBuilder(String.format("%s – %s%n", f.from(), f.to()));
      for (ComplianceRow r : f.rows()) {
        sb.append(row(r));
      }
      sb.append(row(f.total()));
      if (f.unjudged() > 0) {
        sb.append("无约定可比 ").append(f.unjudged()).append(" 项\n");
      }
      return sb.toString();
    }

    static String row(ComplianceRow r) {
      return String.format(
          "%-14s 检查 %d  合规 %d  合规率 %s%%  上期 %s%%%n",
          r.key(),
          r.judged(),
          r.compliant(),
          r.rate() == null ? "—" : r.rate(),
          r.previousRate() == null ? "—" : r.previousRate());
    }
  }

  @Command(name = "deviators", description = "Retailers found deviating on more than one visit.")
  static final class Deviators extends Base {
    @Option(names = "--from")
    LocalDate from;

    @Option(names = "--to")
    LocalDate to;

    @Option(names = "--bureau")
    BureauId bureau;

    @Option(names = "--min", defaultValue = "2")
    int min;

    Object answer(PriceClient p) {
      return p.deviators(from, to, bureau, min);
    }

    @SuppressWarnings("unchecked")
    String text(Object a) {
      StringBuilder sb = new StringBuilder();
      for (RepeatDeviator d : (List<RepeatDeviator>) a) {
        sb.append(
            String.format(
                "%s %s  %s  %d/%d 次偏离%n",
                d.licence(),
                d.name() == null ? "" : d.name(),
                d.groupId() == null ? "" : d.groupId(),
                d.deviatingVisits(),
                d.visits()));
      }
      return sb.length() == 0 ? "(无)\n" : sb.toString();
    }
  }

  @Command(
      name = "gaps",
      description = "Cross-border price gaps per brand (per carton), flagged first.")
  static final class Gaps extends Base {
    @Option(names = "--from")
    LocalDate from;

    @Option(names = "--to")
    LocalDate to;

    @Option(names = "--pair", description = "e.g. 140222-150924 (repeatable)")
    List<String> pairs = List.of();

    Object answer(PriceClient p) {
      return p.gaps(from, to, pairs);
    }

    @SuppressWarnings("unchecked")
    String text(Object a) {
      StringBuilder sb = new StringBuilder();
      for (PriceGap g : (List<PriceGap>) a) {
        sb.append(
            String.format(
                "%s%s  %s|%s  约定差 %s  实价差 %s  阈值 %s%n",
                g.flagged() ? "⚠ " : "  ",
                g.spec() == null ? g.brand() : g.brand() + "(" + g.spec() + ")",
                g.a(),
                g.b(),
                g.agreedGap() == null ? "—" : g.agreedGap(),
                g.observedGap() == null ? "—" : g.observedGap(),
                g.threshold()));
      }
      return sb.length() == 0 ? "(无)\n" : sb.toString();
    }
  }

  @Command(name = "meetings", description = "Visits (观摩) and joint meetings (小组联席会) recorded.")
  static final class Meetings extends Base {
    Object answer(PriceClient p) {
      return p.meetings();
    }

    @SuppressWarnings("unchecked")
    String text(Object a) {
      StringBuilder sb = new StringBuilder();
      for (PriceMeeting m : (List<PriceMeeting>) a) {
        sb.append(
            String.format(
                "%s  %s  %s  %s  %s%n",
                m.on(),
                m.kind() == PriceMeeting.Kind.VISIT ? "观摩" : "联席会",
                m.place(),
                String.join("、", m.participants()),
                m.id()));
      }
      return sb.length() == 0 ? "(无)\n" : sb.toString();
    }
  }

  @Command(name = "meeting-add", description = "Record a visit or joint meeting from a JSON file.")
  static final class AddMeeting extends Base {
    @Parameters(paramLabel = "FILE")
    Path file;

    Object answer(PriceClient p) {
      return p.recordMeeting(read(file, PriceMeeting.class));
    }

    String text(Object a) {
      return "已记录 " + ((PriceMeeting) a).id() + "\n";
    }
  }

  static String yuan(long fen) {
    return io.liaison.api.cases.Fen.toYuan(fen).toPlainString();
  }
}
