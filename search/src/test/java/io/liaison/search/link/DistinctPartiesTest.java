package io.liaison.search.link;

import static io.liaison.search.link.Records.FENGZHEN;
import static io.liaison.search.link.Records.HUAIAN;
import static io.liaison.search.link.Records.TIANZHEN;
import static io.liaison.search.link.Records.XINGHE;
import static io.liaison.search.link.Records.doc;
import static io.liaison.search.link.Records.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.network.Network;
import io.liaison.search.SearchDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many distinct parties the pool writes a value with (issue 33): a phone that cases write with
 * people of three different surnames is no one party's (a shop's or a market's number written as
 * the party's), so it counts as a common value — corroboration, never a link alone; a phone written
 * with one person, however the cases spell them (高平慧, 高某某), stays a party's.
 */
class DistinctPartiesTest {
  @TempDir Path dir;

  private static Set<Set<String>> partition(LinkEngine engine) {
    Set<Set<String>> out = new HashSet<>();
    for (Network n : engine.networks()) {
      out.add(n.members().stream().map(Network.Member::id).collect(Collectors.toSet()));
    }
    return out;
  }

  /** Links {@code docs} one by one and checks a full relink gives the same networks. */
  private Set<Set<String>> link(List<SearchDocument> docs) throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir.resolve("inc"));
        LinkEngine full = LinkEngine.open(dir.resolve("full"))) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      full.relink(docs.stream().map(LinkRecord::open).toList(), n -> {});
      assertThat(partition(full)).isEqualTo(partition(engine));
      return partition(engine);
    }
  }

  /** Three cases on different templates (a near-duplicate text would link them by itself). */
  private static SearchDocument shop(String id, String holder, String phone) {
    String narrative =
        switch (id) {
          case "a" ->
              "执法人员在检查时发现一家门市涉嫌无证经营卷烟。经查，当事人"
                  + holder
                  + "（男，联系电话"
                  + phone
                  + "）未取得许可证擅自经营卷烟，现场查获南京12条。";
          case "b" ->
              "会同公安机关在沙泉乡马堡村一处民房查获涉嫌假冒卷烟。经查，当事人" + holder + "（联系电话" + phone + "）在该处存放云烟80条、兰州200条。";
          default ->
              "在X050县道旗梁乡段设卡检查时发现一辆SUV形迹可疑。经查，驾驶员"
                  + holder
                  + "（男，联系电话"
                  + phone
                  + "）驾驶该车，车内载有苏烟25条。";
        };
    return doc(id, id.equals("b") ? FENGZHEN : XINGHE, narrative, person(holder));
  }

  @Test
  void aPhoneWrittenWithThreeSurnamesLinksNothingAlone() throws IOException {
    assertThat(
            link(
                List.of(
                    shop("a", "岳长青", "13948217705"),
                    shop("b", "滕秀兰", "139 4821 7705"),
                    shop("c", "苗福贵", "139-4821-7705"))))
        .isEmpty();
  }

  @Test
  void aPhoneWrittenWithOnePersonHoweverSpelledLinksEveryCase() throws IOException {
    assertThat(
            link(
                List.of(
                    shop("a", "岳长青", "13948217705"),
                    shop("b", "岳某某", "139 4821 7705"),
                    shop("c", "岳某", "139-4821-7705"))))
        .containsExactly(Set.of("a", "b", "c"));
  }

  @Test
  void twoHoldersAreNotYetMany() throws IOException {
    // a party's phone written once with the wrong person is still the party's
    assertThat(
            link(
                List.of(
                    shop("a", "岳长青", "13948217705"),
                    shop("b", "岳某某", "139 4821 7705"),
                    shop("c", "苗福贵", "139-4821-7705"))))
        .containsExactly(Set.of("a", "b", "c"));
  }

  @Test
  void anUpdateThatChangesTheHolderChangesTheLinksAsARelinkWould() throws IOException {
    List<SearchDocument> first =
        List.of(
            shop("a", "岳长青", "13948217705"),
            shop("b", "滕秀兰", "139 4821 7705"),
            shop("c", "苗福贵", "139-4821-7705"));
    SearchDocument corrected =
        doc(
            "c",
            TIANZHEN,
            2,
            "执法人员在检查时发现一家门市涉嫌无证经营卷烟。经查，当事人岳某（男，联系电话139-4821-7705）未取得许可证擅自经营卷烟。",
            person("岳某"));
    try (LinkEngine engine = LinkEngine.open(dir.resolve("inc"));
        LinkEngine full = LinkEngine.open(dir.resolve("full"))) {
      for (SearchDocument d : first) {
        engine.upsert(d);
      }
      assertThat(partition(engine)).isEmpty();
      engine.upsert(corrected);
      // 岳 and 滕 now: two holders, a party's phone again
      assertThat(partition(engine)).containsExactly(Set.of("a", "b", "c"));
      List<SearchDocument> now = new ArrayList<>(first.subList(0, 2));
      now.add(corrected);
      full.relink(now.stream().map(LinkRecord::open).toList(), n -> {});
      assertThat(partition(full)).isEqualTo(partition(engine));
      assertThat(engine.explain("a", "b").orElseThrow().evidence())
          .anySatisfy(e -> assertThat(e.frequency()).isEqualTo(Frequency.SPECIFIC));
    }
  }

  @Test
  void aCommonPhoneStillCorroboratesAName() throws IOException {
    // three surnames make the phone common (2.25), the same specific name besides links (4.75)
    List<SearchDocument> docs =
        List.of(
            shop("a", "岳长青", "13948217705"),
            shop("b", "滕秀兰", "139 4821 7705"),
            doc(
                "c",
                HUAIAN,
                "经查，当事人苗福贵（男，联系电话139-4821-7705）寄递卷烟。同行人员岳长青。",
                person("苗福贵"),
                person("岳长青")));
    assertThat(link(docs)).containsExactly(Set.of("a", "c"));
  }
}
