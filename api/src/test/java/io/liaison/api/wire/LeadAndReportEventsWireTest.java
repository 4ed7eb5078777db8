package io.liaison.api.wire;

import static io.liaison.api.wire.WireAssert.assertSameJson;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.admin.QuarantineEntry;
import io.liaison.api.admin.QuarantinePage;
import io.liaison.api.lead.CoHandler;
import io.liaison.api.lead.DirectoryEntry;
import io.liaison.api.lead.LeadConflict;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadState;
import io.liaison.api.lead.OverdueNotice;
import io.liaison.api.lead.TransitionEvent;
import io.liaison.api.lead.TransitionSuperseded;
import io.liaison.api.lead.TransitionView;
import io.liaison.api.report.ReportEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lead and report events and the quarantine page as records: the JSON of the maps the node
 * built before (the maps below are its old code, field by field, nulls and empties included).
 */
class LeadAndReportEventsWireTest {
  private static final BureauId A = BureauId.of("150924");
  private static final BureauId B = BureauId.of("150925");
  private static final Instant T = Instant.parse("2026-03-01T02:03:04Z");
  private static final TransitionView CLAIM =
      new TransitionView(
          LeadEvent.CLAIM, B, "150925-001", T, null, null, null, null, null, null, "k1", "h1");
  private static final TransitionView POST =
      new TransitionView(
          LeadEvent.values()[0], A, "150924-001", T, "n", null, null, null, null, null, "k0", "h0");

  @Test
  void transitionEvent() {
    CoHandler co =
        new CoHandler(
            B, CoHandler.State.INVITED, "盯货", A, "150924-001", T, null, null, null, List.of());
    DirectoryEntry who = new DirectoryEntry("150925-001", "王", "联络员", "0474-1", "8-17");
    for (String title : new String[] {null, "卷烟线索"}) {
      for (BureauId owner : new BureauId[] {null, B}) {
        for (List<CoHandler> cohandlers : List.of(List.<CoHandler>of(), List.of(co))) {
          for (List<DirectoryEntry> contacts : List.of(List.<DirectoryEntry>of(), List.of(who))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("leadId", "lead-1");
            if (title != null) {
              m.put("title", title);
            }
            m.put("originBureau", A);
            m.put("audience", B);
            m.put("transition", CLAIM);
            m.put("state", LeadState.CLAIMED);
            if (owner != null) {
              m.put("owner", owner);
            }
            if (!cohandlers.isEmpty()) {
              m.put("cohandlers", cohandlers);
            }
            if (!contacts.isEmpty()) {
              m.put("contacts", contacts);
            }
            assertSameJson(
                new TransitionEvent(
                        "lead-1", title, A, B, CLAIM, LeadState.CLAIMED, owner, cohandlers, null)
                    .withContacts(contacts),
                m);
          }
        }
      }
    }
  }

  @Test
  void conflictAndSuperseded() {
    for (BureauId owner : new BureauId[] {null, B}) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("leadId", "lead-1");
      m.put("rule", "earliest signed first divergent transition, then bureau code, then hash");
      m.put("kept", List.of(POST, CLAIM));
      m.put("superseded", List.of(POST));
      m.put("state", LeadState.CLAIMED);
      if (owner != null) {
        m.put("owner", owner);
      }
      assertSameJson(
          new LeadConflict(
              "lead-1",
              LeadConflict.RULE,
              List.of(POST, CLAIM),
              List.of(POST),
              LeadState.CLAIMED,
              owner),
          m);
    }
    JsonNode transition = Json.mapper().valueToTree(Map.of("event", "CLAIM", "z", 1, "a", 2));
    for (boolean stored : new boolean[] {false, true}) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("leadId", "lead-1");
      data.put("superseded", List.of(transition));
      data.put("supersededBureau", B);
      if (stored) {
        data.put("state", LeadState.CLAIMED);
        data.put("owner", A);
      }
      assertSameJson(
          new TransitionSuperseded(
              "lead-1",
              List.of(transition),
              B,
              stored ? LeadState.CLAIMED : null,
              stored ? A : null),
          data);
    }
  }

  @Test
  void overdueNotices() {
    for (String title : new String[] {null, "卷烟线索"}) {
      for (int reminder : new int[] {0, 2}) {
        for (boolean escalated : new boolean[] {false, true}) {
          for (String to : new String[] {"owner", "origin"}) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("leadId", "lead-1");
            m.put("title", title);
            m.put("originBureau", A);
            m.put("owner", B);
            m.put("claimedAt", T);
            m.put("overdueSince", T.plusSeconds(86_400));
            m.put("feedbackDeadlineDays", 7);
            m.put("rulesVersion", 3L);
            m.put("to", to);
            if (reminder > 0) {
              m.put("reminder", reminder);
              m.put("overdueRemindDays", 3);
            }
            if (escalated) {
              m.put("escalateAfterDays", 14);
              m.put("escalatedTo", to.equals("origin") ? "origin" : "chief");
            }
            assertSameJson(
                new OverdueNotice(
                    "lead-1",
                    title,
                    A,
                    B,
                    T,
                    T.plusSeconds(86_400),
                    7,
                    3L,
                    to,
                    reminder > 0 ? reminder : null,
                    reminder > 0 ? 3 : null,
                    escalated ? 14 : null,
                    escalated ? (to.equals("origin") ? "origin" : "chief") : null),
                m);
          }
        }
      }
    }
  }

  @Test
  void reportEventAndQuarantinePage() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", "report:150924:2026Q1");
    data.put("signer", A);
    data.put("hash", "ab12");
    assertSameJson(new ReportEvent("report:150924:2026Q1", A, "ab12"), data);
    List<QuarantineEntry> items =
        List.of(
            new QuarantineEntry(1, "leads/x", "MALFORMED", "no lead id", T, "h", 12L, "{\"a\""),
            new QuarantineEntry(2, "leads/y", "FORGED", null, T, "h2", null, null));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", 2L);
    out.put("items", items);
    assertSameJson(new QuarantinePage(2, items), out);
  }
}
