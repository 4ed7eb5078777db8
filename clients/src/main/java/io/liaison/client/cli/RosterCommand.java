package io.liaison.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.crypto.Member;
import io.liaison.crypto.RosterView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code liaison roster}: the member bureaus in force on the node. */
@Command(
    name = "roster",
    mixinStandardHelpOptions = true,
    description = {
      "Show the signed roster in force on the node: member bureaus, their provinces and node"
          + " addresses; '*' marks the node's own bureau.",
      "With --json, the full roster including the members' public keys."
    })
final class RosterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Cli cli = Cli.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    if (cli.json()) {
      Cli.printJson(out, cli.client().get("/api/v1/roster", JsonNode.class));
      return 0;
    }
    out.print(format(cli.client().roster()));
    out.flush();
    return 0;
  }

  static String format(RosterView r) {
    StringBuilder sb = new StringBuilder();
    String self = r.member(r.self()).map(Member::name).orElse("");
    sb.append("成员名录 第 ").append(r.version()).append(" 版 · 签发 ").append(Times.show(r.issuedAt()));
    sb.append(" · 本节点 ").append(r.self()).append(' ').append(self).append('\n');
    sb.append("  ").append(Text.pad("编码", 8)).append(Text.pad("名称", 18));
    sb.append(Text.pad("省份", 14)).append("节点地址\n");
    for (Member m : r.members()) {
      sb.append(m.bureau().equals(r.self()) ? "* " : "  ");
      sb.append(Text.pad(m.bureau().code(), 8)).append(Text.pad(m.name(), 18));
      sb.append(Text.pad(m.province() == null ? "-" : m.province(), 14));
      sb.append(String.join(" ", m.endpoints())).append('\n');
    }
    return sb.toString();
  }
}
