package io.liaison.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.price.AgreementView;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.CheckView;
import io.liaison.api.price.ComplianceFigures;
import io.liaison.api.price.Dimension;
import io.liaison.api.price.FindingsRequest;
import io.liaison.api.price.GroupView;
import io.liaison.api.price.ImportResult;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceGap;
import io.liaison.api.price.PriceMeeting;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.RepeatDeviator;
import io.liaison.api.price.SelfDisciplineGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Price agreements and mutual price checks (价格互查) on a node: {@code client.price()}. Each method is
 * one request to {@code /api/v1/price/…}; errors are {@link LiaisonClientException}s with the
 * problem document (an import's bad rows are its {@code errors}, one per row and column).
 */
public final class PriceClient {
  private static final String BASE = "/api/v1/price";
  private final Transport transport;

  PriceClient(Transport transport) {
    this.transport = transport;
  }

  public List<GroupView> groups(BureauId bureau) {
    return list(BASE + "/groups" + query("bureau", bureau), GroupView.class);
  }

  public GroupView group(String id) {
    return get(BASE + "/groups/" + ApiPaths.encode(id), GroupView.class);
  }

  /** Creates the group or signs its next version. */
  public GroupView saveGroup(SelfDisciplineGroup group) {
    return transport.send(
        json(transport.request(BASE + "/groups/" + ApiPaths.encode(group.id())), "PUT", group),
        GroupView.class);
  }

  public List<AgreementView> agreements(BureauId bureau, LocalDate on) {
    return list(BASE + "/agreements" + query("bureau", bureau, "on", on), AgreementView.class);
  }

  public AgreementView agreement(String groupId, LocalDate on) {
    return get(
        BASE + "/agreements/" + ApiPaths.encode(groupId) + query("on", on), AgreementView.class);
  }

  /** Signs a new version of a group's agreement, in force from its {@code validFrom}. */
  public AgreementView addAgreement(PriceAgreement agreement) {
    return post(BASE + "/agreements", agreement, AgreementView.class);
  }

  public PriceSettings settings(BureauId bureau) {
    return get(BASE + "/settings/" + bureau.code(), PriceSettings.class);
  }

  public PriceSettings saveSettings(PriceSettings settings) {
    return transport.send(
        json(transport.request(BASE + "/settings"), "PUT", settings), PriceSettings.class);
  }

  public List<CheckView> checks() {
    return list(BASE + "/checks", CheckView.class);
  }

  public CheckView check(String id) {
    return get(BASE + "/checks/" + ApiPaths.encode(id), CheckView.class);
  }

  /** Plans a check (sealed from the checked bureau until findings are recorded). */
  public CheckView plan(CheckPlan plan) {
    return post(BASE + "/checks", plan, CheckView.class);
  }

  public CheckView record(String checkId, FindingsRequest findings) {
    return post(
        BASE + "/checks/" + ApiPaths.encode(checkId) + "/findings", findings, CheckView.class);
  }

  /** Imports a check sheet ({@code .csv} in UTF-8 or {@code .xlsx}); all rows or none. */
  public ImportResult importSheet(String checkId, String officer, Path sheet) {
    String type =
        sheet.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8";
    byte[] body;
    try {
      body = Files.readAllBytes(sheet);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sheet, e);
    }
    HttpRequest r =
        transport
            .request(
                BASE
                    + "/checks/"
                    + ApiPaths.encode(checkId)
                    + "/import"
                    + query("officer", officer))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return transport.send(r, ImportResult.class);
  }

  public ComplianceFigures compliance(Dimension by, LocalDate from, LocalDate to, BureauId bureau) {
    return get(
        BASE + "/compliance" + query("by", by, "from", from, "to", to, "bureau", bureau),
        ComplianceFigures.class);
  }

  public List<RepeatDeviator> deviators(LocalDate from, LocalDate to, BureauId bureau, int min) {
    return list(
        BASE + "/deviators" + query("from", from, "to", to, "bureau", bureau, "min", min),
        RepeatDeviator.class);
  }

  /** Gaps across the region's border pairs, or the pairs given ({@code 140222-150924}). */
  public List<PriceGap> gaps(LocalDate from, LocalDate to, List<String> pairs) {
    List<Object> q = new ArrayList<>(java.util.Arrays.asList("from", from, "to", to));
    for (String p : pairs) {
      q.add("pair");
      q.add(p);
    }
    return list(BASE + "/gaps" + query(q.toArray()), PriceGap.class);
  }

  public List<PriceMeeting> meetings() {
    return list(BASE + "/meetings", PriceMeeting.class);
  }

  public PriceMeeting recordMeeting(PriceMeeting meeting) {
    return post(BASE + "/meetings", meeting, PriceMeeting.class);
  }

  private <T> T get(String path, Class<T> type) {
    return transport.send(transport.request(path).GET().build(), type);
  }

  private <T> T post(String path, Object body, Class<T> type) {
    return transport.send(Transport.jsonPost(transport.request(path), body), type);
  }

  private <T> List<T> list(String path, Class<T> type) {
    HttpRequest request = transport.request(path).GET().build();
    HttpResponse<byte[]> r =
        transport.authorized(request, HttpResponse.BodyHandlers.ofByteArray(), b -> b);
    return Answers.list(r.statusCode(), r.body(), "items", type);
  }

  private static HttpRequest json(HttpRequest.Builder rb, String method, Object body) {
    try {
      return rb.header("Content-Type", "application/json; charset=utf-8")
          .method(
              method, HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON", e);
    }
  }

  /** {@code ?a=1&b=2}, leaving out null values. */
  private static String query(Object... kv) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        continue;
      }
      sb.append(sb.length() == 0 ? '?' : '&')
          .append(kv[i])
          .append('=')
          .append(ApiPaths.encode(String.valueOf(kv[i + 1])));
    }
    return sb.toString();
  }
}
