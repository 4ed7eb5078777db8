package io.liaison.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.access.EnrolledOfficer;
import io.liaison.api.access.OfficerSummary;
import io.liaison.api.access.Role;
import io.liaison.client.OfficerEnrolment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liaison officers …}: the bureau's officers, for its administrator (ADMIN role). */
@Command(
    name = "officers",
    mixinStandardHelpOptions = true,
    description = "Enrol and list the officers of the node's bureau (administrators only).",
    subcommands = {
      OfficersCommand.Add.class,
      OfficersCommand.ListOfficers.class,
      CommandLine.HelpCommand.class
    })
final class OfficersCommand extends CommandGroup {
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Enrol an officer of the node's bureau with a first password (10 to 200 characters).",
        "The password is asked for twice without echo; scripts give it with --password-file or"
            + " $LIAISON_NEW_PASSWORD. With --totp the node sets up a second factor and shows its"
            + " otpauth:// link once, for the officer's authenticator app."
      },
      footerHeading = "%n",
      footer = {
        "Roles: LIAISON 联络员, INVESTIGATOR 办案员, CHIEF 局领导, PRICE_CHECKER 价格互查员,",
        "       ADMIN 管理员, AUDITOR 审计员 (what each may do: docs/user-guide.md)",
        "",
        "Example:",
        "  liaison officers add 150924-017 --name 王建国 --role 联络员 --role 办案员"
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "officer number <bureau code>-<number>")
    String id;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "full name")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        split = ",",
        description = "a role; repeatable or comma-separated (see below)")
    List<Role> roles;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "read the first password from the first line of FILE (- = standard input)")
    Path passwordFile;

    @Option(names = "--totp", description = "set up a TOTP second factor for the officer")
    boolean totp;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      char[] password =
          Secrets.password(
              spec,
              passwordFile,
              "--password-file",
              "LIAISON_NEW_PASSWORD",
              cli.env("LIAISON_NEW_PASSWORD"),
              cli.terminal(),
              "新人员的初始密码 (first password) " + id + ": ",
              true);
      OfficerEnrolment enrolment;
      try {
        enrolment =
            new OfficerEnrolment(id, name, EnumSet.copyOf(roles), new String(password), totp);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      } finally {
        Arrays.fill(password, '\0');
      }
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(out, cli.client().post("/api/v1/admin/officers", enrolment, JsonNode.class));
        return 0;
      }
      EnrolledOfficer o = cli.client().enrolOfficer(enrolment);
      out.println("已添加 " + o.id() + " " + o.name() + " · 角色 " + Labels.roles(o.roles()));
      if (o.totpUri() != null) {
        out.println("动态口令：请在该人员的认证器应用中添加（只显示这一次）：");
        out.println("  " + o.totpUri());
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the bureau's officers: roles, second factor, disabled or locked out.")
  static final class ListOfficers implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(out, cli.client().get("/api/v1/admin/officers", JsonNode.class));
        return 0;
      }
      StringBuilder sb = new StringBuilder();
      row(sb, "编号", "姓名", "角色", "动态口令", "状态");
      for (OfficerSummary o : cli.client().officers()) {
        String state =
            o.disabled()
                ? "停用"
                : o.lockedUntil() != null ? "锁定至 " + Times.show(o.lockedUntil()) : "正常";
        row(sb, o.id(), o.name(), Labels.roles(o.roles()), o.totp() ? "有" : "无", state);
      }
      out.print(sb);
      out.flush();
      return 0;
    }

    private static void row(StringBuilder sb, String... cells) {
      Text.row(sb, new int[] {16, 12, 30, 8}, cells);
    }
  }
}
