package io.liaison.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/roster} as a record: the JSON of the map the node built before. */
class RosterViewWireTest {
  @Test
  void sameJsonAsTheNodesMap() throws Exception {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    MemberKey revoked = MemberKey.signing(SigningKeyPair.generate(), t);
    revoked =
        new MemberKey(
            revoked.keyId(),
            revoked.use(),
            revoked.publicKey(),
            revoked.validFrom(),
            t.plusSeconds(60));
    Member xinghe =
        new Member(
            BureauId.of("150924"),
            "兴和县烟草专卖局",
            "内蒙古自治区",
            List.of("https://a:8443"),
            List.of(revoked, MemberKey.signing(SigningKeyPair.generate(), t.plusSeconds(60))));
    Member yanggao = new Member(BureauId.of("140221"), "阳高县烟草专卖局", "山西省", List.of(), List.of());
    Roster r = new Roster(4, t, List.of(xinghe, yanggao));
    BureauId self = BureauId.of("150924");

    // the node's code before: one map a member, then the answer
    List<Map<String, Object>> members =
        r.members().stream()
            .map(
                m -> {
                  Map<String, Object> e = new LinkedHashMap<>();
                  e.put("bureau", m.bureau());
                  e.put("name", m.name());
                  e.put("province", m.province());
                  e.put("endpoints", m.endpoints());
                  e.put("keys", m.keys());
                  return e;
                })
            .toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", r.version());
    out.put("issuedAt", r.issuedAt());
    out.put("self", self);
    out.put("members", members);

    String json = Json.mapper().writeValueAsString(RosterView.of(r, self));
    assertThat(json).isEqualTo(Json.mapper().writeValueAsString(out));
    assertThat(Json.mapper().readValue(json, RosterView.class)).isEqualTo(RosterView.of(r, self));
  }
}
