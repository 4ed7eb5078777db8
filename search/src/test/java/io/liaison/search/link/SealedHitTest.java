package io.liaison.search.link;

import static io.liaison.search.link.Records.FENGZHEN;
import static io.liaison.search.link.Records.TIANZHEN;
import static io.liaison.search.link.Records.XINGHE;
import static io.liaison.search.link.Records.doc;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.network.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hit/no-hit: a link to a record a bureau may not read yields a pointer, never content. */
class SealedHitTest {
  static final String CONTACT = "天镇县局专卖科 李科长 0352-6012345";

  @TempDir Path dir;

  @Test
  void restrictedRecordYieldsAPointerToBureausThatMayNotReadItAndJoinsNoNetwork()
      throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      engine.upsert(doc("open-a", XINGHE, "驾驶员手机13812345678。"));
      LinkRecord sealed =
          new LinkRecord(
              doc("sealed-r", TIANZHEN, "内线报告：上家手机13812345678，计划下周出货。"),
              Audience.restricted(List.of(FENGZHEN), CONTACT));
      LinkUpdate u = engine.upsert(sealed);
      assertThat(u.hits())
          .containsExactly(new SealedHit("open-a", XINGHE, "sealed-r", TIANZHEN, CONTACT));
      assertThat(u.networks()).isEmpty();
      assertThat(engine.networks()).isEmpty();
      assertThat(engine.sealedHits("open-a")).containsExactlyElementsOf(u.hits());

      // 丰镇 is a named reader: no hit for its record, and it forms a network with 兴和 only
      LinkUpdate reader = engine.upsert(doc("open-f", FENGZHEN, "收货人电话13812345678。"));
      assertThat(reader.hits()).isEmpty();
      assertThat(engine.networkOf("open-f").orElseThrow().members())
          .extracting(Network.Member::id)
          .containsExactlyInAnyOrder("open-a", "open-f");
      assertThat(engine.sealedHits("open-f")).isEmpty();
    }
  }

  @Test
  void aRestrictedRecordReleasedToEveryoneJoinsTheNetwork() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      engine.upsert(doc("open-a", XINGHE, "驾驶员手机13812345678。"));
      engine.upsert(
          new LinkRecord(
              doc("r", TIANZHEN, "上家手机13812345678。"),
              Audience.restricted(List.of(FENGZHEN), CONTACT)));
      LinkUpdate released =
          engine.upsert(LinkRecord.open(doc("r", TIANZHEN, 2, "上家手机13812345678。")));
      assertThat(released.hits()).isEmpty();
      assertThat(released.networks()).hasSize(1);
      assertThat(engine.sealedHits("open-a")).isEmpty();
    }
  }

  @Test
  void sealedDocumentsWithoutContentAreIgnored() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      var sealed =
          io.liaison.search.SearchDocument.sealed(
              "x",
              io.liaison.search.SearchDocument.Kind.LEAD,
              TIANZHEN,
              java.time.LocalDate.of(2026, 1, 1),
              1);
      assertThat(engine.upsert(sealed).applied()).isFalse();
    }
  }
}
