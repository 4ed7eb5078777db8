package io.liaison.client.cli;

import io.liaison.api.Json;
import io.liaison.api.area.AreaModel;
import io.liaison.api.area.AreaTouch;
import io.liaison.api.area.AreaTouchPage;
import io.liaison.api.area.TouchEvidence;
import io.liaison.client.area.AreaCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liaison area …}: this bureau's area (辖区) — show it, sign a new version from a JSON file —
 * and the shared records of other bureaus that touch it.
 */
@Command(
    name = "area",
    mixinStandardHelpOptions = true,
    description = "This bureau's area and the records of other bureaus that touch it.",
    subcommands = {
      AreaCommand.Show.class,
      AreaCommand.Save.class,
      AreaCommand.Touches.class,
      CommandLine.HelpCommand.class
    })
final class AreaCommand extends CommandGroup {
  abstract static class Base extends AnswerCommand {
    abstract Object answer(AreaCalls area);

    @Override
    final Object answer(Cli cli) {
      return answer(cli.client().area());
    }
  }

  static String describe(AreaModel a) {
    return a.bureau().code()
        + " 辖区 第 "
        + a.version()
        + " 版\n  地名: "
        + String.join("、", a.places())
        + "\n  车牌: "
        + String.join("、", a.platePrefixes())
        + "\n  许可证区划: "
        + String.join("、", a.licenceRegions())
        + "\n  身份证区划: "
        + String.join("、", a.idRegions())
        + "\n";
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "The area as signed.")
  static final class Show extends Base {
    @Override
    Object answer(AreaCalls area) {
      return area.get();
    }

    @Override
    String text(Object a) {
      return describe((AreaModel) a);
    }
  }

  @Command(
      name = "save",
      mixinStandardHelpOptions = true,
      description = "Sign the next version of the area from a JSON file (an AreaModel; chief).")
  static final class Save extends Base {
    @Parameters(index = "0", description = "the JSON file")
    Path file;

    @Override
    Object answer(AreaCalls area) {
      try {
        return area.save(Json.mapper().readValue(file.toFile(), AreaModel.class));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    String text(Object a) {
      return describe((AreaModel) a);
    }
  }

  @Command(
      name = "touches",
      mixinStandardHelpOptions = true,
      description = "Records of other bureaus that name the area, newest first, with the evidence.")
  static final class Touches extends Base {
    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Option(names = "--cursor")
    String cursor;

    @Override
    Object answer(AreaCalls area) {
      return area.touches(cursor, limit);
    }

    @Override
    String text(Object a) {
      AreaTouchPage p = (AreaTouchPage) a;
      StringBuilder b = new StringBuilder();
      for (AreaTouch t : p.items()) {
        b.append(t.date())
            .append("  ")
            .append(t.origin().code())
            .append("  ")
            .append(t.kind())
            .append("  ")
            .append(t.title() == null ? t.recordId() : t.title())
            .append("\n    ")
            .append(
                t.evidence().stream().map(AreaCommand::evidence).collect(Collectors.joining("；")))
            .append("\n");
      }
      if (p.next() != null) {
        b.append("下一页: --cursor ").append(p.next()).append("\n");
      }
      return b.toString();
    }
  }

  static String evidence(TouchEvidence e) {
    String kind =
        switch (e.kind()) {
          case PLACE -> "地名";
          case PLATE -> "车牌";
          case LICENCE -> "许可证";
          case ID_NUMBER -> "身份证";
        };
    return kind + " " + e.found() + "（" + e.value() + "，见 " + e.where() + "）";
  }
}
