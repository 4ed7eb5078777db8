package io.liaison.search;

import static io.liaison.search.Docs.TIANZHEN;
import static io.liaison.search.Docs.XINGHE;
import static io.liaison.search.Docs.doc;
import static io.liaison.search.Docs.person;
import static io.liaison.search.Docs.plate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.search.ident.IdentifierType;
import io.liaison.search.internal.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseIndexTest {
  @TempDir Path dir;
  CaseIndex index;

  @BeforeEach
  void open() throws Exception {
    index = CaseIndex.open(dir.resolve("index"), options());
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  static IndexOptions options() {
    return new IndexOptions(Duration.ofMillis(50), Duration.ofSeconds(60), 16, 2);
  }

  static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }

  List<String> search(String query) throws Exception {
    return ids(index.search(SearchRequest.builder(query).build()).hits());
  }

  @Test
  void aPlateIsFoundByEverySpelling() throws Exception {
    index.upsert(doc("a", XINGHE, "对一辆车牌号为蒙J·3K582的面包车进行检查。", 1));
    index.upsert(doc("b", TIANZHEN, "驾驶员称车辆已转卖。", 1, plate("蒙j3k582")));
    index.upsert(doc("c", TIANZHEN, "另一辆车蒙J3K528。", 1));
    index.refresh();
    for (String spelling : List.of("蒙J·3K582", "蒙j3k582", "蒙Ｊ３Ｋ５８２", "蒙J 3K582")) {
      assertThat(ids(index.lookup(IdentifierType.PLATE, spelling)))
          .as(spelling)
          .containsExactlyInAnyOrder("a", "b");
    }
    assertThat(search("plate:蒙j·3k582")).containsExactlyInAnyOrder("a", "b");
    assertThat(search("车牌：\"蒙J 3K582\"")).containsExactlyInAnyOrder("a", "b");
    assertThat(search("plate:蒙J3K*")).containsExactlyInAnyOrder("a", "b", "c");
    // pasted into the search box without a field
    assertThat(search("蒙j3k582")).containsExactlyInAnyOrder("a", "b");
    assertThat(search("\"蒙J 3K582\"")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void chinesePhrasesMatchAsWritten() throws Exception {
    index.upsert(doc("a", XINGHE, "执法人员在兴和县城关镇农贸市场查获假冒卷烟。", 1));
    index.upsert(doc("b", XINGHE, "执法人员在城关查获卷烟,镇上群众举报。", 1));
    index.upsert(doc("c", XINGHE, "当事人王伟强驾车逃逸。", 1, person("王伟强")));
    index.refresh();
    assertThat(search("城关镇 农贸市场")).containsExactly("a");
    assertThat(search("\"假冒卷烟\"")).containsExactly("a");
    assertThat(search("查获 NOT 假冒")).containsExactly("b");
    assertThat(search("person:王伟")).isEmpty();
    assertThat(search("当事人:王伟强")).containsExactly("c");
    assertThat(search("王伟")).containsExactly("c"); // text search finds the longer name too
  }

  @Test
  void anUnquotedBrandMeansTheBrandNotTheWord() throws Exception {
    SearchDocument law =
        new SearchDocument(
            "law",
            SearchDocument.Kind.CASE,
            XINGHE,
            null,
            LocalDate.of(2026, 1, 2),
            0,
            0,
            null,
            List.of("玉溪"),
            null,
            "依据《中华人民共和国烟草专卖法实施条例》处罚。",
            null,
            null,
            true,
            1);
    index.upsert(law);
    index.upsert(doc("zh", XINGHE, "查获中华(硬)30条。", 1));
    index.refresh();
    assertThat(search("中华")).containsExactly("zh");
    assertThat(search("\"中华\"")).containsExactlyInAnyOrder("zh", "law");
    assertThat(search("brand:玉溪")).containsExactly("law");
  }

  @Test
  void olderVersionsAreIgnoredAndDeletesStick() throws Exception {
    assertThat(index.upsert(doc("a", XINGHE, "第二版案情。", 2))).isTrue();
    assertThat(index.upsert(doc("a", XINGHE, "第一版案情。", 1))).isFalse();
    assertThat(index.upsert(doc("a", XINGHE, "第二版重复。", 2))).isFalse();
    index.refresh();
    assertThat(index.get("a").orElseThrow().version()).isEqualTo(2);
    assertThat(search("第二版")).containsExactly("a");
    assertThat(index.delete("a", 2)).isTrue();
    assertThat(index.upsert(doc("a", XINGHE, "第二版又来。", 2))).isFalse();
    index.refresh();
    assertThat(index.get("a")).isEmpty();
    assertThat(index.version("a")).hasValue(2);
    assertThat(index.delete("a", 1)).isFalse();
    assertThat(index.upsert(doc("a", XINGHE, "第三版恢复。", 3))).isTrue();
    index.refresh();
    assertThat(search("第三版")).containsExactly("a");
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void versionsHoldBeforeAndAfterARefresh() throws Exception {
    index.upsert(doc("a", XINGHE, "甲。", 5));
    assertThat(index.upsert(doc("a", XINGHE, "乙。", 4))).isFalse(); // not yet refreshed
    index.refresh();
    assertThat(index.upsert(doc("a", XINGHE, "丙。", 4))).isFalse(); // refreshed
    assertThat(index.version("a")).hasValue(5);
  }

  @Test
  void sealedContentIsNeverSearchableUntilReadable() throws Exception {
    index.upsert(
        SearchDocument.sealed(
            "lead-1", SearchDocument.Kind.LEAD, XINGHE, LocalDate.of(2026, 3, 1), 1));
    index.refresh();
    assertThat(index.count()).isZero();
    assertThat(index.search(SearchRequest.builder().bureau(XINGHE).build()).total()).isZero();
    assertThat(index.version("lead-1")).hasValue(1);
    assertThatThrownBy(
            () ->
                new SearchDocument(
                    "x",
                    SearchDocument.Kind.LEAD,
                    XINGHE,
                    null,
                    LocalDate.now(),
                    0,
                    0,
                    null,
                    null,
                    null,
                    "秘密",
                    null,
                    null,
                    false,
                    1))
        .isInstanceOf(IllegalArgumentException.class);
    SearchDocument readable = doc("lead-1", XINGHE, "解密后的线索内容。", 1);
    assertThat(index.upsert(readable)).isTrue();
    assertThat(
            index.upsert(
                SearchDocument.sealed(
                    "lead-1", SearchDocument.Kind.LEAD, XINGHE, LocalDate.of(2026, 3, 1), 1)))
        .isFalse();
    index.refresh();
    assertThat(search("解密")).containsExactly("lead-1");
  }

  @Test
  void identifiersOnlyInTheNarrativeAreLookedUp() throws Exception {
    index.upsert(doc("a", XINGHE, "收件人电话138-1234-5678,运单号SF1234567890123。", 1));
    index.refresh();
    assertThat(ids(index.lookup(IdentifierType.PHONE, "+86 13812345678"))).containsExactly("a");
    assertThat(ids(index.lookup(IdentifierType.WAYBILL, "sf 1234 5678 90123")))
        .containsExactly("a");
    assertThat(search("电话:\"138 1234 5678\" AND waybill:SF1234567890123")).containsExactly("a");
    assertThatThrownBy(() -> index.lookup(IdentifierType.PHONE, "12313"))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void invalidQueriesSayWhy() {
    assertThatThrownBy(() -> search("colour:red")).hasMessageContaining("unknown field");
    assertThatThrownBy(() -> search("plate:蒙J")).hasMessageContaining("not a valid plate");
    assertThatThrownBy(() -> search("category:走私烟")).hasMessageContaining("unknown category");
    assertThatThrownBy(() -> search("中华(硬")).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> search("城*")).hasMessageContaining("identifier fields only");
    assertThatThrownBy(() -> search("城?镇")).hasMessageContaining("wildcard");
    assertThatThrownBy(() -> SearchRequest.builder().page(9_990, 20).build())
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void highlightsTheMatchInTheNarrative() throws Exception {
    index.upsert(doc("a", XINGHE, "群众举报。执法人员在城关镇查获<中华>卷烟30条。次日结案。", 1));
    index.refresh();
    SearchResult r = index.search(SearchRequest.builder("城关镇").highlight(true).build());
    assertThat(r.hits().get(0).snippets()).containsExactly("执法人员在<em>城关镇</em>查获&lt;中华&gt;卷烟30条。");
  }

  @Test
  void writesBecomeVisibleWithoutAnExplicitRefresh() throws Exception {
    index.upsert(doc("a", XINGHE, "后台刷新。", 1));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (index.count() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void reopensWithTheSameContentAndNeedsNoRebuild() throws Exception {
    assertThat(index.status()).isEqualTo(IndexStatus.CREATED);
    index.rebuild(List.of(doc("a", XINGHE, "重启之前。", 1)), n -> {});
    index.upsert(doc("b", XINGHE, "重启之前的增量。", 1, plate("蒙J3K582")));
    index.commit("store-seq-42");
    index.close();
    index = CaseIndex.open(dir.resolve("index"), options());
    assertThat(index.status()).isEqualTo(IndexStatus.OPENED);
    assertThat(index.checkpoint()).contains("store-seq-42");
    assertThat(search("重启之前")).containsExactlyInAnyOrder("a", "b");
    assertThat(ids(index.lookup(IdentifierType.PLATE, "蒙J·3K582"))).containsExactly("b");
  }

  @Test
  void anIndexWrittenWithoutTheIdFilterIsReadAsItIsAndNewSegmentsGetTheFilter() throws Exception {
    index.rebuild(List.of(doc("a", XINGHE, "升级之前写的。", 2, plate("蒙J3K582"))), n -> {});
    index.commit("store-seq-7");
    index.close();
    // the same documents and commit data in segments of Lucene's default codec (an index
    // written before the id filter): addIndexes re-encodes them with the writer's codec
    Path before = dir.resolve("before");
    try (Directory from = FSDirectory.open(dir.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(from);
        Directory to = FSDirectory.open(before);
        IndexWriter w = new IndexWriter(to, new IndexWriterConfig())) {
      w.addIndexes(
          reader.leaves().stream().map(l -> (CodecReader) l.reader()).toArray(CodecReader[]::new));
      w.setLiveCommitData(SegmentInfos.readLatestCommit(from).getUserData().entrySet());
      w.commit();
    }
    assertThat(idFormats(before)).containsOnly("Lucene912");
    index = CaseIndex.open(before, options());
    assertThat(index.status()).isEqualTo(IndexStatus.OPENED);
    assertThat(ids(index.lookup(IdentifierType.PLATE, "蒙J·3K582"))).containsExactly("a");
    assertThat(index.upsert(doc("a", XINGHE, "旧版本。", 1))).isFalse(); // the version check
    assertThat(index.upsert(doc("b", TIANZHEN, "升级之后写的。", 1))).isTrue();
    index.commit("store-seq-8");
    assertThat(idFormats(before)).containsExactlyInAnyOrder("Lucene912", "BloomFilter");
    index.refresh();
    assertThat(search("升级之后写的")).containsExactly("b");
    assertThat(index.get("a")).isPresent();
  }

  /** The postings format of the id field in each segment of the index in {@code path}. */
  static List<String> idFormats(Path path) throws Exception {
    try (Directory d = FSDirectory.open(path);
        DirectoryReader reader = DirectoryReader.open(d)) {
      return reader.leaves().stream()
          .map(
              l ->
                  l.reader()
                      .getFieldInfos()
                      .fieldInfo(Schema.ID)
                      .getAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY))
          .toList();
    }
  }

  @Test
  void anIndexOfAnotherSchemaIsReplacedAndReportedStale() throws Exception {
    index.close();
    Path old = dir.resolve("old");
    try (org.apache.lucene.index.IndexWriter w =
        new org.apache.lucene.index.IndexWriter(
            org.apache.lucene.store.FSDirectory.open(old),
            new org.apache.lucene.index.IndexWriterConfig())) {
      w.addDocument(new org.apache.lucene.document.Document());
      w.setLiveCommitData(java.util.Map.of("schema", "0").entrySet());
      w.commit();
    }
    index = CaseIndex.open(old, options());
    assertThat(index.status()).isEqualTo(IndexStatus.REPLACED_STALE);
    assertThat(index.status().needsRebuild()).isTrue();
    assertThat(index.count()).isZero();
  }

  @Test
  void aFailedRebuildLeavesTheIndexIncompleteUntilRebuilt() throws Exception {
    List<SearchDocument> docs = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      docs.add(doc("d" + i, XINGHE, "第" + i + "件。", 1));
    }
    Iterable<SearchDocument> failing =
        () ->
            new java.util.Iterator<>() {
              int i;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public SearchDocument next() {
                if (i == 300) {
                  throw new IllegalStateException("store read failed");
                }
                return docs.get(i++);
              }
            };
    assertThatThrownBy(() -> index.rebuild(failing, n -> {})).hasMessage("store read failed");
    assertThat(index.status()).isEqualTo(IndexStatus.INCOMPLETE);
    index.close();
    index = CaseIndex.open(dir.resolve("index"), options());
    assertThat(index.status()).isEqualTo(IndexStatus.INCOMPLETE);
    assertThat(index.rebuild(docs, n -> {})).isEqualTo(600);
    assertThat(index.status()).isEqualTo(IndexStatus.OPENED);
    assertThat(index.count()).isEqualTo(600);
  }

  @Test
  void requestBuilderAcceptsRepeatedValuesAndAppliesDefaults() {
    SearchRequest r =
        SearchRequest.builder().bureau(XINGHE, XINGHE).facets(Facet.BUREAU, Facet.BUREAU).build();
    assertThat(r.bureaus()).containsExactly(XINGHE);
    assertThat(r.sort()).isEqualTo(SearchRequest.Sort.NEWEST);
    assertThat(SearchRequest.builder("城关镇").build().sort()).isEqualTo(SearchRequest.Sort.RELEVANCE);
    assertThat(r.limit()).isEqualTo(SearchRequest.DEFAULT_LIMIT);
  }
}
