package io.liaison.node.informant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An opening of an informant's identity received from the grid is taken only under the key its own
 * lead, officer and time make, and only for an officer of the bureau that signed it: a member
 * cannot plant "opened by" lines of another bureau's officers in a register (the first version took
 * any key starting with {@code opened-<lead>-}).
 */
class OpenedKeyTest {
  static final String LEAD = "150924-20261206-7KQ2M9XA";
  static final BureauId TIANZHEN = BureauId.of("140222");
  static final Instant AT = Instant.parse("2026-12-07T02:30:00.123Z");

  static ObjectNode opening(String officer, String at) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", InformantService.OPENED);
    p.put("leadId", LEAD);
    p.put("officer", officer);
    p.put("bureau", "140222");
    p.put("at", at);
    return p;
  }

  static String key(String officer) {
    return "opened-" + LEAD + "-" + officer + "-" + AT.toEpochMilli();
  }

  @Test
  void anOpeningFitsOnlyItsOwnKeyAndItsSignersOfficers() {
    assertThat(
            InformantGrid.openedKeyFits(
                key("140222-101"), opening("140222-101", AT.toString()), TIANZHEN))
        .isTrue();
    // another bureau's officer named by 天镇县's signature
    assertThat(
            InformantGrid.openedKeyFits(
                key("150924-101"), opening("150924-101", AT.toString()), TIANZHEN))
        .isFalse();
    // a key naming someone else than the payload, or another time
    assertThat(
            InformantGrid.openedKeyFits(
                key("140222-102"), opening("140222-101", AT.toString()), TIANZHEN))
        .isFalse();
    assertThat(
            InformantGrid.openedKeyFits(
                key("140222-101") + "1", opening("140222-101", AT.toString()), TIANZHEN))
        .isFalse();
    assertThat(
            InformantGrid.openedKeyFits(
                key("140222-101"), opening("140222-101", "yesterday"), TIANZHEN))
        .isFalse();
  }

  /** Review-3 F3: an officer id that is not {@code <bureau>-<n>} names no bureau (it threw). */
  @Test
  void anOfficerNumberNamesItsBureauAndAnythingElseNone() {
    assertThat(OfficerKeyring.bureauOf("150924-101"))
        .contains(io.liaison.api.BureauId.of("150924"));
    for (String odd :
        new String[] {"admin", "", "-1", "150924", "15092-1", "150924-", "x-150924-1"}) {
      assertThat(OfficerKeyring.bureauOf(odd)).as(odd).isEmpty();
    }
  }
}
