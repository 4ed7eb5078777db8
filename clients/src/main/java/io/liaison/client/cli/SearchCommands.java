package io.liaison.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.EntityType;
import io.liaison.client.ApiPaths;
import io.liaison.client.search.SearchQuery;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liaison search …} and {@code liaison lookup TYPE VALUE}: the shared case history. */
final class SearchCommands {
  private SearchCommands() {}

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = {
        "Search the shared cases and the leads this node may read (检索).",
        "In Chinese or by identifier, best (or, without QUERY, newest) first, with counts by"
            + " bureau, category and kind.",
        "Words are all required (AND); \"quoted words\" are a phrase; fields such as"
            + " plate:蒙J·3K582, phone:13847461285, 当事人:王伟, date:[2026-03 TO 2026-05] or"
            + " 案值:[50000 TO *] narrow it (docs/search.md). Without QUERY, everything matches."
      },
      footerHeading = "%n",
      footer = {
        "Examples:",
        "  liaison search 面包车 中华",
        "  liaison search plate:蒙J·3K582",
        "  liaison search '\"夜间运输\"' --bureau 150924,140222 --category 无证运输",
        "  liaison search --kind case --from 2026-01-01 --to 2026-06-30 --limit 50"
      })
  static final class Search implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "QUERY",
        arity = "0..*",
        description = "what to look for (several words are joined by spaces)")
    List<String> words = new ArrayList<>();

    @Option(
        names = {"-b", "--bureau"},
        paramLabel = "CODE",
        split = ",",
        description = "only records of these bureaus; repeatable or comma-separated")
    List<BureauId> bureaus = new ArrayList<>();

    @Option(
        names = {"-c", "--category"},
        paramLabel = "CATEGORY",
        split = ",",
        description = "only these categories (无证运输, 涉假 … or UNLICENSED_TRANSPORT …)")
    List<CaseCategory> categories = new ArrayList<>();

    @Option(
        names = "--kind",
        paramLabel = "KIND",
        description = "only cases (case, 案件) or only leads (lead, 线索)")
    String kind;

    @Option(names = "--from", paramLabel = "DAY", description = "from this day, e.g. 2026-03-01")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DAY", description = "to this day, inclusive")
    LocalDate to;

    @Option(
        names = {"-n", "--limit"},
        paramLabel = "N",
        defaultValue = "20",
        description = "at most N hits, 1 to 100 (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(
        names = "--cursor",
        paramLabel = "CURSOR",
        description = "continue after the previous page (the cursor its last line shows)")
    String cursor;

    @Override
    public Integer call() {
      SearchQuery q;
      try {
        q =
            SearchQuery.of(String.join(" ", words))
                .withBureaus(bureaus)
                .withCategories(categories)
                .withKinds(kind == null ? List.of() : List.of(kind(kind)))
                .between(from, to)
                .withLimit(limit)
                .after(cursor);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      Cli cli = Cli.of(spec);
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(out, cli.client().get(ApiPaths.search(q), JsonNode.class));
        return 0;
      }
      out.print(new SearchFormat(cli.names()).page(cli.client().search(q), again(q)));
      out.flush();
      return 0;
    }

    private String kind(String k) {
      return switch (k.strip().toLowerCase(Locale.ROOT)) {
        case "case", "cases", "案件" -> "case";
        case "lead", "leads", "线索" -> "lead";
        default ->
            throw new CommandLine.ParameterException(
                spec.commandLine(), "--kind must be case (案件) or lead (线索)");
      };
    }

    /** The command line of this search, without its cursor. */
    private static String again(SearchQuery q) {
      StringBuilder sb = new StringBuilder("liaison search");
      if (!q.text().isEmpty()) {
        sb.append(' ').append(Text.shellWord(q.text()));
      }
      if (!q.bureaus().isEmpty()) {
        sb.append(" --bureau ");
        sb.append(q.bureaus().stream().map(BureauId::code).collect(Collectors.joining(",")));
      }
      if (!q.categories().isEmpty()) {
        sb.append(" --category ");
        sb.append(q.categories().stream().map(Enum::name).collect(Collectors.joining(",")));
      }
      q.kinds().forEach(k -> sb.append(" --kind ").append(k));
      if (q.from() != null) {
        sb.append(" --from ").append(q.from());
      }
      if (q.to() != null) {
        sb.append(" --to ").append(q.to());
      }
      return sb.append(" --limit ").append(q.limit()).toString();
    }
  }

  @Command(
      name = "lookup",
      mixinStandardHelpOptions = true,
      description = {
        "Find every shared case and readable lead naming one identifier (按号码查找).",
        "Newest first. The value is normalised first, so 蒙J·3K582, 蒙j3k582 and 蒙Ｊ３Ｋ５８２ find the"
            + " same records, as do 13847461285 and +86 138-4746-1285.",
        "TYPE is one of: 车牌 PLATE, 电话 PHONE, 身份证号 ID_NUMBER, 许可证号 LICENCE,"
            + " 运单号 WAYBILL, 账号 ACCOUNT."
      },
      footerHeading = "%n",
      footer = {
        "Examples:",
        "  liaison lookup 车牌 蒙J·3K582",
        "  liaison lookup phone '+86 138 4746 1285'",
        "  liaison lookup 运单号 SF1234567890123 --limit 10"
      })
  static final class Lookup implements Callable<Integer> {
    static final List<EntityType> TYPES =
        List.of(
            EntityType.PLATE,
            EntityType.PHONE,
            EntityType.ID_NUMBER,
            EntityType.LICENCE,
            EntityType.WAYBILL,
            EntityType.ACCOUNT);

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TYPE", description = "the kind of identifier")
    String type;

    @Parameters(index = "1", paramLabel = "VALUE", description = "the identifier as written")
    String value;

    @Option(
        names = {"-n", "--limit"},
        paramLabel = "N",
        defaultValue = "100",
        description = "show at most N records (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
      EntityType t = type(type);
      if (limit < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
      }
      Cli cli = Cli.of(spec);
      PrintWriter out = spec.commandLine().getOut();
      if (cli.json()) {
        Cli.printJson(
            out,
            cli.client().get(ApiPaths.identifiers(t.name(), value.strip(), limit), JsonNode.class));
        return 0;
      }
      var page = cli.client().lookup(t.name(), value.strip(), limit);
      out.print(new SearchFormat(cli.names()).identifier(page, Labels.entity(t)));
      out.flush();
      return 0;
    }

    private EntityType type(String s) {
      String want = s.strip();
      for (EntityType t : TYPES) {
        if (t.name().equalsIgnoreCase(want.replace('-', '_')) || Labels.entity(t).equals(want)) {
          return t;
        }
      }
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "TYPE must be one of "
              + TYPES.stream()
                  .map(t -> Labels.entity(t) + " " + t.name())
                  .collect(Collectors.joining(", ")));
    }
  }
}
