package io.liaison.node.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables as files: one CSV per table (UTF-8 with BOM, so that spreadsheet programs read the
 * Chinese) and one XLSX workbook with a sheet per table. Used by the quarterly briefing and the
 * reward ledger alike, so neither package reaches into the other for its files.
 */
public final class TableFiles {
  private TableFiles() {}

  /** One table as CSV (RFC 4180, UTF-8 with a byte-order mark, CRLF). */
  public static byte[] csv(Table t) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    line(sb, new ArrayList<>(t.headers()));
    for (List<Object> r : t.rows()) {
      line(sb, r);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder sb, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v =
          cells.get(i) instanceof BigDecimal d ? d.toPlainString() : String.valueOf(cells.get(i));
      if (v.indexOf(',') >= 0
          || v.indexOf('"') >= 0
          || v.indexOf('\n') >= 0
          || v.indexOf('\r') >= 0) {
        v = '"' + v.replace("\"", "\"\"") + '"';
      }
      sb.append(v);
    }
    sb.append("\r\n");
  }

  /** Any tables as a workbook: one sheet per table, headers bold in the first row. */
  public static byte[] xlsx(List<Table> tables) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "Liaison", "1.0");
      for (Table t : tables) {
        Worksheet ws = wb.newWorksheet(t.name());
        for (int c = 0; c < t.headers().size(); c++) {
          ws.value(0, c, t.headers().get(c));
          ws.style(0, c).bold().set();
        }
        for (int r = 0; r < t.rows().size(); r++) {
          List<Object> row = t.rows().get(r);
          for (int c = 0; c < row.size(); c++) {
            Object v = row.get(c);
            if (v instanceof Number n) {
              ws.value(r + 1, c, n);
            } else {
              ws.value(r + 1, c, String.valueOf(v));
            }
          }
        }
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
