package io.liaison.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.Json;
import io.liaison.api.Problem;
import io.liaison.client.FileTokenStore;
import io.liaison.client.LiaisonClient;
import io.liaison.client.LiaisonClientException;
import io.liaison.client.NodeUnreachableException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code liaison}: the command-line client of a Liaison node. Each command is a small class; add a
 * new one to {@code subcommands} (or to a group such as {@link LeadsCommand}) and reach the node
 * through {@link #client()}.
 */
@Command(
    name = "liaison",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = {
      "Command-line client of a Liaison node (跨区域线索协作): post, read and act on the shared"
          + " leads of the border bureaus, follow the live feed, search the shared cases and"
          + " decide on networked cases (网络案件).",
      ""
    },
    subcommands = {
      LeadsCommand.class,
      InboxCommand.class,
      EventsCommand.class,
      RosterCommand.class,
      SearchCommands.Search.class,
      SearchCommands.Lookup.class,
      NetworkCommands.Networks.class,
      NetworkCommands.Show.class,
      NetworkCommands.Proposals.class,
      NetworkCommands.ShowProposal.class,
      NetworkCommands.Decide.class,
      NetworkCommands.Hits.class,
      ActionsCommand.class,
      HealthCommand.class,
      SessionCommands.Login.class,
      SessionCommands.Logout.class,
      SessionCommands.Whoami.class,
      OfficersCommand.class,
      AccessLogCommand.class,
      PriceCommand.class,
      ReportCommand.class,
      SettingsCommand.class,
      RewardCommand.class,
      AreaCommand.class,
      FormsCommand.class,
      MajorCommand.class,
      InformantsCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%n",
    footer = {
      "Sign in first: 'liaison login' keeps the node's tokens in ~/.config/liaison/tokens.json"
          + " (per node, readable by you only) and renews them by itself; posts and lead actions"
          + " are then in your name.",
      "",
      "Environment:",
      "  LIAISON_NODE      the node when --node is not given",
      "                    (default " + Cli.DEFAULT_NODE + ")",
      "  LIAISON_OFFICER   your officer number for 'login' without --officer",
      "  LIAISON_PASSWORD  your password for 'login' in scripts (else --password-file, or asked)",
      "  XDG_CONFIG_HOME   where liaison/tokens.json is kept (default ~/.config)",
      "",
      "Times are shown in Beijing time (Asia/Shanghai).",
      "Exit codes: 0 ok, 1 the node refused or cannot be reached, 2 usage error",
      "",
      "Examples:",
      "  liaison --node http://127.0.0.1:8083 login --officer 140222-001",
      "  liaison leads list --limit 10",
      "  liaison inbox                     # leads for your bureau nobody has claimed",
      "  liaison leads claim 150924-20261126-7KQ2M9XD",
      "  liaison --node http://127.0.0.1:8083 leads get 150924-20261126-7KQ2M9XD",
      "  liaison leads post -c 无证运输 -t '夜间运烟' -n '…' -e 车牌=蒙J·3K582",
      "  liaison events tail",
      "  liaison search 面包车 --bureau 150924",
      "  liaison lookup 车牌 蒙J·3K582",
      "  liaison networks                  # cross-border networked cases",
      "  liaison decide mp-48e66fe24be83d58e0b1e43a0ae3da1f accept",
      "  liaison import cases 2024年案件登记.xlsx --mapping 登记表列.txt"
    })
public final class Cli extends CommandGroup {
  static final String DEFAULT_NODE = "http://127.0.0.1:8081";

  /** {@code liaison --version}: the build's version and git commit. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {io.liaison.api.BuildInfo.current().describe("liaison")};
    }
  }

  @Option(
      names = "--node",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = {"the node to talk to", "(default: $LIAISON_NODE, else " + DEFAULT_NODE + ")"})
  URI node;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "print the node's JSON instead of text (one object per line for events)")
  boolean json;

  private final Map<String, String> env;
  private final Clock clock;
  private final Terminal terminal;
  private LiaisonClient client;
  private BureauNames names;

  Cli(Map<String, String> env, Clock clock, Terminal terminal) {
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    PrintWriter out = utf8(FileDescriptor.out);
    PrintWriter err = utf8(FileDescriptor.err);
    int code = run(args, out, err, System.getenv(), Clock.systemUTC(), Terminal.system());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. */
  static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Clock clock,
      Terminal terminal) {
    CommandLine cl = new CommandLine(new Cli(env, clock, terminal));
    Converters.register(cl);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(Cli::failed);
    cl.setParameterExceptionHandler(Cli::misused);
    return cl.execute(args);
  }

  /** The root of the command that {@code spec} describes. */
  static Cli of(CommandSpec spec) {
    return (Cli) spec.root().userObject();
  }

  /**
   * The client of the node named by --node, $LIAISON_NODE or the default, signed in with the tokens
   * kept for that node (if any).
   */
  LiaisonClient client() {
    if (client == null) {
      URI uri = nodeUri();
      try {
        client =
            LiaisonClient.builder(uri)
                .tokenStore(FileTokenStore.of(tokenFile(), uri))
                .clock(clock)
                // the node's problems (422's detail and field errors) in officers' language
                .acceptLanguage("zh-CN")
                .build();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--node: " + e.getMessage());
      }
    }
    return client;
  }

  URI nodeUri() {
    try {
      return node != null ? node : new URI(env.getOrDefault("LIAISON_NODE", DEFAULT_NODE));
    } catch (java.net.URISyntaxException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "$LIAISON_NODE is not a URL: " + e.getMessage());
    }
  }

  Path tokenFile() {
    return FileTokenStore.defaultFile(env);
  }

  /** The officer signed in on this node (from the kept tokens; the node is not asked). */
  Optional<String> signedInOfficer() {
    return client().session().map(t -> t.officer().id());
  }

  /** The officer a post or a lead action is in: --officer, else the signed-in one, else env. */
  String actingOfficer(String flag) {
    if (flag != null && !flag.isBlank()) {
      return flag.strip();
    }
    return signedInOfficer().orElse(env("LIAISON_OFFICER"));
  }

  /** As {@link #actingOfficer}, or a usage error of {@code command} when there is none. */
  String requiredOfficer(CommandSpec command, String flag) {
    String who = actingOfficer(flag);
    if (who == null || who.isBlank()) {
      throw new CommandLine.ParameterException(
          command.commandLine(), "--officer: is required (or sign in: liaison login)");
    }
    return who;
  }

  Terminal terminal() {
    return terminal;
  }

  /** Bureau names from the node's roster, for output; codes alone if the roster is not readable. */
  BureauNames names() {
    if (names == null) {
      try {
        names = BureauNames.of(client().roster());
      } catch (LiaisonClientException e) {
        names = BureauNames.NONE;
      }
    }
    return names;
  }

  boolean json() {
    return json;
  }

  Clock clock() {
    return clock;
  }

  String env(String name) {
    return env.get(name);
  }

  /**
   * Prints a command's answer: {@code json} as indented JSON with {@code --json}, otherwise {@code
   * text} (asked only then). Returns the exit code 0.
   */
  static int print(CommandSpec spec, Cli cli, Object json, Supplier<String> text) {
    PrintWriter out = spec.commandLine().getOut();
    if (cli.json()) {
      printJson(out, json);
    } else {
      out.print(text.get());
      out.flush();
    }
    return 0;
  }

  /** Writes {@code value} as indented JSON (UTF-8, Chinese as is). */
  static void printJson(PrintWriter out, Object value) {
    try {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    out.flush();
  }

  private static int failed(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof LiaisonClientException lce) {
      Problem p = lce.problem();
      err.println("liaison: " + p.title() + " (HTTP " + p.status() + ")");
      if (p.detail() != null) {
        err.println("  说明: " + p.detail());
      }
      if (p.field() != null) {
        err.println("  字段: " + p.field());
      }
      p.errors().forEach(fe -> err.println("  - " + fe.field() + ": " + fe.detail()));
      Cli cli = (Cli) cl.getCommandSpec().root().userObject();
      Hints.of(lce, cli.nodeUri(), cli.clock).forEach(err::println);
    } else if (ex instanceof NodeUnreachableException nue) {
      err.println("liaison: " + nue.getMessage());
      err.println("  check --node or $LIAISON_NODE, and that the node is running");
    } else {
      err.println("liaison: unexpected error: " + ex);
    }
    err.flush();
    return 1;
  }

  /** A usage error: the message and a pointer to --help, not the whole usage text. */
  private static int misused(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("liaison: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static PrintWriter utf8(FileDescriptor fd) {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
  }
}
