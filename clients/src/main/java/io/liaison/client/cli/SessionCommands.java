package io.liaison.client.cli;

import io.liaison.api.access.SignedInOfficer;
import io.liaison.api.access.Tokens;
import io.liaison.client.LiaisonClientException;
import io.liaison.client.NodeUnreachableException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Signing in and out: {@code liaison login}, {@code liaison logout}, {@code liaison whoami}. The
 * tokens are kept per node in the token file, so that later runs are signed in and renew the access
 * token by themselves.
 */
final class SessionCommands {
  private SessionCommands() {}

  @Command(
      name = "login",
      mixinStandardHelpOptions = true,
      description = {
        "Sign in to the node as an officer of its bureau. The tokens are kept for this node in"
            + " ~/.config/liaison/tokens.json (readable by you only) and renewed by themselves;"
            + " signing in again replaces them.",
        "The password is asked for without echo; scripts give it with --password-file or"
            + " $LIAISON_PASSWORD."
      },
      footerHeading = "%n",
      footer = {
        "Examples:",
        "  liaison --node http://127.0.0.1:8081 login --officer 150924-001",
        "  LIAISON_PASSWORD=… liaison login --officer 150924-001",
        "  liaison login --officer 150924-018 --totp 492039 --password-file ~/.liaison-pw"
      })
  static final class Login implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--officer",
        paramLabel = "ID",
        description =
            "your officer number, e.g. 150924-001 (default: $LIAISON_OFFICER, else asked)")
    String officer;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "read the password from the first line of FILE (- = standard input)")
    Path passwordFile;

    @Option(
        names = "--totp",
        paramLabel = "CODE",
        description = "the six-digit code of your authenticator app, if you enrolled with one")
    String totp;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      String who = officer(cli);
      char[] password =
          Secrets.password(
              spec,
              passwordFile,
              "--password-file",
              "LIAISON_PASSWORD",
              cli.env("LIAISON_PASSWORD"),
              cli.terminal(),
              "密码 (password) " + who + ": ",
              false);
      Tokens t;
      try {
        t = cli.client().login(who, password, totp);
      } finally {
        Arrays.fill(password, '\0');
      }
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(out, describe(cli, t.officer(), t));
        return 0;
      }
      out.println(
          "已登录 "
              + cli.client().node()
              + " · "
              + t.officer().id()
              + " "
              + t.officer().name()
              + " · "
              + cli.names().label(t.officer().bureau()));
      out.print(session(t));
      out.flush();
      return 0;
    }

    private String officer(Cli cli) {
      String who = officer != null ? officer : cli.env("LIAISON_OFFICER");
      if ((who == null || who.isBlank()) && cli.terminal().interactive()) {
        who = cli.terminal().readLine("人员编号 (officer), 如 150924-001: ");
      }
      if (who == null || who.isBlank()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--officer: is required (or set LIAISON_OFFICER)");
      }
      return who.strip();
    }
  }

  @Command(
      name = "logout",
      mixinStandardHelpOptions = true,
      description =
          "Sign out: the node ends the session at once and the kept tokens of this node are"
              + " deleted (also when the node cannot be reached).")
  static final class Logout implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      PrintWriter out = spec.commandLine().getOut();
      var session = cli.client().session();
      if (session.isEmpty()) {
        out.println("未登录 " + cli.client().node() + "，无需退出");
        out.flush();
        return 0;
      }
      try {
        cli.client().logout();
      } catch (NodeUnreachableException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("liaison: " + e.getMessage());
        err.println("  本机保存的令牌已删除；节点上的会话将在到期后失效");
        err.flush();
        return 1;
      }
      out.println("已退出 " + cli.client().node() + " · " + session.get().officer().id());
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "whoami",
      mixinStandardHelpOptions = true,
      description = {
        "Show who you are signed in as on the node: officer, bureau, roles, and until when the"
            + " sign-in lasts. Asks the node, so it also tells whether the session still holds.",
        "Exits 1 when not signed in."
      })
  static final class Whoami implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      if (cli.client().session().isEmpty()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("liaison: 未登录 " + cli.client().node() + " (not signed in)");
        err.println("  hint:   liaison --node " + cli.client().node() + " login");
        err.flush();
        return 1;
      }
      SignedInOfficer me = cli.client().whoami();
      Tokens t = cli.client().session().orElseThrow(() -> notSignedIn(cli));
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(out, describe(cli, me, t));
        return 0;
      }
      out.println(
          me.id()
              + " "
              + me.name()
              + " · "
              + cli.names().label(me.bureau())
              + " · 节点 "
              + cli.client().node());
      out.print(session(t));
      out.flush();
      return 0;
    }

    private static LiaisonClientException notSignedIn(Cli cli) {
      return new LiaisonClientException(
          io.liaison.api.Problem.of(
              "invalid-token", "Not signed in", 401, "the session ended meanwhile", null));
    }
  }

  /** The roles and lifetimes of a session, two indented lines. */
  static String session(Tokens t) {
    return "  角色        "
        + Labels.roles(t.officer().roles())
        + "\n  登录有效至  "
        + Times.show(t.refreshExpiresAt())
        + "（访问令牌 "
        + Times.show(t.expiresAt())
        + " 到期，自动续期）\n";
  }

  /** What --json prints: who and until when, never the tokens themselves. */
  static Map<String, Object> describe(Cli cli, SignedInOfficer me, Tokens t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("node", cli.client().node().toString());
    m.put("officer", me);
    m.put("expiresAt", t.expiresAt());
    m.put("refreshExpiresAt", t.refreshExpiresAt());
    m.put("tokenFile", cli.tokenFile().toString());
    return m;
  }
}
