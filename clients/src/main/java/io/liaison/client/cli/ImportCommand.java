package io.liaison.client.cli;

import io.liaison.api.Json;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.imports.ColumnMapping;
import io.liaison.api.cases.imports.ImportDefaults;
import io.liaison.api.cases.imports.ImportField;
import io.liaison.api.cases.imports.ImportJob;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.api.cases.imports.RowError;
import io.liaison.client.CaseImportCalls;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code liaison import …}: imports of this bureau's case register. {@code import cases FILE
 * --mapping MAP} saves the column mapping (if given), uploads the CSV or XLSX file and follows the
 * job (rows read, valid, stored) until it ends, then lists the bad rows; {@code import status ID}
 * shows a job; {@code import mapping} shows the saved mapping.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import this bureau's case register (案件登记表, CSV or XLSX).",
    subcommands = {
      ImportCommand.Cases.class,
      ImportCommand.Status.class,
      ImportCommand.Mapping.class,
      CommandLine.HelpCommand.class
    })
final class ImportCommand extends CommandGroup {

  @Command(
      name = "cases",
      mixinStandardHelpOptions = true,
      description = {
        "Import a case register: every row checked first; with any bad row nothing is stored"
            + " unless --good-rows-only. Progress is shown until the import ends.",
        "The mapping file is JSON (as GET /api/v1/cases/imports/mapping) or lines 列名=字段, e.g.",
        "  案件编号=案件编号",
        "  立案日期=立案日期",
        "  案值(万元)=案值(万元)",
        "  数量(条)=数量(条)",
        "  @category=无证运输     (a value for every row: @category @disposition @countyCode"
            + " @address)"
      })
  static final class Cases implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the register (.csv or .xlsx)")
    Path file;

    @Option(
        names = "--mapping",
        paramLabel = "MAP",
        description = "save this column mapping first (else the one saved on the node is used)")
    Path mapping;

    @Option(names = "--good-rows-only", description = "share the good rows even if some are bad")
    boolean goodRowsOnly;

    @Option(
        names = "--charset",
        description = "the CSV's character set (default: UTF-8 or GBK, told from the file)")
    String charset;

    @Option(names = "--no-wait", description = "start the import and print its id only")
    boolean noWait;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      CaseImportCalls calls = cli.client().caseImports();
      PrintWriter out = spec.commandLine().getOut();
      if (mapping != null) {
        calls.saveMapping(readMapping(mapping));
      }
      ImportJob started = calls.start(file, goodRowsOnly, charset);
      if (noWait) {
        out.println(cli.json() ? Json.mapper().valueToTree(started).toString() : started.id());
        out.flush();
        return 0;
      }
      String[] last = {""};
      ImportJob done =
          calls.await(
              started.id(),
              Duration.ofMillis(500),
              j -> {
                String line = progress(j);
                if (!cli.json() && !line.equals(last[0])) {
                  out.println(line);
                  out.flush();
                  last[0] = line;
                }
              });
      if (cli.json()) {
        Cli.printJson(out, done);
      } else {
        out.print(summary(done));
        out.flush();
      }
      return done.state() == io.liaison.api.cases.imports.ImportState.DONE ? 0 : 1;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "One import job.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      ImportJob j = cli.client().caseImports().job(id);
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(out, j);
      } else {
        out.print(progress(j) + "\n" + summary(j));
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "mapping",
      mixinStandardHelpOptions = true,
      description = "The column mapping saved for this bureau (--save FILE to replace it).")
  static final class Mapping implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--save", paramLabel = "MAP")
    Path save;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      CaseImportCalls calls = cli.client().caseImports();
      ImportMapping m = save == null ? calls.mapping() : calls.saveMapping(readMapping(save));
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(out, m);
      } else {
        for (ColumnMapping c : m.columns()) {
          out.println(c.column() + " = " + c.field().label());
        }
        ImportDefaults d = m.defaults();
        if (d.category() != null) out.println("@category = " + d.category().label());
        if (d.disposition() != null) out.println("@disposition = " + d.disposition().label());
        if (d.countyCode() != null) out.println("@countyCode = " + d.countyCode());
        if (d.address() != null) out.println("@address = " + d.address());
      }
      out.flush();
      return 0;
    }
  }

  static String progress(ImportJob j) {
    return j.state().label()
        + "：已读 "
        + j.rowsRead()
        + " 行，有效 "
        + j.rowsValid()
        + " 行，有误 "
        + j.rowsInvalid()
        + " 行，已共享 "
        + j.rowsStored()
        + " 行"
        + (j.rowsSkipped() > 0 ? "，已存在跳过 " + j.rowsSkipped() + " 行" : "");
  }

  static String summary(ImportJob j) {
    StringBuilder b = new StringBuilder();
    b.append("导入 ").append(j.id()).append(" ").append(j.state().label()).append('\n');
    switch (j.state()) {
      case REFUSED ->
          b.append(
              j.rowsRead() == 0 || j.errors().stream().anyMatch(e -> e.row() == 1)
                  ? "文件未通过检查，未导入任何案件。\n"
                  : "有 " + j.rowsInvalid() + " 行有误，未导入任何案件（只导入正确的行：--good-rows-only）。\n");
      case FAILED -> b.append("文件无法读取：").append(j.failure()).append('\n');
      case DONE ->
          b.append("已签名共享 ")
              .append(j.rowsStored())
              .append(" 件案件")
              .append(j.rowsSkipped() > 0 ? "，" + j.rowsSkipped() + " 件此前已共享" : "")
              .append("。\n");
      default -> {}
    }
    if (!j.resumedAtRows().isEmpty()) {
      b.append("节点重启后从第 ").append(j.resumedAtRows()).append(" 行继续。\n");
    }
    if (!j.errors().isEmpty()) {
      b.append("错误（共 ").append(j.errorCount()).append(" 处）：\n");
      for (RowError e : j.errors()) {
        b.append("  第 ").append(e.row()).append(" 行");
        if (!e.column().isEmpty()) {
          b.append("「").append(e.column()).append("」");
        }
        b.append("：").append(e.message()).append('\n');
      }
      if (j.errorCount() > j.errors().size()) {
        b.append("  …另有 ").append(j.errorCount() - j.errors().size()).append(" 处\n");
      }
    }
    return b.toString();
  }

  /** A mapping file: JSON, or lines {@code 列名=字段} and {@code @default=value}. */
  static ImportMapping readMapping(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (text.strip().startsWith("{")) {
      try {
        return Json.mapper().readValue(text, ImportMapping.class);
      } catch (IOException e) {
        throw new CommandLine.ParameterException(
            new CommandLine(new Object()),
            "the mapping " + file + " is not a mapping: " + e.getMessage());
      }
    }
    List<ColumnMapping> columns = new ArrayList<>();
    CaseCategory category = null;
    Disposition disposition = null;
    String county = null;
    String address = null;
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("mapping line is not 列名=字段: " + line);
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      switch (key) {
        case "@category" -> category = CaseCategory.of(value);
        case "@disposition" -> disposition = disposition(value);
        case "@countyCode" -> county = value;
        case "@address" -> address = value;
        default -> columns.add(new ColumnMapping(key, ImportField.of(value)));
      }
    }
    return new ImportMapping(columns, new ImportDefaults(category, disposition, county, address));
  }

  private static Disposition disposition(String v) {
    for (Disposition d : Disposition.values()) {
      if (d.name().equalsIgnoreCase(v) || d.label().equals(v)) {
        return d;
      }
    }
    throw new IllegalArgumentException("@disposition: 行政处罚、移送公安、移送市场监管 or 未结, not " + v);
  }
}
