package io.liaison.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.access.AccessLogEntry;
import io.liaison.client.AccessLogQuery;
import io.liaison.client.ApiPaths;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code liaison access-log}: who did what on the node, for auditors and administrators. */
@Command(
    name = "access-log",
    mixinStandardHelpOptions = true,
    description = {
      "Read the node's access log, oldest first: every request with its time, officer (- before"
          + " sign-in), address, method and path, HTTP status and the policy's action.",
      "For the AUDITOR and ADMIN roles."
    },
    footerHeading = "%n",
    footer = {
      "Examples:",
      "  liaison access-log --limit 100",
      "  liaison access-log --officer 150924-001 --after 5000"
    })
final class AccessLogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--after",
      paramLabel = "ID",
      defaultValue = "0",
      description = "entries after this id (the previous page's last; default: from the start)")
  long after;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      defaultValue = "50",
      description = "at most N entries, 1 to 1000 (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--officer", paramLabel = "ID", description = "only this officer's requests")
  String officer;

  @Override
  public Integer call() {
    AccessLogQuery q;
    try {
      q = new AccessLogQuery(after, limit, officer);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Cli cli = Cli.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    if (cli.json()) {
      Cli.printJson(out, cli.client().get(ApiPaths.accessLog(q), JsonNode.class));
      return 0;
    }
    List<AccessLogEntry> entries = cli.client().accessLog(q);
    StringBuilder sb = new StringBuilder();
    if (entries.isEmpty()) {
      sb.append("(没有更多记录)\n");
    } else {
      row(sb, "编号", "时间", "人员", "地址", "请求", "结果", "动作");
      for (AccessLogEntry e : entries) {
        row(
            sb,
            Long.toString(e.id()),
            Times.showSeconds(e.at()),
            e.officer() == null ? "-" : e.officer(),
            e.address() == null ? "-" : e.address(),
            e.method() + " " + e.path(),
            Integer.toString(e.status()),
            e.action() == null ? "-" : e.action());
      }
    }
    if (entries.size() == q.limit()) {
      sb.append("\n下一页: liaison access-log")
          .append(officer == null ? "" : " --officer " + q.officer())
          .append(" --limit ")
          .append(q.limit())
          .append(" --after ")
          .append(entries.get(entries.size() - 1).id())
          .append('\n');
    }
    out.print(sb);
    out.flush();
    return 0;
  }

  private static void row(StringBuilder sb, String... cells) {
    Text.row(sb, new int[] {8, 19, 12, 15, 36, 4}, cells);
  }
}
