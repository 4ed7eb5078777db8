package io.liaison.search.link;

import static io.liaison.search.link.Records.FENGZHEN;
import static io.liaison.search.link.Records.HUAIAN;
import static io.liaison.search.link.Records.TIANZHEN;
import static io.liaison.search.link.Records.XINGHE;
import static io.liaison.search.link.Records.doc;
import static io.liaison.search.link.Records.person;
import static io.liaison.search.link.Records.phone;
import static io.liaison.search.link.Records.plate;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.search.SearchDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that arrive together (an import's page) are linked in one pass ({@link
 * LinkEngine#upsertAll}): the links, networks and proposals are those of the records taken one by
 * one and those of a full relink, including a value that becomes over-common within the batch (its
 * links go) and batches that continue what an earlier batch left.
 */
class BatchLinkTest {
  @TempDir Path dir;

  /** Tiny bands (as in OverCommonTest) so that a handful of records crosses them. */
  static final LinkOptions SMALL = OverCommonTest.SMALL;

  static List<SearchDocument> records() {
    List<SearchDocument> docs = new ArrayList<>();
    docs.add(OverCommonTest.viaDepot("a", XINGHE, "乔满仓"));
    docs.add(OverCommonTest.viaDepot("b", TIANZHEN, "温存良"));
    docs.add(doc("f", XINGHE, "驾驶员温存良，手机13711112222。", phone("13711112222")));
    docs.add(doc("g", TIANZHEN, "上家电话13711112222，车辆蒙J·3K582。", plate("蒙J·3K582")));
    docs.add(doc("h", HUAIAN, "查获蒙J·3K582运输卷烟。", plate("蒙J·3K582")));
    docs.add(OverCommonTest.viaDepot("c", FENGZHEN, "樊根柱"));
    docs.add(OverCommonTest.viaDepot("e", HUAIAN, "乔满仓"));
    docs.add(doc("w1", XINGHE, "当事人王伟无证经营卷烟。", person("王伟")));
    docs.add(doc("w2", FENGZHEN, "当事人王伟无证经营卷烟，电话13811113333。", person("王伟")));
    docs.add(doc("k", FENGZHEN, "收货人电话13811113333。", phone("13811113333")));
    return docs;
  }

  @Test
  void aBatchLinksAsOneByOneAndAsAFullRelink() throws IOException {
    List<SearchDocument> docs = records();
    State oneByOne;
    try (LinkEngine engine = LinkEngine.open(dir.resolve("one"), SMALL)) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      oneByOne = State.of(engine, docs);
    }
    State batched;
    try (LinkEngine engine = LinkEngine.open(dir.resolve("batch"), SMALL)) {
      engine.upsertAll(docs.subList(0, 4).stream().map(LinkRecord::open).toList());
      engine.upsertAll(docs.subList(4, docs.size()).stream().map(LinkRecord::open).toList());
      // a batch of what the engine holds already changes nothing
      LinkUpdate again = engine.upsertAll(docs.stream().map(LinkRecord::open).toList());
      assertThat(again.raisedProposals()).isEmpty();
      batched = State.of(engine, docs);
    }
    State relinked;
    try (LinkEngine engine = LinkEngine.open(dir.resolve("relink"), SMALL)) {
      engine.relink(docs.stream().map(LinkRecord::open).toList(), n -> {});
      relinked = State.of(engine, docs);
    }
    assertThat(oneByOne.networks()).isNotEmpty();
    assertThat(batched).isEqualTo(oneByOne).isEqualTo(relinked);
  }

  @Test
  void aBatchInOneCallEqualsAFullRelink() throws IOException {
    List<SearchDocument> docs = records();
    State batched;
    try (LinkEngine engine = LinkEngine.open(dir.resolve("batch"), SMALL)) {
      engine.upsertAll(docs.stream().map(LinkRecord::open).toList());
      batched = State.of(engine, docs);
    }
    try (LinkEngine engine = LinkEngine.open(dir.resolve("relink"), SMALL)) {
      engine.relink(docs.stream().map(LinkRecord::open).toList(), n -> {});
      assertThat(batched).isEqualTo(State.of(engine, docs));
    }
  }

  /** What linking left: the networks' members, every record's links, the proposals. */
  record State(Set<Set<String>> networks, Map<String, Set<String>> links, Set<String> proposals) {
    static State of(LinkEngine engine, List<SearchDocument> docs) throws IOException {
      Map<String, Set<String>> links = new TreeMap<>();
      for (SearchDocument d : docs) {
        links.put(
            d.id(),
            engine.links(d.id()).stream()
                .map(l -> l.a() + "-" + l.b() + ":" + Math.round(l.score() * 1000))
                .collect(Collectors.toSet()));
      }
      return new State(
          OverCommonTest.members(engine),
          links,
          engine.proposals().stream()
              .map(p -> p.id() + "@" + p.networkId())
              .collect(Collectors.toSet()));
    }
  }
}
