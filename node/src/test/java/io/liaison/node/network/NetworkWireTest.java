package io.liaison.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.cases.EntityType;
import io.liaison.api.network.MergeAcceptedEvent;
import io.liaison.api.network.MergeDecidedEvent;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.MergeProposalList;
import io.liaison.api.network.MergeProposedEvent;
import io.liaison.api.network.Network;
import io.liaison.api.network.NetworkEntry;
import io.liaison.api.network.NetworkList;
import io.liaison.api.network.ProposalView;
import io.liaison.api.network.Verdict;
import io.liaison.search.SearchDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The network answers as {@code api.network} records serialise to exactly the JSON the node wrote
 * when it answered maps holding the link engine's own records (the maps below are the old code).
 * Since the engine builds the {@code api.network} records itself, a member's and an entity's JSON
 * is also pinned as text: what the engine's own records wrote (kind as its name).
 */
class NetworkWireTest {
  private static final BureauId A = BureauId.of("150924");
  private static final BureauId B = BureauId.of("150925");
  private static final List<Network.Member> MEMBERS =
      List.of(
          new Network.Member(
              "case:150924:兴烟立[2026]1号",
              SearchDocument.Kind.CASE.name(),
              A,
              LocalDate.parse("2026-03-01"),
              "UNLICENSED_TRANSPORT",
              "兴烟立[2026]1号",
              5000,
              120_000),
          new Network.Member(
              "lead-1",
              SearchDocument.Kind.LEAD.name(),
              B,
              LocalDate.parse("2026-03-04"),
              null,
              "线索",
              0,
              0));
  private static final List<Network.KeyEntity> ENTITIES =
      List.of(
          new Network.KeyEntity(EntityType.PLATE, "蒙J12345", 2),
          new Network.KeyEntity(null, "文本", 2));

  private static String json(Object o) throws Exception {
    return Json.mapper().writeValueAsString(o);
  }

  @Test
  void networkListAsBefore() throws Exception {
    Network n =
        new Network(
            "net-0123456789abcdef",
            MEMBERS,
            List.of(A, B),
            ENTITIES,
            LocalDate.parse("2026-03-01"),
            LocalDate.parse("2026-03-04"),
            5000,
            120_000,
            1);
    for (String proposalId : new String[] {null, "mp-0123"}) {
      List<Map<String, Object>> out = new ArrayList<>();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("network", n);
      m.put("proposalId", proposalId);
      out.add(m);
      Map<String, Object> before = new LinkedHashMap<>();
      before.put("total", out.size());
      before.put("networks", out);
      assertThat(json(NetworkList.of(List.of(new NetworkEntry(n, proposalId)))))
          .isEqualTo(json(before));
    }
  }

  @Test
  void memberAndEntityAsTheEnginesRecordsWroteThem() throws Exception {
    assertThat(json(MEMBERS.get(0)))
        .isEqualTo(
            "{\"id\":\"case:150924:兴烟立[2026]1号\",\"kind\":\"CASE\",\"bureau\":\"150924\","
                + "\"date\":\"2026-03-01\",\"category\":\"UNLICENSED_TRANSPORT\","
                + "\"title\":\"兴烟立[2026]1号\",\"sticks\":5000,\"valueFen\":120000}");
    assertThat(json(MEMBERS.get(1)))
        .isEqualTo(
            "{\"id\":\"lead-1\",\"kind\":\"LEAD\",\"bureau\":\"150925\",\"date\":\"2026-03-04\","
                + "\"title\":\"线索\",\"sticks\":0,\"valueFen\":0}");
    assertThat(json(ENTITIES))
        .isEqualTo(
            "[{\"type\":\"PLATE\",\"value\":\"蒙J12345\",\"members\":2},"
                + "{\"value\":\"文本\",\"members\":2}]");
  }

  @Test
  void proposalViewAsBefore() throws Exception {
    MergeProposal p =
        new MergeProposal(
            MergeProposal.idOf(MEMBERS.stream().map(Network.Member::id).toList()),
            "net-0123456789abcdef",
            MEMBERS,
            List.of(A, B),
            A,
            0.97,
            ENTITIES,
            LocalDate.parse("2026-03-01"),
            LocalDate.parse("2026-03-04"),
            5000,
            120_000);
    for (MergeStatus status :
        List.of(
            new MergeStatus(
                MergeStatus.State.OPEN, List.of(A), List.of(), List.of(B), null, List.of()),
            new MergeStatus(
                MergeStatus.State.ACCEPTED, List.of(A, B), List.of(), List.of(), A, List.of(B)))) {
      for (boolean current : new boolean[] {true, false}) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("current", current);
        m.put("proposal", current ? p : null);
        m.put("bureaus", p.bureaus());
        m.put("status", status);
        m.put("decisions", List.of());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("total", 1);
        before.put("proposals", List.of(m));
        ProposalView view =
            new ProposalView(
                p.id(),
                current,
                current ? p : null,
                p.bureaus(),
                NetworkWire.status(status),
                List.of());
        assertThat(json(MergeProposalList.of(List.of(view)))).isEqualTo(json(before));
      }
    }
  }

  @Test
  void mergeEventsAsBefore() throws Exception {
    Map<String, Object> proposed = new LinkedHashMap<>();
    proposed.put("proposalId", "mp-1");
    proposed.put("networkId", "net-1");
    proposed.put("bureaus", List.of(A, B));
    proposed.put("suggestedLead", A);
    proposed.put("members", List.of("lead-1", "lead-2"));
    assertThat(
            json(
                new MergeProposedEvent(
                    "mp-1", "net-1", List.of(A, B), A, List.of("lead-1", "lead-2"))))
        .isEqualTo(json(proposed));

    Map<String, Object> decided = new LinkedHashMap<>();
    decided.put("proposalId", "mp-1");
    decided.put("bureau", B);
    decided.put("decision", Verdict.DECLINE);
    decided.put("officer", "150925-001");
    assertThat(json(new MergeDecidedEvent("mp-1", B, Verdict.DECLINE, "150925-001")))
        .isEqualTo(json(decided));

    Map<String, Object> accepted = new LinkedHashMap<>();
    accepted.put("proposalId", "mp-1");
    accepted.put("leadBureau", A);
    accepted.put("coHandling", List.of(B));
    assertThat(json(new MergeAcceptedEvent("mp-1", A, List.of(B)))).isEqualTo(json(accepted));
  }
}
