package io.liaison.search.link;

import static io.liaison.search.link.Records.FENGZHEN;
import static io.liaison.search.link.Records.HUAIAN;
import static io.liaison.search.link.Records.TIANZHEN;
import static io.liaison.search.link.Records.XINGHE;
import static io.liaison.search.link.Records.doc;
import static io.liaison.search.link.Records.plate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.api.cases.EntityType;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.Network;
import io.liaison.search.link.internal.Graph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Networks and merge proposals as cases arrive, bridge two networks and are withdrawn. */
class NetworksTest {
  @TempDir Path dir;

  /** Two networks: a–b share a phone (兴和, 天镇); c–d share a plate (怀安, 丰镇). */
  static void twoNetworks(LinkEngine engine) throws IOException {
    engine.upsert(doc("a", XINGHE, "驾驶员韩福生，手机13812345678。"));
    engine.upsert(doc("b", TIANZHEN, "据交代，上家电话138-1234-5678。"));
    engine.upsert(doc("c", HUAIAN, "查获车辆", plate("冀G·7K123")));
    engine.upsert(doc("d", FENGZHEN, "送货车辆车牌冀G7K123。"));
  }

  @Test
  void aBridgingCaseMergesTwoNetworksAndItsWithdrawalSplitsThemAgain() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      twoNetworks(engine);
      List<Network> before = engine.networks();
      assertThat(before).hasSize(2);
      Set<String> proposalsBefore = ids(engine.proposals());
      assertThat(proposalsBefore).hasSize(2);

      LinkUpdate bridge = engine.upsert(doc("e", XINGHE, "司机驾驶冀G7K123，与上家手机13812345678联系。"));
      assertThat(bridge.links())
          .extracting(l -> l.other("e"))
          .containsExactlyInAnyOrder("a", "b", "c", "d");
      assertThat(bridge.networks()).hasSize(1);
      Network merged = engine.network(bridge.networks().get(0)).orElseThrow();
      assertThat(merged.members())
          .extracting(Network.Member::id)
          .containsExactlyInAnyOrder("a", "b", "c", "d", "e");
      assertThat(merged.bureaus()).containsExactly(HUAIAN, TIANZHEN, XINGHE, FENGZHEN);
      assertThat(merged.id())
          .isEqualTo(
              before.stream()
                  .filter(n -> n.members().stream().anyMatch(m -> m.id().equals("a")))
                  .findFirst()
                  .orElseThrow()
                  .id());
      assertThat(bridge.dissolvedNetworks()).hasSize(1);
      assertThat(bridge.raisedProposals()).hasSize(1);
      assertThat(bridge.withdrawnProposals()).containsExactlyInAnyOrderElementsOf(proposalsBefore);
      assertThat(engine.networks()).containsExactly(merged);

      LinkUpdate gone = engine.withdraw("e", 1);
      assertThat(gone.links()).isEmpty();
      assertThat(engine.networks()).containsExactlyInAnyOrderElementsOf(before);
      assertThat(ids(engine.proposals())).isEqualTo(proposalsBefore);
      assertThat(gone.raisedProposals())
          .extracting(MergeProposal::id)
          .containsExactlyInAnyOrderElementsOf(proposalsBefore);
      assertThat(gone.withdrawnProposals()).containsExactly(bridge.raisedProposals().get(0).id());
      // a withdrawn version cannot come back
      assertThat(engine.upsert(doc("e", XINGHE, "司机驾驶冀G7K123。")).applied()).isFalse();
    }
  }

  @Test
  void networkSummaryHasMembersBureausKeyEntitiesSpanAndTotals() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      twoNetworks(engine);
      engine.upsert(doc("f", TIANZHEN, "另一名司机手机13812345678。"));
      Network n = engine.networkOf("a").orElseThrow();
      assertThat(n.members())
          .extracting(Network.Member::id)
          .containsExactlyInAnyOrder("a", "b", "f");
      assertThat(n.members()).isSortedAccordingTo((x, y) -> x.date().compareTo(y.date()));
      assertThat(n.bureaus()).containsExactly(TIANZHEN, XINGHE);
      assertThat(n.crossBorder()).isTrue();
      assertThat(n.keyEntities().get(0))
          .isEqualTo(new Network.KeyEntity(EntityType.PHONE, "13812345678", 3));
      assertThat(n.sticks()).isEqualTo(3 * 60_000);
      assertThat(n.valueFen()).isEqualTo(3 * 13_500_000L);
      assertThat(n.first()).isEqualTo(n.members().get(0).date());
      assertThat(n.last()).isEqualTo(n.members().get(2).date());
      assertThat(n.links()).isEqualTo(3);
      assertThat(engine.network(n.id())).contains(n);
    }
  }

  @Test
  void proposalIsPlainSignableDataWithAnIdDerivedFromItsMembers() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      twoNetworks(engine);
      MergeProposal p =
          engine.proposals().stream()
              .filter(x -> x.members().stream().anyMatch(m -> m.id().equals("a")))
              .findFirst()
              .orElseThrow();
      assertThat(p.id()).isEqualTo(MergeProposal.idOf(List.of("b", "a")));
      assertThat(p.bureaus()).containsExactly(TIANZHEN, XINGHE);
      assertThat(p.members()).extracting(Network.Member::id).containsExactly("a", "b");
      assertThat(p.score()).isGreaterThan(engine.options().proposalScore());
      assertThat(p.evidence()).extracting(Network.KeyEntity::value).containsExactly("13812345678");
      String json = Json.mapper().writeValueAsString(p);
      assertThat(Json.mapper().readValue(json, MergeProposal.class)).isEqualTo(p);
    }
  }

  @Test
  void aNetworkIsNamedAfterItsSmallestMemberAlsoWhenASmallerOneJoins() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      engine.upsert(doc("m", XINGHE, "驾驶员手机13812345678。"));
      LinkUpdate first = engine.upsert(doc("p", TIANZHEN, "上家电话13812345678。"));
      assertThat(first.networks()).containsExactly(Graph.networkId("m"));

      LinkUpdate joined = engine.upsert(doc("c", HUAIAN, "收货人电话13812345678。"));
      String renamed = Graph.networkId("c");
      assertThat(joined.networks()).containsExactly(renamed);
      assertThat(joined.dissolvedNetworks()).containsExactly(first.networks().get(0));
      assertThat(engine.networkOf("p").orElseThrow().id()).isEqualTo(renamed);
      assertThat(engine.network(renamed).orElseThrow().members())
          .extracting(Network.Member::id)
          .containsExactlyInAnyOrder("c", "m", "p");
    }
  }

  @Test
  void aNetworkOfOneBureauRaisesAProposalWhenAnotherBureauJoinsAndWithdrawsItWhenItLeaves()
      throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      engine.upsert(doc("a", XINGHE, "驾驶员手机13812345678。"));
      engine.upsert(doc("b", XINGHE, "上家电话13812345678。"));
      LinkUpdate third = engine.upsert(doc("c", XINGHE, "收货人电话13812345678。"));
      assertThat(third.raisedProposals()).isEmpty();

      LinkUpdate joined = engine.upsert(doc("d", TIANZHEN, "据交代，联系电话13812345678。"));
      assertThat(joined.raisedProposals()).hasSize(1);
      assertThat(joined.raisedProposals().get(0).bureaus()).containsExactly(TIANZHEN, XINGHE);

      LinkUpdate left = engine.withdraw("d", 2);
      assertThat(left.withdrawnProposals()).containsExactly(joined.raisedProposals().get(0).id());
      assertThat(engine.proposals()).isEmpty();
      assertThat(engine.networkOf("a").orElseThrow().bureaus()).containsExactly(XINGHE);
    }
  }

  @Test
  void singleBureauNetworkRaisesNoProposal() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      engine.upsert(doc("a", XINGHE, "驾驶员手机13812345678。"));
      LinkUpdate u = engine.upsert(doc("b", XINGHE, "上家电话13812345678。"));
      assertThat(u.networks()).hasSize(1);
      assertThat(u.raisedProposals()).isEmpty();
    }
  }

  @Test
  void graphJsonHasNodesAndEdgesWithEvidence() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      twoNetworks(engine);
      String id = engine.networkOf("c").orElseThrow().id();
      NetworkGraph g = engine.graph(id).orElseThrow();
      JsonNode json = Json.mapper().readTree(g.toJson());
      assertThat(json.get("networkId").asText()).isEqualTo(id);
      assertThat(json.get("nodes")).hasSize(2);
      JsonNode edge = json.get("edges").get(0);
      assertThat(edge.get("a").asText()).isEqualTo("c");
      assertThat(edge.get("b").asText()).isEqualTo("d");
      JsonNode evidence = edge.get("evidence").get(0);
      assertThat(evidence.get("kind").asText()).isEqualTo("NORMALISED_EQUAL");
      assertThat(evidence.get("type").asText()).isEqualTo("PLATE");
      assertThat(evidence.get("value").asText()).isEqualTo("冀G7K123");
      assertThat(engine.graph("net-unknown")).isEmpty();
    }
  }

  @Test
  void reopenedEngineHasTheSameNetworksAndProposalsAndReplayIsHarmless() throws IOException {
    List<Network> networks;
    List<MergeProposal> proposals;
    try (LinkEngine engine = LinkEngine.open(dir)) {
      assertThat(engine.status()).isEqualTo(LinkEngine.Status.CREATED);
      twoNetworks(engine);
      engine.commit("store-position-42");
      networks = engine.networks();
      proposals = engine.proposals();
    }
    try (LinkEngine engine = LinkEngine.open(dir)) {
      assertThat(engine.status()).isEqualTo(LinkEngine.Status.OPENED);
      assertThat(engine.checkpoint()).contains("store-position-42");
      assertThat(engine.networks()).isEqualTo(networks);
      assertThat(engine.proposals()).isEqualTo(proposals);
      assertThat(engine.upsert(doc("a", XINGHE, "驾驶员韩福生，手机13812345678。")).applied()).isFalse();
      assertThat(engine.stats()).isEqualTo(new LinkEngine.Stats(4, 4, 2, 2));
    }
  }

  @Test
  void anUpdateThatRemovesTheSharedIdentifierDropsTheLink() throws IOException {
    try (LinkEngine engine = LinkEngine.open(dir)) {
      twoNetworks(engine);
      LinkUpdate u = engine.upsert(doc("b", TIANZHEN, 2, "据交代，上家姓名不详。"));
      assertThat(u.applied()).isTrue();
      assertThat(u.links()).isEmpty();
      assertThat(engine.networkOf("a")).isEmpty();
      assertThat(engine.networks()).hasSize(1);
    }
  }

  private static Set<String> ids(List<MergeProposal> proposals) {
    return proposals.stream().map(MergeProposal::id).collect(java.util.stream.Collectors.toSet());
  }
}
