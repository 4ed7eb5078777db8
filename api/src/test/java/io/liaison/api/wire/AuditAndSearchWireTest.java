package io.liaison.api.wire;

import static io.liaison.api.wire.WireAssert.assertSameJson;

import io.liaison.api.BureauId;
import io.liaison.api.audit.ChainReport;
import io.liaison.api.search.SearchStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit verdict and the search status as records: the JSON of the node's old maps. */
class AuditAndSearchWireTest {
  @Test
  void chainReportIntactLeavesOutPositionAndDetail() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bureau", BureauId.of("150924"));
    m.put("intact", true);
    m.put("status", "INTACT");
    m.put("entries", 12);
    m.put("headSeq", 12L);
    m.put("summary", "intact: 12 entries");
    assertSameJson(
        new ChainReport(
            BureauId.of("150924"), true, "INTACT", 12, 12, 0, null, "intact: 12 entries"),
        m);
  }

  @Test
  void chainReportBrokenNamesWhereAndWhat() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bureau", BureauId.of("150924"));
    m.put("intact", false);
    m.put("status", "GAP");
    m.put("entries", 12);
    m.put("headSeq", 4L);
    m.put("position", 5);
    m.put("detail", "seq 6 missing");
    m.put("summary", "broken at 5");
    assertSameJson(
        new ChainReport(
            BureauId.of("150924"), false, "GAP", 12, 4, 5, "seq 6 missing", "broken at 5"),
        m);
  }

  @Test
  void searchStatus() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", "CURRENT");
    m.put("documents", 10L);
    m.put("indexedSeq", 33L);
    m.put("storeSeq", 33L);
    m.put("rebuilt", 0L);
    assertSameJson(new SearchStatus(SearchStatus.State.CURRENT, 10, 33, 33, 0), m);
  }
}
