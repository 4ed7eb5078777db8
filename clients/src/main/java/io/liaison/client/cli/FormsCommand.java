package io.liaison.client.cli;

import io.liaison.api.Json;
import io.liaison.api.forms.FormDraft;
import io.liaison.api.forms.FormPage;
import io.liaison.api.forms.FormView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code liaison forms …}: the four forms of a lead or case (登记台帐, 调查表, 处理表, 反馈表) — fill one in
 * from a JSON file, list them, save one's printable page or all as XLSX.
 */
@Command(
    name = "forms",
    mixinStandardHelpOptions = true,
    description = "The four forms of a lead or case: file, list, print, export as XLSX.",
    subcommands = {
      FormsCommand.File.class,
      FormsCommand.List.class,
      FormsCommand.Print.class,
      FormsCommand.Sheet.class,
      CommandLine.HelpCommand.class
    })
final class FormsCommand extends CommandGroup {
  @Command(
      name = "file",
      mixinStandardHelpOptions = true,
      description = "Fill in a form from a JSON file (a FormDraft).")
  static final class File implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "the JSON file")
    Path file;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      FormDraft draft;
      try {
        draft = Json.mapper().readValue(file.toFile(), FormDraft.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      FormView v = cli.client().forms().file(draft);
      return Cli.print(
          spec,
          cli,
          v,
          () -> v.id() + "  " + v.form().kind().title() + "  " + v.form().subject() + "\n");
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The forms of a lead or case.")
  static final class List implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "lead id or case id (case:<bureau>:<number>)")
    String subject;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      FormPage p = cli.client().forms().of(subject);
      return Cli.print(spec, cli, p, () -> lines(p));
    }

    private static String lines(FormPage p) {
      StringBuilder b = new StringBuilder();
      for (FormView v : p.items()) {
        b.append(v.id()).append("  ").append(v.form().kind().title()).append("  ");
        b.append(v.form().officer()).append("  ").append(v.signedAt()).append('\n');
      }
      return b.toString();
    }
  }

  @Command(
      name = "print",
      mixinStandardHelpOptions = true,
      description = "Save a form's printable page (HTML).")
  static final class Print implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "the form id")
    String id;

    @Option(
        names = {"-o", "--out"},
        required = true,
        description = "the HTML file to write")
    Path out;

    @Override
    public Integer call() throws IOException {
      Files.write(out, Cli.of(spec).client().forms().print(id));
      spec.commandLine().getOut().println(out);
      return 0;
    }
  }

  @Command(
      name = "sheet",
      mixinStandardHelpOptions = true,
      description = "Save the forms of a lead or case as XLSX.")
  static final class Sheet implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "lead id or case id")
    String subject;

    @Option(
        names = {"-o", "--out"},
        required = true,
        description = "the XLSX file to write")
    Path out;

    @Override
    public Integer call() throws IOException {
      Files.write(out, Cli.of(spec).client().forms().sheet(subject));
      spec.commandLine().getOut().println(out);
      return 0;
    }
  }
}
