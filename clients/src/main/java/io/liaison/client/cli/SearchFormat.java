package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Fen;
import io.liaison.api.search.IdentifierPage;
import io.liaison.api.search.SearchItem;
import io.liaison.api.search.SearchPage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Search hits as text for people: a table with the first snippet of each, and facet counts. */
final class SearchFormat {
  /** The facets shown, in this order, with their headings. */
  private static final Map<String, String> FACETS =
      Map.of(
          "bureau", "按局",
          "category", "按类别",
          "kind", "按类型",
          "month", "按月份",
          "brand", "按品牌",
          "disposition", "按处理结果");

  private static final List<String> ORDER =
      List.of("bureau", "category", "kind", "month", "brand", "disposition");

  private final BureauNames names;

  SearchFormat(BureauNames names) {
    this.names = names;
  }

  /** A page of hits: how many, the table, the facet counts and the command for the next page. */
  String page(SearchPage page, String again) {
    StringBuilder sb = new StringBuilder();
    if (page.items().isEmpty()) {
      sb.append(page.total() == 0 ? "(没有找到)\n" : "(这一页没有结果，共 " + page.total() + " 条)\n");
    } else {
      sb.append("共 ").append(page.total()).append(" 条，第 ").append(page.offset() + 1);
      sb.append('–').append(page.offset() + page.items().size()).append(" 条\n");
      sb.append(table(page.items()));
    }
    String facets = facets(page);
    if (!facets.isEmpty()) {
      sb.append('\n').append(facets);
    }
    if (page.nextCursor() != null) {
      sb.append("\n下一页: ").append(again).append(" --cursor ").append(page.nextCursor());
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The records naming one identifier. */
  String identifier(IdentifierPage page, String typeLabel) {
    StringBuilder sb = new StringBuilder();
    sb.append(typeLabel).append(' ').append(page.value()).append(" · 共 ").append(page.total());
    sb.append(" 条记录");
    if (page.total() > page.items().size()) {
      sb.append("，显示最新 ").append(page.items().size()).append(" 条");
    }
    sb.append('\n');
    if (!page.valid()) {
      sb.append("注意: 该号码校验不通过（如身份证号校验位不对），仍按原样查找\n");
    }
    if (!page.items().isEmpty()) {
      sb.append(table(page.items()));
    }
    return sb.toString();
  }

  /** The table of hits: a header line, one line per hit and its first snippet under it. */
  String table(List<SearchItem> items) {
    StringBuilder sb = new StringBuilder();
    row(sb, "日期", "来源", "类型", "类别", "案值(元)", "编号 / 标题");
    for (SearchItem i : items) {
      String what =
          i.isCase()
              ? Text.oneLine(i.title())
              : i.id() + (i.title() == null ? "" : "  " + Text.oneLine(i.title()));
      row(
          sb,
          i.date() == null ? "-" : i.date().toString(),
          names.label(i.bureau()),
          Labels.kind(i.kind()),
          Labels.category(i.category()),
          yuan(i.valueFen()),
          what);
      if (!i.snippets().isEmpty()) {
        sb.append(" ".repeat(12)).append(Text.truncate(snippet(i.snippets().get(0)), 100));
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String... cells) {
    cells[5] = Text.truncate(cells[5], 80);
    Text.row(sb, new int[] {10, 13, 4, 17, 10}, cells);
  }

  /** The facet counts, one line per facet: {@code 按局 150924 兴和县 2 · 140222 天镇县 1}. */
  String facets(SearchPage page) {
    StringBuilder sb = new StringBuilder();
    for (String f : ORDER) {
      List<SearchPage.FacetCount> counts = page.facet(f);
      if (!counts.isEmpty()) {
        sb.append(Text.pad(FACETS.get(f), 10));
        sb.append(
            counts.stream()
                .map(c -> facetValue(f, c.value()) + " " + c.count())
                .collect(Collectors.joining(" · ")));
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private String facetValue(String facet, String value) {
    try {
      return switch (facet) {
        case "bureau" -> names.label(BureauId.of(value));
        case "category" -> Labels.category(CaseCategory.valueOf(value));
        case "kind" -> Labels.kind(value);
        case "disposition" -> Labels.disposition(Disposition.valueOf(value));
        default -> value;
      };
    } catch (IllegalArgumentException e) {
      return value; // a value this client does not know: shown as the node sent it
    }
  }

  /** Fen as 元 with two decimals; a dash for none. */
  static String yuan(long fen) {
    return fen == 0 ? "-" : Fen.toYuan(fen).toPlainString();
  }

  /** A snippet as plain text: matches in 【】, HTML entities decoded, on one line. */
  static String snippet(String html) {
    String s =
        html.replace("<em>", "【")
            .replace("</em>", "】")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&amp;", "&");
    return "…" + Text.oneLine(s) + "…";
  }
}
