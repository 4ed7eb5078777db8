package io.liaison.client.cli;

import io.liaison.client.Health;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code liaison health}: is the node up, and has it joined and reconciled. */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = {
      "Show whether the node is live (answers) and ready (joined the cluster and reconciled its"
          + " store; only then are its answers complete).",
      "Exits 0 when ready, 1 when not ready or unreachable, so scripts can wait on it."
    })
final class HealthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Cli cli = Cli.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    Health h = cli.client().health();
    if (cli.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("node", cli.client().node().toString());
      m.put("live", h.live());
      m.put("ready", h.ready());
      Cli.printJson(out, m);
    } else {
      out.println(
          cli.client().node()
              + "  存活(live): "
              + (h.live() ? "UP" : "DOWN")
              + "  就绪(ready): "
              + (h.ready() ? "UP" : "DOWN"));
      out.flush();
    }
    return h.ready() ? 0 : 1;
  }
}
