package io.liaison.search;

import static io.liaison.search.Docs.TIANZHEN;
import static io.liaison.search.Docs.XINGHE;
import static io.liaison.search.Docs.doc;
import static io.liaison.search.Docs.plate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CaseIndex#upsertAll}: documents written together keep every rule of {@link
 * CaseIndex#upsert} one by one — new ids added, a newer version replaces, an older or equal one and
 * a version a delete covers are ignored, of one id given twice the newer counts.
 */
class CaseIndexBatchTest {
  @TempDir Path dir;
  CaseIndex index;

  @BeforeEach
  void open() throws Exception {
    index = CaseIndex.open(dir.resolve("index"), CaseIndexTest.options());
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  List<String> search(String query) throws Exception {
    return CaseIndexTest.ids(index.search(SearchRequest.builder(query).build()).hits());
  }

  @Test
  void aBatchKeepsTheRulesOfVersionsAndDeletes() throws Exception {
    index.upsert(doc("old", XINGHE, "旧版案情。", 3));
    index.upsert(doc("newer", XINGHE, "第一版案情。", 1));
    index.upsert(doc("gone", XINGHE, "撤回的案情。", 1));
    index.delete("gone", 2);
    index.refresh();
    int written =
        index.upsertAll(
            List.of(
                doc("n1", TIANZHEN, "批量新案一，车辆蒙J·3K582。", 1, plate("蒙J3K582")),
                doc("old", XINGHE, "过时的版本。", 2),
                doc("newer", XINGHE, "第二版案情。", 2),
                doc("gone", XINGHE, "撤回前的版本。", 2),
                doc("n2", TIANZHEN, "批量新案二。", 1),
                doc("n2", TIANZHEN, "批量新案二，第二版。", 2),
                doc("n3", TIANZHEN, "批量新案三。", 1)));
    assertThat(written).isEqualTo(4); // n1, newer v2, n2 v2, n3
    // a write of the same version again, in a batch or alone, is ignored
    assertThat(index.upsertAll(List.of(doc("n1", TIANZHEN, "再来一次。", 1)))).isZero();
    assertThat(index.upsert(doc("n3", TIANZHEN, "再来一次。", 1))).isFalse();
    index.refresh();
    assertThat(index.count()).isEqualTo(5); // old, newer, n1, n2, n3
    assertThat(index.get("old").orElseThrow().version()).isEqualTo(3);
    assertThat(index.get("newer").orElseThrow().version()).isEqualTo(2);
    assertThat(index.get("n2").orElseThrow().version()).isEqualTo(2);
    assertThat(index.get("gone")).isEmpty();
    assertThat(search("第二版")).containsExactlyInAnyOrder("newer", "n2");
    assertThat(search("过时")).isEmpty();
    assertThat(
            CaseIndexTest.ids(
                index.lookup(io.liaison.search.ident.IdentifierType.PLATE, "蒙J3K582")))
        .containsExactly("n1");
  }
}
