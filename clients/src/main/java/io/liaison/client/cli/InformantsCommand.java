package io.liaison.client.cli;

import io.liaison.api.informant.Informant;
import io.liaison.api.informant.LeadSource;
import io.liaison.api.informant.OfficerKey;
import io.liaison.api.informant.OfficerKeys;
import io.liaison.api.informant.OpenedInformant;
import io.liaison.api.informant.ReportEntry;
import io.liaison.api.informant.RewardStatus;
import io.liaison.client.informant.InformantCalls;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code liaison informants …}: lead sources and informants — the officer's own sealing key, the
 * keys of officers one can choose, recording a lead's source with the identity sealed, the register
 * of reports (举报信息台帐), the reward status, and opening an identity one was chosen for.
 *
 * <p>Why over 400 lines: seven small subcommands of one group (picocli nests them in the group
 * class) that share the officer's sealing key on disk and the register's text layout.
 */
@Command(
    name = "informants",
    mixinStandardHelpOptions = true,
    description = "Lead sources, informants sealed to chosen officers, the register of reports.",
    subcommands = {
      InformantsCommand.Key.class,
      InformantsCommand.Keys.class,
      InformantsCommand.Record.class,
      InformantsCommand.ListReports.class,
      InformantsCommand.Reward.class,
      InformantsCommand.Open.class,
      InformantsCommand.Reseal.class,
      CommandLine.HelpCommand.class
    })
final class InformantsCommand extends CommandGroup {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    abstract Object answer(Cli cli, InformantCalls calls);

    abstract String text(Object answer);

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      Object a = answer(cli, cli.client().informants());
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(out, a);
      } else {
        out.print(text(a));
        out.flush();
      }
      return 0;
    }
  }

  abstract static class WithPassphrase extends Base {
    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description =
            "read the opening passphrase from the first line of FILE (- = standard input)")
    Path passphraseFile;

    String passphrase(Cli cli, boolean confirm) {
      char[] p =
          Secrets.password(
              spec,
              passphraseFile,
              "--passphrase-file",
              "LIAISON_OPEN_PASSPHRASE",
              cli.env("LIAISON_OPEN_PASSPHRASE"),
              cli.terminal(),
              "开启口令 (opening passphrase): ",
              confirm);
      try {
        return new String(p);
      } finally {
        Arrays.fill(p, '\0');
      }
    }
  }

  static String source(LeadSource s) {
    return s.label();
  }

  static String line(ReportEntry e) {
    StringBuilder b = new StringBuilder();
    b.append(e.leadId())
        .append("  ")
        .append(TIME.format(e.receivedAt()))
        .append("  ")
        .append(source(e.source()))
        .append("  ")
        .append(e.leadTitle() == null ? "（线索内容不可见）" : e.leadTitle())
        .append("\n    办理: ")
        .append(e.leadState() == null ? "—" : e.leadState().name())
        .append(e.handledBy() == null ? "" : " 由 " + e.handledBy().code())
        .append(e.outcome() == null ? "" : " 结果 " + Labels.outcome(e.outcome()))
        .append(e.caseNumber() == null ? "" : " " + e.caseNumber())
        .append("  奖励: ")
        .append(e.rewardStatus().label())
        .append(e.rewardNote() == null ? "" : "（" + e.rewardNote() + "）")
        .append("\n    举报人身份: ")
        .append(e.identitySealed() ? "已加密，可开启: " + String.join("、", e.openers()) : "无");
    for (ReportEntry.Opening o : e.openings()) {
      b.append("\n    开启: ").append(o.officer()).append(" ").append(TIME.format(o.at()));
    }
    for (ReportEntry.Resealing r : e.resealings()) {
      b.append("\n    重新加密: ")
          .append(r.officer())
          .append(" 为 ")
          .append(r.opener())
          .append(" ")
          .append(TIME.format(r.at()));
    }
    if (!e.unreadableFor().isEmpty()) {
      b.append("\n    无法开启（密钥已更换，待重新加密）: ").append(String.join("、", e.unreadableFor()));
    }
    return b.append('\n').toString();
  }

  @Command(
      name = "key",
      mixinStandardHelpOptions = true,
      description =
          "Make your sealing key (kept on your node under an opening passphrase only you know);"
              + " --change its passphrase (the same key), or --forgotten: a new key, and what was"
              + " sealed to the old one waits for another chosen officer's re-seal.")
  static final class Key extends WithPassphrase {
    @Option(
        names = "--change",
        description =
            "change the passphrase of your key: the current one is read from"
                + " --current-passphrase-file, LIAISON_CURRENT_PASSPHRASE or the terminal")
    boolean change;

    @Option(
        names = "--current-passphrase-file",
        paramLabel = "FILE",
        description = "with --change: the current passphrase, first line of FILE (- = stdin)")
    Path currentFile;

    @Option(names = "--forgotten", description = "the passphrase is forgotten: make a new key")
    boolean forgotten;

    @Override
    Object answer(Cli cli, InformantCalls calls) {
      if (change && forgotten) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--change or --forgotten, not both");
      }
      if (change) {
        char[] current =
            Secrets.password(
                spec,
                currentFile,
                "--current-passphrase-file",
                "LIAISON_CURRENT_PASSPHRASE",
                cli.env("LIAISON_CURRENT_PASSPHRASE"),
                cli.terminal(),
                "当前开启口令 (current passphrase): ",
                false);
        try {
          return calls.changePassphrase(new String(current), passphrase(cli, true));
        } finally {
          Arrays.fill(current, '\0');
        }
      }
      return forgotten
          ? calls.remakeKey(passphrase(cli, true))
          : calls.makeKey(passphrase(cli, true));
    }

    @Override
    String text(Object a) {
      OfficerKeys k = (OfficerKeys) a;
      return (change ? "开启口令已修改（密钥不变）；" : forgotten ? "已生成新的开启密钥（旧密钥加密的须由他人重新加密）；" : "已生成开启密钥；")
          + k.bureau().code()
          + " 密钥名单第 "
          + k.version()
          + " 版，共 "
          + k.keys().size()
          + " 人\n";
    }
  }

  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "Officers of every bureau who have a sealing key (whom you can choose).")
  static final class Keys extends Base {
    @Override
    Object answer(Cli cli, InformantCalls calls) {
      return calls.keys();
    }

    @Override
    String text(Object a) {
      StringBuilder b = new StringBuilder();
      for (OfficerKeys k : ((OfficerKeys.Page) a).items()) {
        for (OfficerKey o : k.keys()) {
          b.append(k.bureau().code())
              .append("  ")
              .append(o.officer())
              .append("  ")
              .append(o.name())
              .append("  ")
              .append(o.keyId())
              .append('\n');
        }
      }
      return b.length() == 0 ? "（尚无人员生成开启密钥）\n" : b.toString();
    }
  }

  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      description = "Record where a lead of your bureau came from, and the informant (sealed).")
  static final class Record extends Base {
    @Parameters(index = "0", paramLabel = "LEAD")
    String lead;

    @Option(
        names = "--source",
        required = true,
        description = "REPORT 举报, INFORMANT 线人, INSPECTION 市场检查, LOGISTICS 物流检查, AGENCY 其他部门")
    LeadSource source;

    @Option(names = "--received", paramLabel = "DATE", description = "the day it came in")
    LocalDate received;

    @Option(
        names = "--informant-file",
        paramLabel = "FILE",
        description =
            "the informant as JSON {\"name\",\"phone\",\"idNumber\",\"note\"} from FILE (- ="
                + " standard input); then --opener is required. Never as options: they would be in"
                + " the shell history and the process list")
    Path informantFile;

    @Option(
        names = "--informant",
        description = "type the informant at the terminal (nothing shown while typing)")
    boolean informantPrompt;

    @Option(names = "--opener", paramLabel = "OFFICER", description = "an officer who may open it")
    List<String> openers = new ArrayList<>();

    @Option(names = "--officer")
    String officer;

    @Override
    Object answer(Cli cli, InformantCalls calls) {
      Instant at = received == null ? null : received.atStartOfDay(BEIJING).toInstant();
      io.liaison.api.informant.ReportDraft draft;
      try {
        Informant who = informant(cli);
        draft =
            new io.liaison.api.informant.ReportDraft(
                cli.requiredOfficer(spec, officer), lead, source, at, who, openers);
      } catch (io.liaison.api.FieldException e) {
        // checked here before anything is sent: a usage error naming the option
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "openers".equals(e.field())
                ? "--opener: 有举报人时须至少指定一名可开启人员"
                : e.field() + ": " + e.getMessage());
      }
      return calls.record(
          draft.officer(),
          draft.leadId(),
          draft.source(),
          draft.receivedAt(),
          draft.informant(),
          draft.openers());
    }

    /** The informant from the file, standard input or the terminal; null when none is given. */
    private Informant informant(Cli cli) {
      if (informantFile != null && informantPrompt) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--informant-file or --informant, not both");
      }
      if (informantFile != null) {
        try {
          byte[] json =
              "-".equals(informantFile.toString())
                  ? System.in.readAllBytes()
                  : java.nio.file.Files.readAllBytes(informantFile);
          return io.liaison.api.Json.mapper().readValue(json, Informant.class);
        } catch (java.io.IOException e) {
          // the message of a JSON error may quote the file's text: not repeated here
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--informant-file "
                  + informantFile
                  + ": not readable as {\"name\",\"phone\",\"idNumber\",\"note\"}");
        }
      }
      if (!informantPrompt) {
        return null;
      }
      if (!cli.terminal().interactive()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--informant needs a terminal; give --informant-file FILE|-");
      }
      String name = hidden(cli, "举报人姓名 (name): ");
      return new Informant(
          name,
          hidden(cli, "电话 (phone, Enter for none): "),
          hidden(cli, "身份证号 (ID number, Enter for none): "),
          hidden(cli, "备注 (note, Enter for none): "));
    }

    private static String hidden(Cli cli, String prompt) {
      char[] typed = cli.terminal().readPassword(prompt);
      if (typed == null || typed.length == 0) {
        return null;
      }
      try {
        return new String(typed).strip();
      } finally {
        Arrays.fill(typed, '\0');
      }
    }

    @Override
    String text(Object a) {
      return "已登记\n" + line((ReportEntry) a);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The register of reports (举报信息台帐), without identities.")
  static final class ListReports extends Base {
    @Option(names = "--limit", defaultValue = "100")
    int limit;

    @Override
    Object answer(Cli cli, InformantCalls calls) {
      return calls.register(limit);
    }

    @Override
    String text(Object a) {
      StringBuilder b = new StringBuilder();
      ((ReportEntry.Page) a).items().forEach(e -> b.append(line(e)));
      return b.length() == 0 ? "（台帐为空）\n" : b.toString();
    }
  }

  @Command(
      name = "reward",
      mixinStandardHelpOptions = true,
      description =
          "Set a report's reward status: DECLARED 已申报 or NOT_REWARDED 不予奖励 (已兑现 PAID is set by"
              + " signing the payment: liaison rewards settle --kind INFORMANT).")
  static final class Reward extends Base {
    @Parameters(index = "0", paramLabel = "LEAD")
    String lead;

    @Parameters(index = "1", paramLabel = "STATUS")
    RewardStatus status;

    @Option(names = "--note")
    String note;

    @Option(names = "--officer")
    String officer;

    @Override
    Object answer(Cli cli, InformantCalls calls) {
      return calls.reward(cli.requiredOfficer(spec, officer), lead, status, note);
    }

    @Override
    String text(Object a) {
      return line((ReportEntry) a);
    }
  }

  @Command(
      name = "reseal",
      mixinStandardHelpOptions = true,
      description =
          "Seal an identity you can open again for another chosen officer whose key was re-made"
              + " (signed, audited, shown in the poster's register).")
  static final class Reseal extends WithPassphrase {
    @Parameters(index = "0", paramLabel = "LEAD")
    String lead;

    @Option(names = "--for", required = true, paramLabel = "OFFICER")
    String opener;

    @Option(names = "--officer")
    String officer;

    @Override
    Object answer(Cli cli, InformantCalls calls) {
      return calls.reseal(cli.requiredOfficer(spec, officer), lead, passphrase(cli, false), opener);
    }

    @Override
    String text(Object a) {
      return "已重新加密\n" + line((ReportEntry) a);
    }
  }

  @Command(
      name = "open",
      mixinStandardHelpOptions = true,
      description = "Open an informant's identity you were chosen for (recorded in the audit log).")
  static final class Open extends WithPassphrase {
    @Parameters(index = "0", paramLabel = "LEAD")
    String lead;

    @Option(names = "--officer")
    String officer;

    @Override
    Object answer(Cli cli, InformantCalls calls) {
      return calls.open(cli.requiredOfficer(spec, officer), lead, passphrase(cli, false));
    }

    @Override
    String text(Object a) {
      OpenedInformant o = (OpenedInformant) a;
      Informant i = o.informant();
      return "举报人: "
          + i.name()
          + (i.phone() == null ? "" : "\n电话: " + i.phone())
          + (i.idNumber() == null ? "" : "\n身份证号: " + i.idNumber())
          + (i.note() == null ? "" : "\n备注: " + i.note())
          + "\n（本次开启已记入审计链: "
          + o.officer()
          + " "
          + TIME.format(o.openedAt())
          + "）\n";
    }
  }
}
