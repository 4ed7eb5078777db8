package io.liaison.node.forms;

import io.liaison.api.forms.FormView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The forms of a lead or case as one XLSX workbook: a sheet per form (its title and id), the
 * labelled fields in two columns, then the parties and the goods as tables — the rows of the
 * printed page ({@link FormPrint}).
 */
public final class FormSheet {
  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private FormSheet() {}

  public static byte[] xlsx(List<FormView> forms) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "Liaison", "1.0");
      int n = 0;
      for (FormView v : forms) {
        n++;
        Worksheet ws = wb.newWorksheet(n + " " + v.form().kind().title());
        int r = 0;
        ws.value(r, 0, v.form().kind().title());
        ws.style(r, 0).bold().set();
        r += 2;
        for (String[] f : FormPrint.fields(v)) {
          ws.value(r, 0, f[0]);
          ws.value(r, 1, f[1]);
          r++;
        }
        r = block(ws, r + 1, "当事人", FormPrint.PARTY_HEAD, FormPrint.parties(v.form()));
        block(ws, r + 1, "涉案卷烟", FormPrint.GOODS_HEAD, FormPrint.goods(v.form()));
      }
      if (n == 0) {
        wb.newWorksheet("无表单").value(0, 0, "无表单");
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static int block(
      Worksheet ws, int r, String caption, String[] head, List<String[]> rows) {
    if (rows.isEmpty()) {
      return r;
    }
    ws.value(r++, 0, caption);
    for (int c = 0; c < head.length; c++) {
      ws.value(r, c, head[c]);
    }
    r++;
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        ws.value(r, c, row[c]);
      }
      r++;
    }
    return r;
  }
}
