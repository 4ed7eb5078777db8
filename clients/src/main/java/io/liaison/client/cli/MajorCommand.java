package io.liaison.client.cli;

import io.liaison.api.major.MajorLeadNotice;
import io.liaison.api.major.MajorLeadPage;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code liaison major}: leads at or above the agreed major-case value (重大案件及时上报). */
@Command(
    name = "major",
    mixinStandardHelpOptions = true,
    description =
        "Major-case notices on leads, or with --cases the shared cases (value at or above the"
            + " agreed major-case value).")
final class MajorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--limit", defaultValue = "100")
  int limit;

  @Option(
      names = "--cases",
      description = "Shared cases at or above the agreed value (大要案) instead of leads.")
  boolean cases;

  @Override
  public Integer call() {
    Cli cli = Cli.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    if (cases) {
      var alerts = cli.client().majorCases(limit);
      if (cli.json()) {
        Cli.printJson(out, alerts);
      } else {
        for (var a : alerts.items()) {
          out.println(
              a.filedOn()
                  + "  "
                  + a.bureau().code()
                  + "  "
                  + a.caseNumber().value()
                  + "  案值 "
                  + BigDecimal.valueOf(a.valueFen(), 2).toPlainString()
                  + " 元"
                  + (a.thresholdFen() == null
                      ? ""
                      : "（标准 " + BigDecimal.valueOf(a.thresholdFen(), 2).toPlainString() + " 元）"));
        }
        out.flush();
      }
      return 0;
    }
    MajorLeadPage p = cli.client().majorLeads(limit);
    if (cli.json()) {
      Cli.printJson(out, p);
    } else {
      for (MajorLeadNotice n : p.items()) {
        out.println(
            n.at()
                + "  "
                + n.bureau().code()
                + "  "
                + n.leadId()
                + "  案值 "
                + BigDecimal.valueOf(n.valueFen(), 2).toPlainString()
                + " 元（标准 "
                + BigDecimal.valueOf(n.thresholdFen(), 2).toPlainString()
                + " 元）  "
                + n.officer());
      }
      out.flush();
    }
    return 0;
  }
}
