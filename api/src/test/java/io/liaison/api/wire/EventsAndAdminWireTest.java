package io.liaison.api.wire;

import static io.liaison.api.wire.WireAssert.assertSameJson;

import io.liaison.api.BureauId;
import io.liaison.api.action.MeetingEvent;
import io.liaison.api.action.PlanState;
import io.liaison.api.action.PlanStepEvent;
import io.liaison.api.admin.BackupResult;
import io.liaison.api.admin.RecordImport;
import io.liaison.api.admin.RosterPublished;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseEvent;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.MajorCaseAlert;
import io.liaison.api.price.CheckEvent;
import io.liaison.api.price.PriceChange;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feed event data and admin answers as records: the JSON of the maps the node built before (the
 * maps below are its old code, field by field).
 */
class EventsAndAdminWireTest {
  private static final BureauId B = BureauId.of("150924");
  private static final CaseNumber NO = CaseNumber.of("兴烟立字〔2026〕第123号");
  private static final Disposition D = Disposition.values()[0];

  @Test
  void caseEventAndMajorCase() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", "case:150924:1");
    data.put("caseNumber", NO);
    data.put("bureau", B);
    data.put("version", 3L);
    data.put("category", CaseCategory.UNLICENSED_TRANSPORT);
    data.put("disposition", D);
    assertSameJson(
        new CaseEvent("case:150924:1", NO, B, 3, CaseCategory.UNLICENSED_TRANSPORT, D), data);
    Map<String, Object> major = new LinkedHashMap<>(data);
    major.put("valueFen", 6_000_000L);
    major.put("thresholdFen", 5_000_000L);
    major.put("filedOn", LocalDate.parse("2026-03-01").toString());
    assertSameJson(
        new MajorCaseAlert(
            "case:150924:1",
            NO,
            B,
            3,
            CaseCategory.UNLICENSED_TRANSPORT,
            D,
            6_000_000,
            5_000_000L,
            LocalDate.parse("2026-03-01")),
        major);
  }

  @Test
  void priceEvents() {
    Map<String, Object> changed = new LinkedHashMap<>();
    changed.put("key", "price/agreement/150924/1");
    changed.put("type", "agreement");
    changed.put("bureau", "150924");
    changed.put("version", 2);
    assertSameJson(new PriceChange("price/agreement/150924/1", "agreement", "150924", 2), changed);
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("checkId", "chk-1");
    check.put("checkingBureau", "150924");
    check.put("checkedBureau", "150925");
    check.put("visits", 4);
    check.put("nonCompliant", 1);
    assertSameJson(new CheckEvent("chk-1", "150924", "150925", 4, 1), check);
  }

  @Test
  void planAndMeetingEvents() {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("planId", "plan-1");
    step.put("event", "APPROVE");
    step.put("bureau", B);
    step.put("officer", "150924-001");
    step.put("state", PlanState.values()[0]);
    step.put("version", 2);
    assertSameJson(
        new PlanStepEvent("plan-1", "APPROVE", B, "150924-001", PlanState.values()[0], 2), step);
    for (Integer item : new Integer[] {null, 3}) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("meetingId", "mt-1");
      m.put("bureau", B);
      m.put("officer", "150924-001");
      if (item != null) {
        m.put("item", item);
      }
      assertSameJson(new MeetingEvent("mt-1", B, "150924-001", item), m);
    }
  }

  @Test
  void adminAnswers() {
    Map<String, Object> backup = new LinkedHashMap<>();
    backup.put("file", "/data/backups/liaison-1.db");
    backup.put("bytes", 4096L);
    backup.put("restore", "stop the node …");
    assertSameJson(new BackupResult("/data/backups/liaison-1.db", 4096, "stop the node …"), backup);
    Map<String, Object> roster = new LinkedHashMap<>();
    roster.put("version", 7L);
    roster.put("members", 4);
    assertSameJson(new RosterPublished(7, 4), roster);
    Map<String, Object> rejected = new LinkedHashMap<>();
    rejected.put("line", 2);
    rejected.put("problem", "not JSON");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("lines", 3);
    out.put("taken", 1L);
    out.put("unchanged", 1L);
    out.put("rejected", List.of(rejected));
    out.put("note", "lines that fail verification are quarantined");
    assertSameJson(
        new RecordImport(
            3,
            1,
            1,
            List.of(new RecordImport.Rejected(2, "not JSON")),
            "lines that fail verification are quarantined"),
        out);
  }
}
