package io.liaison.node.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.api.cases.imports.RowError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells as officers type them by hand: units in the cell, pieces left empty. */
class RowReaderTest {
  @TempDir Path dir;

  static final String HEAD = "案件编号,立案日期,案值,品牌,数量(条)\n";

  static ImportMapping mapping(String valueField) {
    return RegisterFileTest.read(
        """
        {"columns":[{"column":"案件编号","field":"CASE_NUMBER"},{"column":"立案日期","field":"立案日期"},
        {"column":"案值","field":"%s"},{"column":"品牌","field":"BRAND"},
        {"column":"数量(条)","field":"QUANTITY_CARTONS"}]}
        """
            .formatted(valueField));
  }

  /** The rows after the header of {@code csv}, read with {@code m}. */
  List<RowReader.Result> read(ImportMapping m, String csv) throws Exception {
    Path f = Files.write(dir.resolve("r.csv"), csv.getBytes(StandardCharsets.UTF_8));
    List<RowReader.Result> out = new ArrayList<>();
    try (RegisterFile r = RegisterFile.open(f, RegisterFile.CSV, null)) {
      List<RowError> headerErrors = new ArrayList<>();
      RowReader reader = RowReader.of(BureauId.of("150924"), m, r.next(), headerErrors);
      assertThat(headerErrors).isEmpty();
      r.forEachRemaining(row -> out.add(reader.read(row)));
    }
    return out;
  }

  @Test
  void aUnitWrittenInTheCellWinsOverTheColumnsAndTwoUnitsAreRefused() throws Exception {
    String csv =
        HEAD
            + "兴烟立字〔2024〕第1号,2024-03-05,3万元,中华,30\n"
            + "兴烟立字〔2024〕第2号,2024-03-05,\"1,200元\",中华,30\n"
            + "兴烟立字〔2024〕第3号,2024-03-05,1200,中华,30\n"
            + "兴烟立字〔2024〕第4号,2024-03-05,3万5000元,中华,30\n";
    List<RowReader.Result> yuan = read(mapping("VALUE_YUAN"), csv);
    assertThat(yuan.get(0).record().valueFen()).isEqualTo(3_000_000L); // 3万元 = 30 000 元
    assertThat(yuan.get(1).record().valueFen()).isEqualTo(120_000L);
    assertThat(yuan.get(2).record().valueFen()).isEqualTo(120_000L);
    assertThat(yuan.get(3).valid()).isFalse();
    assertThat(yuan.get(3).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.row()).isEqualTo(5);
              assertThat(e.column()).isEqualTo("案值");
              assertThat(e.message()).contains("3万5000元", "单位");
            });
    List<RowReader.Result> wan =
        read(mapping("VALUE_WAN_YUAN"), HEAD + "兴烟立字〔2024〕第1号,2024-03-05,30元,中华,30\n");
    assertThat(wan.get(0).record().valueFen()).isEqualTo(3_000L); // 30元, not 30万元
  }

  @Test
  void anEmptyQuantityPieceIsAnErrorOfItsRowNotOfTheJob() throws Exception {
    List<RowReader.Result> rows =
        read(
            mapping("VALUE_YUAN"),
            HEAD
                + "兴烟立字〔2024〕第1号,2024-03-05,100,\"中华，玉溪\",\"，30\"\n"
                + "兴烟立字〔2024〕第2号,2024-03-05,100,\"中华，玉溪，黄鹤楼\",\"30， ，20\"\n"
                + "兴烟立字〔2024〕第3号,2024-03-05,100,\"中华，玉溪\",\"20，30\"\n");
    assertThat(rows.get(0).valid()).isFalse();
    assertThat(rows.get(0).errors())
        .extracting(e -> e.row() + "|" + e.column())
        .containsExactly("2|数量(条)");
    assertThat(rows.get(1).valid()).isFalse();
    assertThat(rows.get(1).errors())
        .extracting(e -> e.row() + "|" + e.column())
        .containsExactly("3|数量(条)");
    assertThat(rows.get(2).record().items()).hasSize(2);
  }
}
