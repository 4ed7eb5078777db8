package io.liaison.node.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.api.cases.imports.RowError;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A register read one row at a time: CSV in UTF-8 with and without a byte-order mark and in GBK
 * (told from the bytes), quoted cells over several lines keep the row numbers the sheet shows, and
 * a row's cells become a case or Chinese errors naming the column.
 */
class RegisterFileTest {
  @TempDir Path dir;

  static final String CSV =
      "案件编号,立案日期,当事人,案值(万元),品牌,数量(条)\n"
          + "兴烟立字〔2024〕第1号,2024-03-05,\"张三、李四\",1.2,中华(硬),30\n"
          + "\n"
          + "兴烟立字〔2024〕第2号,2024年3月6日,\"王五\n（外省）\",0.5,玉溪,10\n"
          + "兴烟立字〔2024〕第3号,3月7日,赵六,一万,黄鹤楼,三十\n";

  static final ImportMapping MAPPING =
      read(
          """
          {"columns":[{"column":"案件编号","field":"CASE_NUMBER"},{"column":"立案日期","field":"立案日期"},
          {"column":"当事人","field":"PERSON"},{"column":"案值(万元)","field":"VALUE_WAN_YUAN"},
          {"column":"品牌","field":"BRAND"},{"column":"数量(条)","field":"QUANTITY_CARTONS"}]}
          """);

  @Test
  void utf8WithAndWithoutBomAndGbkReadAlike() throws Exception {
    for (byte[] bytes :
        List.of(
            CSV.getBytes(StandardCharsets.UTF_8),
            ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8),
            CSV.getBytes(Charset.forName("GBK")))) {
      Path f = Files.write(dir.resolve("r.csv"), bytes);
      List<RegisterFile.Row> rows = new ArrayList<>();
      try (RegisterFile r = RegisterFile.open(f, RegisterFile.CSV, null)) {
        r.forEachRemaining(rows::add);
      }
      assertThat(rows.get(0).cell(0).asText()).isEqualTo("案件编号");
      assertThat(rows.get(1).cell(2).asText()).isEqualTo("张三、李四");
      assertThat(rows.get(2).blank()).isTrue();
      // the quoted cell spans two lines: the next row is numbered as the sheet shows it
      assertThat(rows.get(3).line()).isEqualTo(4);
      assertThat(rows.get(3).cell(2).asText()).isEqualTo("王五\n（外省）");
      assertThat(rows.get(4).line()).isEqualTo(6);
    }
  }

  @Test
  void rowsBecomeCasesOrChineseErrorsNamingTheColumn() throws Exception {
    Path f = Files.write(dir.resolve("r.csv"), CSV.getBytes(StandardCharsets.UTF_8));
    try (RegisterFile r = RegisterFile.open(f, RegisterFile.CSV, null)) {
      List<RowError> headerErrors = new ArrayList<>();
      RowReader reader = RowReader.of(BureauId.of("150924"), MAPPING, r.next(), headerErrors);
      assertThat(headerErrors).isEmpty();
      RowReader.Result first = reader.read(r.next());
      assertThat(first.valid()).as(first.errors().toString()).isTrue();
      assertThat(first.record().valueFen()).isEqualTo(1_200_000);
      assertThat(first.record().items().get(0).sticks()).isEqualTo(6_000);
      assertThat(first.record().items().get(0).spec()).isEqualTo("硬");
      assertThat(first.record().entities()).hasSize(2);
      assertThat(first.record().narrative()).contains("张三", "中华(硬) 30条");
      r.next(); // blank
      assertThat(reader.read(r.next()).record().filedOn()).hasToString("2024-03-06");
      RowReader.Result bad = reader.read(r.next());
      assertThat(bad.valid()).isFalse();
      assertThat(bad.errors())
          .extracting(e -> e.row() + "|" + e.column())
          .containsExactlyInAnyOrder("6|立案日期", "6|案值(万元)", "6|数量(条)");
      assertThat(bad.errors()).allMatch(e -> e.message().matches(".*[\\u4e00-\\u9fff].*"));
    }
  }

  @Test
  void aHeaderWithoutAMappedColumnIsAnErrorOfRowOne() throws Exception {
    Path f = Files.write(dir.resolve("r.csv"), "案件编号,日期\n1,2\n".getBytes(StandardCharsets.UTF_8));
    try (RegisterFile r = RegisterFile.open(f, RegisterFile.CSV, null)) {
      List<RowError> errors = new ArrayList<>();
      RowReader.of(BureauId.of("150924"), MAPPING, r.next(), errors);
      assertThat(errors).extracting(RowError::row).containsOnly(1L);
      assertThat(errors.get(0).message()).isEqualTo("表头缺少「立案日期」列（列对应关系中它是立案日期）");
    }
  }

  @Test
  void currencyFormatsWithAColourOrALiteralAreNumbersAndFloatNoiseIsRounded() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    org.dhatim.fastexcel.Workbook wb =
        new org.dhatim.fastexcel.Workbook(out, "liaison-test", "1.0");
    org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("登记");
    String[] h = {"案件编号", "立案日期", "当事人", "案值(万元)", "品牌", "数量(条)"};
    for (int c = 0; c < h.length; c++) {
      ws.value(0, c, h[c]);
    }
    String[] formats = {
      "#,##0.00_);[Red](#,##0.00)", // Excel's built-in accounting format: the d of [Red]
      "[Blue]0.00", // a colour
      "0.00\"d\"", // a quoted literal d
      "0.00\\y", // an escaped literal y
      "0.00", // float noise: 0.1 + 0.2 from a formula
    };
    for (int i = 0; i < formats.length; i++) {
      int r = i + 1;
      ws.value(r, 0, "兴烟立字〔2024〕第" + r + "号");
      ws.value(r, 1, java.time.LocalDate.of(2024, 3, 5));
      ws.style(r, 1).format("yyyy-mm-dd").set();
      ws.value(r, 2, "张三");
      ws.value(r, 3, i == 4 ? 0.1 + 0.2 : 1.25);
      ws.style(r, 3).format(formats[i]).set();
      ws.value(r, 4, "中华");
      ws.value(r, 5, 30);
    }
    wb.finish();
    Path f = Files.write(dir.resolve("r.xlsx"), out.toByteArray());
    try (RegisterFile r = RegisterFile.open(f, RegisterFile.XLSX, null)) {
      RowReader reader = RowReader.of(BureauId.of("150924"), MAPPING, r.next(), new ArrayList<>());
      for (int i = 0; i < formats.length; i++) {
        RegisterFile.Row row = r.next();
        assertThat(row.cell(3).date()).as(formats[i]).isNull();
        RowReader.Result res = reader.read(row);
        assertThat(res.valid()).as(formats[i] + " " + res.errors()).isTrue();
        assertThat(res.record().valueFen()).as(formats[i]).isEqualTo(i == 4 ? 300_000 : 1_250_000);
        assertThat(res.record().filedOn())
            .as("a date format is still a date")
            .hasToString("2024-03-05");
      }
    }
  }

  @Test
  void aDateFormatIsToldByItsDateCodesNotByAColourOrALiteral() {
    assertThat(RegisterFile.isDateFormat("#,##0.00_);[Red](#,##0.00)")).isFalse();
    assertThat(RegisterFile.isDateFormat("[Blue]0.00;[Red]-0.00")).isFalse();
    assertThat(RegisterFile.isDateFormat("0.00\"d\"")).isFalse();
    assertThat(RegisterFile.isDateFormat("0.00\\y")).isFalse();
    assertThat(RegisterFile.isDateFormat(null)).isFalse();
    assertThat(RegisterFile.isDateFormat("yyyy-mm-dd")).isTrue();
    assertThat(RegisterFile.isDateFormat("[$-804]yyyy\"年\"m\"月\"d\"日\"")).isTrue();
    assertThat(RegisterFile.isDateFormat("[Red]yyyy/m/d")).isTrue();
    assertThat(RegisterFile.isDateFormat("h:mm")).isTrue();
  }

  static ImportMapping read(String json) {
    try {
      return Json.mapper().readValue(json, ImportMapping.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
