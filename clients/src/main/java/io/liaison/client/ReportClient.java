package io.liaison.client;

import io.liaison.api.BureauId;
import io.liaison.api.report.AckRequest;
import io.liaison.api.report.IssueRequest;
import io.liaison.api.report.RegionalView;
import io.liaison.api.report.ReportList;
import io.liaison.api.report.ReportView;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The quarterly exchange (季度通报) on a node: {@code client.reports()}. Periods are written {@code
 * 2026Q2}, {@code 2026H1}, {@code 2026-04} or {@code 2026-04-01..2026-05-15}.
 */
public final class ReportClient {
  private static final String BASE = "/api/v1/reports";
  private final Transport transport;

  ReportClient(Transport transport) {
    this.transport = transport;
  }

  /** Computes, signs and shares this bureau's briefing for the period. */
  public ReportView issue(String period, String officer, String marketNotes) {
    return transport.send(
        Transport.jsonPost(transport.request(BASE), new IssueRequest(period, officer, marketNotes)),
        ReportView.class);
  }

  /** The reports this node holds, of one period or (null) all. */
  public ReportList list(String period) {
    return get(
        BASE + (period == null ? "" : "?period=" + ApiPaths.encode(period)), ReportList.class);
  }

  public ReportView get(BureauId bureau, String period) {
    return get(path(bureau, period), ReportView.class);
  }

  public RegionalView regional(String period) {
    return get(BASE + "/regional?period=" + ApiPaths.encode(period), RegionalView.class);
  }

  /** The canonical JSON of a bureau's briefing as the node computes it (not signed). */
  public byte[] preview(BureauId bureau, String period, String notes) {
    return bytes(
        BASE
            + "/preview?bureau="
            + bureau.code()
            + "&period="
            + ApiPaths.encode(period)
            + (notes == null ? "" : "&notes=" + ApiPaths.encode(notes)));
  }

  /** The report file for offline verification ({@link ReportFiles#verify}). */
  public byte[] file(BureauId bureau, String period) {
    return bytes(path(bureau, period) + "/file");
  }

  /** The signed report as a printable Chinese page (HTML, A4, charts as inline SVG). */
  public String page(BureauId bureau, String period) {
    return new String(bytes(path(bureau, period) + "/html"), StandardCharsets.UTF_8);
  }

  /** Signs this bureau's acknowledgement of a neighbour's report. */
  public ReportView acknowledge(BureauId bureau, String period, String officer, String note) {
    return transport.send(
        Transport.jsonPost(
            transport.request(path(bureau, period) + "/acks"), new AckRequest(officer, note)),
        ReportView.class);
  }

  private static String path(BureauId bureau, String period) {
    return BASE + "/" + bureau.code() + "/" + ApiPaths.encode(period);
  }

  private <T> T get(String path, Class<T> type) {
    return transport.send(transport.request(path).GET().build(), type);
  }

  private byte[] bytes(String path) {
    HttpRequest request = transport.request(path).GET().build();
    HttpResponse<byte[]> r =
        transport.authorized(request, HttpResponse.BodyHandlers.ofByteArray(), b -> b);
    if (r.statusCode() >= 400) {
      throw Answers.failure(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(""),
          r.body(),
          Duration.ZERO);
    }
    return r.body();
  }
}
