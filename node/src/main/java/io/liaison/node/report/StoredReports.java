package io.liaison.node.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.ReportEvent;
import io.liaison.api.report.ReportView;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.SignedRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reports and acknowledgements as this node stores them: one signed envelope per record (kinds
 * {@value ReportService#KIND} and {@value ReportService#ACK_KIND}), read back as a {@link
 * ReportView} with the acknowledgements held, and the data of their feed events.
 */
final class StoredReports {
  private StoredReports() {}

  static ReportView view(Store s, String id, SignedEnvelope env) {
    Briefing b = briefingOf(env);
    List<ReportView.Acknowledgement> acks = new ArrayList<>();
    String suffix = id.substring("report-".length());
    for (StoredRecord r : s.records(ReportService.ACK_KIND, null, null, Integer.MAX_VALUE)) {
      if (!r.id().endsWith("-" + suffix)
          || !r.id().equals("report-ack-" + r.origin() + "-" + suffix)) {
        continue;
      }
      SignedEnvelope a = parse(r.body());
      JsonNode p = a.payload();
      acks.add(
          new ReportView.Acknowledgement(
              a.signer(),
              p.path("officer").asText(),
              a.signedAt(),
              p.path("reportHash").asText(),
              p.path("figuresMatch").asBoolean(),
              p.hasNonNull("note") ? p.get("note").asText() : null,
              a.hash()));
    }
    acks.sort(Comparator.comparing(a -> a.bureau().code()));
    return new ReportView(
        id,
        env.payload().path("version").asLong(1),
        b,
        Hashes.sha256Hex(ReportService.canonical(b)),
        new ReportView.Proof(env.signer(), env.keyId(), env.signedAt(), env.hash()),
        acks);
  }

  static Briefing briefingOf(SignedEnvelope env) {
    try {
      return Json.mapper().treeToValue(env.payload().get("briefing"), Briefing.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a briefing", e);
    }
  }

  static Optional<SignedEnvelope> envelope(Store s, String id) {
    return s.record(id).map(r -> parse(r.body()));
  }

  static SignedEnvelope parse(String body) {
    return SignedRecords.envelope(body);
  }

  static void put(Store s, String id, String kind, SignedEnvelope env) {
    SignedRecords.put(s, id, kind, env);
  }

  static String json(SignedEnvelope env) {
    return SignedRecords.json(env);
  }

  static ReportEvent event(String id, SignedEnvelope env) {
    return new ReportEvent(id, env.signer(), env.hash());
  }
}
