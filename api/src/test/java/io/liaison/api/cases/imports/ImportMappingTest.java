package io.liaison.api.cases.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.FieldException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A mapping reads every mapped column: one value in two units is refused, naming both columns. */
class ImportMappingTest {
  static List<ColumnMapping> required() {
    return new ArrayList<>(
        List.of(
            new ColumnMapping("案件编号", ImportField.CASE_NUMBER),
            new ColumnMapping("立案日期", ImportField.FILED_ON)));
  }

  static ImportMapping with(String a, ImportField fa, String b, ImportField fb) {
    List<ColumnMapping> cs = required();
    cs.add(new ColumnMapping(a, fa));
    cs.add(new ColumnMapping(b, fb));
    return new ImportMapping(cs, null);
  }

  @Test
  void oneValueInTwoUnitsIsRefusedNamingBothColumns() {
    assertThatThrownBy(() -> with("案值", ImportField.VALUE_YUAN, "案值万", ImportField.VALUE_WAN_YUAN))
        .isInstanceOf(FieldException.class)
        .hasMessageContaining("案值 and 案值万")
        .satisfies(e -> assertThat(((FieldException) e).field()).isEqualTo("columns"));
    assertThatThrownBy(() -> with("罚款", ImportField.FINE_WAN_YUAN, "罚金", ImportField.FINE_YUAN))
        .hasMessageContaining("罚款 and 罚金");
    assertThatThrownBy(
            () -> with("条数", ImportField.QUANTITY_CARTONS, "件数", ImportField.QUANTITY_CASES))
        .hasMessageContaining("条数 and 件数");
    assertThatThrownBy(
            () -> with("数量", ImportField.QUANTITY, "万支", ImportField.QUANTITY_WAN_STICKS))
        .hasMessageContaining("数量 and 万支");
  }

  @Test
  void aValueAndAFineInOneUnitEachAreFine() {
    ImportMapping m = with("案值", ImportField.VALUE_WAN_YUAN, "罚款", ImportField.FINE_YUAN);
    assertThat(m.columns()).hasSize(4);
  }
}
