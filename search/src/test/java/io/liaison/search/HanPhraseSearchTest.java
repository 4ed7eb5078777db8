package io.liaison.search;

import static io.liaison.search.Docs.XINGHE;
import static io.liaison.search.Docs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.search.analysis.ChineseAnalyzers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Free text of three or more Han characters, matched through the trigram field. */
class HanPhraseSearchTest {
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
    return CaseIndexTest.ids(
        index.search(SearchRequest.builder(query).page(0, 100).build()).hits());
  }

  static SearchDocument titled(String id, String title, String address, String narrative) {
    return new SearchDocument(
        id,
        SearchDocument.Kind.CASE,
        XINGHE,
        CaseCategory.UNLICENSED_TRANSPORT,
        LocalDate.of(2026, 3, 12),
        1_000,
        200,
        Disposition.PENDING,
        List.of(),
        title,
        narrative,
        address,
        List.of(),
        true,
        1);
  }

  @Test
  void threeCharactersMatchWhereTheyAreWrittenTogether() throws Exception {
    index.upsert(doc("narrative", XINGHE, "在京藏高速收费站查获卷烟。", 1));
    index.upsert(titled("title", "收费站案", "丰镇市", "查获卷烟。"));
    index.upsert(titled("address", "案件", "二广高速丰镇收费站", "查获卷烟。"));
    index.upsert(doc("punctuation", XINGHE, "不收费,站前查获卷烟。", 1));
    index.upsert(doc("bigrams across punctuation", XINGHE, "不收费,费站前查获卷烟。", 1));
    index.upsert(titled("fields", "案件收费", "站前街", "查获卷烟。"));
    index.refresh();
    assertThat(search("收费站")).containsExactlyInAnyOrder("narrative", "title", "address");
    assertThat(search("\"收费站\"")).containsExactlyInAnyOrder("narrative", "title", "address");
    assertThat(search("收费站 NOT 京藏")).containsExactlyInAnyOrder("title", "address");
  }

  @Test
  void longerTextNeedsThePhraseNotOnlyItsTrigrams() throws Exception {
    index.upsert(doc("a", XINGHE, "通过寄递渠道运输卷烟。", 1));
    index.upsert(doc("b", XINGHE, "寄递渠,递渠道两处各不相同。", 1));
    index.upsert(doc("c", XINGHE, "涉嫌销售假冒注册商标的卷烟。", 1));
    index.upsert(doc("d", XINGHE, "假冒注册,商标不符。", 1));
    index.refresh();
    assertThat(search("寄递渠道")).containsExactly("a");
    assertThat(search("假冒注册商标")).containsExactly("c");
    assertThat(search("冒注册商标")).containsExactly("c");
    assertThat(search("假冒注册")).containsExactlyInAnyOrder("c", "d");
  }

  @Test
  void textWithDigitsLatinOrTwoCharactersIsStillABigramPhrase() throws Exception {
    index.upsert(doc("a", XINGHE, "在G110国道查获卷烟。", 1));
    index.upsert(doc("b", XINGHE, "在兴和县查获卷烟。", 1));
    index.refresh();
    assertThat(search("g110国道")).containsExactly("a");
    assertThat(search("兴和")).contains("a", "b"); // every document's address is in 兴和县
  }

  @Test
  void moreOccurrencesRankHigher() throws Exception {
    index.upsert(doc("once", XINGHE, "在收费站查获卷烟,另在城区查获卷烟两条。", 1));
    index.upsert(doc("thrice", XINGHE, "在收费站查获卷烟,收费站东侧与收费站西侧各有一处。", 1));
    index.refresh();
    assertThat(search("收费站")).containsExactly("thrice", "once");
  }

  @Test
  void highlightsTheWholeMatch() throws Exception {
    index.upsert(doc("a", XINGHE, "群众举报。执法人员在京藏高速收费站查获卷烟30条。", 1));
    index.refresh();
    SearchResult r = index.search(SearchRequest.builder("收费站").highlight(true).build());
    assertThat(r.hits().get(0).snippets()).containsExactly("执法人员在京藏高速<em>收费站</em>查获卷烟30条。");
  }

  @Test
  void anIndexWithoutTrigramsIsRebuilt() throws Exception {
    index.close();
    Path old = dir.resolve("schema1");
    // What schema 1 wrote: a complete index with bigram text and no trigram field.
    try (IndexWriter w =
        new IndexWriter(FSDirectory.open(old), new IndexWriterConfig(ChineseAnalyzers.bigram()))) {
      Document d = new Document();
      d.add(new TextField("text", "在京藏高速收费站查获卷烟。", Field.Store.NO));
      w.addDocument(d);
      w.setLiveCommitData(Map.of("schema", "1", "complete", "true").entrySet());
      w.commit();
    }
    index = CaseIndex.open(old, CaseIndexTest.options());
    assertThat(index.status()).isEqualTo(IndexStatus.REPLACED_STALE);
    assertThat(index.status().needsRebuild()).isTrue();
    index.rebuild(List.of(doc("a", XINGHE, "在京藏高速收费站查获卷烟。", 1)), n -> {});
    assertThat(index.status()).isEqualTo(IndexStatus.OPENED);
    assertThat(search("收费站")).containsExactly("a");
  }
}
