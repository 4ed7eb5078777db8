package io.liaison.node.price;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.price.PackUnit;
import io.liaison.api.price.RetailerVisit;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** Check sheets with Chinese headers: good rows become visits, bad rows are named, none stored. */
class CheckSheetTest {
  static final String HEADER = "许可证号,检查时间,地点,品牌规格,单位,标价,实际售价,照片,备注\n";
  static final String PHOTO = "ab".repeat(32);

  @Test
  void goodRowsOfOneRetailerAtOneTimeFormOneVisit() throws Exception {
    String csv =
        "\uFEFF"
            + HEADER
            + "150924100001,2026-10-03 14:30,兴和县城关镇,中华(硬),条,450,450,"
            + PHOTO
            + ",价签齐全\n"
            + "150924100001,2026-10-03 14:30,兴和县城关镇,玉溪（软）,盒,23.00,25,,\"售价高于标价,已告知\"\n"
            + "150924100002,2026-10-03 15:05,兴和县城关镇,云烟(紫),包,20,20,,\n"
            + ",,,,,,,,\n";
    CheckSheet.Parsed p =
        CheckSheet.read("text/csv; charset=utf-8", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(p.errors()).isEmpty();
    assertThat(p.rows()).isEqualTo(3);
    assertThat(p.items()).isEqualTo(3);
    assertThat(p.visits()).hasSize(2);
    RetailerVisit first = p.visits().get(0);
    assertThat(first.licence()).isEqualTo("150924100001");
    assertThat(first.at())
        .isEqualTo(LocalDateTime.parse("2026-10-03T14:30").atZone(PriceBook.ZONE).toInstant());
    assertThat(first.items()).hasSize(2);
    assertThat(first.items().get(0).saleFen()).isEqualTo(45000);
    assertThat(first.items().get(1).brand()).isEqualTo("玉溪");
    assertThat(first.items().get(1).spec()).isEqualTo("软");
    assertThat(first.items().get(1).unit()).isEqualTo(PackUnit.PACK);
    assertThat(first.items().get(1).markedFen()).isEqualTo(2300);
    assertThat(first.items().get(1).saleFen()).isEqualTo(2500);
    assertThat(first.photoHashes()).containsExactly(PHOTO);
    assertThat(first.remarks()).isEqualTo("价签齐全；售价高于标价,已告知");
  }

  @Test
  void everyBadRowIsNamedWithItsColumnAndNothingIsKept() throws Exception {
    String csv =
        HEADER
            + "150924100001,2026-10-03 14:30,城关镇,中华(硬),条,450,450,,\n" // good (row 2)
            + "15092410000X,2026-10-03 14:30,城关镇,中华(硬),条,450,450,,\n" // row 3: licence
            + "150924100001,2026-13-03 14:30,城关镇,中华(硬),条,450,450,,\n" // row 4: time
            + "150924100001,2026-10-03 14:30,城关镇,中华(硬),箱,450,450,,\n" // row 5: unit
            + "150924100001,2026-10-03 14:30,城关镇,中华(硬),条,450.123,,,\n"; // row 6: both prices
    CheckSheet.Parsed p = CheckSheet.read("text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(p.visits()).isEmpty();
    assertThat(p.errors())
        .extracting(CheckSheet.RowError::row, CheckSheet.RowError::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "许可证号"),
            org.assertj.core.groups.Tuple.tuple(4, "检查时间"),
            org.assertj.core.groups.Tuple.tuple(5, "单位"),
            org.assertj.core.groups.Tuple.tuple(6, "标价"),
            org.assertj.core.groups.Tuple.tuple(6, "实际售价"));
    assertThat(p.errors().get(3).message()).contains("two decimal");
  }

  @Test
  void aSheetWithoutARequiredColumnIsRefusedAtItsHeader() throws Exception {
    CheckSheet.Parsed p =
        CheckSheet.read(
            "text/csv", "许可证号,检查时间,品牌规格,单位,标价\n1,2,3,4,5\n".getBytes(StandardCharsets.UTF_8));
    assertThat(p.errors()).extracting(CheckSheet.RowError::row).containsOnly(1);
    assertThat(p.errors()).extracting(CheckSheet.RowError::column).containsExactly("实际售价");
  }

  @Test
  void xlsxWithNumbersDatesAndBadRows() throws Exception {
    byte[] good = xlsx(false);
    CheckSheet.Parsed p = CheckSheet.read(CheckSheet.XLSX, good);
    assertThat(p.errors()).isEmpty();
    assertThat(p.visits()).hasSize(2);
    assertThat(p.visits().get(0).at())
        .isEqualTo(LocalDateTime.parse("2026-10-03T14:30").atZone(PriceBook.ZONE).toInstant());
    assertThat(p.visits().get(0).items().get(0).saleFen()).isEqualTo(45050); // 450.5 exactly
    assertThat(p.visits().get(1).items().get(0).markedFen()).isEqualTo(2300);

    CheckSheet.Parsed bad = CheckSheet.read(CheckSheet.XLSX, xlsx(true));
    assertThat(bad.visits()).isEmpty();
    assertThat(bad.errors())
        .extracting(CheckSheet.RowError::row, CheckSheet.RowError::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "品牌规格"));
  }

  static byte[] xlsx(boolean withBadRow) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "liaison-test", "1.0");
    Worksheet ws = wb.newWorksheet("价格互查");
    String[] h = {"许可证号", "检查时间", "地点", "品牌规格", "单位", "标价", "实际售价"};
    for (int c = 0; c < h.length; c++) {
      ws.value(0, c, h[c]);
    }
    ws.value(1, 0, "150924100001");
    ws.value(1, 1, LocalDateTime.parse("2026-10-03T14:30"));
    ws.style(1, 1).format("yyyy-mm-dd hh:mm").set();
    ws.value(1, 2, "城关镇");
    ws.value(1, 3, "中华(硬)");
    ws.value(1, 4, "条");
    ws.value(1, 5, new BigDecimal("450.5"));
    ws.value(1, 6, new BigDecimal("450.5"));
    ws.value(2, 0, "150924100002");
    ws.value(2, 1, "2026-10-03 15:00");
    ws.value(2, 3, withBadRow ? "" : "玉溪(软)");
    ws.value(2, 4, "盒");
    ws.value(2, 5, 23);
    ws.value(2, 6, 23);
    wb.finish();
    return out.toByteArray();
  }
}
