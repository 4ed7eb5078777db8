package io.liaison.node.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.report.AckRequest;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.IssueRequest;
import io.liaison.api.report.Period;
import io.liaison.api.report.RegionalView;
import io.liaison.api.report.ReportView;
import io.liaison.api.settings.RegionSettings;
import io.liaison.crypto.CanonicalJson;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.NotFound;
import io.liaison.node.events.EventFeed;
import io.liaison.node.price.PriceService;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quarterly exchange (每季度互相通报): a bureau signs its {@link Briefing} for a period and shares it
 * on the grid ({@value #MAP}, key {@code report-<bureau>-<period>}); neighbours verify it, recount
 * the figures from the records they hold, and sign an acknowledgement (key {@code
 * report-ack-<reader>-<bureau>-<period>}) that says whether their recount matched. Every value is
 * one signed envelope; a report issued again for the same period is the next version, chained by
 * {@code prevHash}. Stored changes are announced on the event feed ({@value #ISSUED}, {@value
 * #ACKNOWLEDGED}).
 *
 * <p>What a report counts is {@link ReportCounts} (and the figures {@link ReportEngine}); how the
 * signed envelopes are stored and read back is {@link StoredReports}.
 */
public final class ReportService {
  private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
  public static final String MAP = "liaison.reports";
  public static final String KIND = "report";
  public static final String ACK_KIND = "report-ack";
  public static final String TYPE = "report.briefing";
  public static final String ACK_TYPE = "report.ack";
  public static final String ISSUED = "report.issued";
  public static final String ACKNOWLEDGED = "report.acknowledged";

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final IMap<String, String> grid;
  private final EventFeed feed;
  private final Quarantine quarantine;
  private final Clock clock;
  private final ReportCounts counts;
  private final GridReconciler reconciler;

  public ReportService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      EventFeed feed,
      Quarantine quarantine,
      PriceService prices,
      Function<Instant, Optional<RegionSettings>> settings,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.grid = grid;
    this.feed = feed;
    this.quarantine = quarantine;
    this.clock = clock;
    this.counts = new ReportCounts(vertx, store, trust, prices, settings, clock);
    counts.warm();
    this.reconciler = new GridReconciler(vertx, store, grid, KIND, this::receive, quarantine);
  }

  public GridReconciler reconciler() {
    return reconciler;
  }

  public BureauId bureau() {
    return trust.bureau();
  }

  public static String key(BureauId bureau, Period period) {
    return "report-" + bureau.code() + "-" + period.label();
  }

  static String ackKey(BureauId reader, String reportKey) {
    return "report-ack-" + reader.code() + "-" + reportKey.substring("report-".length());
  }

  /** The canonical bytes (RFC 8785) of a briefing: what is signed, the same on every node. */
  public static byte[] canonical(Briefing b) {
    return CanonicalJson.canonicalize(Json.mapper().valueToTree(b));
  }

  // --- computing (ReportCounts) -----------------------------------------------------------

  /**
   * The briefing of {@code bureau} for {@code period} from this node's records as of now (not
   * signed).
   */
  public Future<Briefing> compute(BureauId bureau, Period period, String notes) {
    return counts.compute(bureau, period, notes);
  }

  /**
   * Every roster bureau side by side with the period before and the year before: one pass over the
   * records for all bureaus and the three periods ({@link ReportEngine#totals}).
   */
  public Future<RegionalView> regional(Period period) {
    return counts.regional(period);
  }

  // --- issuing and acknowledging ------------------------------------------------------------

  /** Computes, signs, stores and shares this bureau's briefing for the period. */
  public Future<ReportView> issue(IssueRequest req) {
    Period period = Period.parse(req.period());
    BureauId own = trust.bureau();
    String id = key(own, period);
    // counted as of the signing time, which a neighbour's recount uses
    Instant now = now();
    return counts
        .compute(own, period, req.marketNotes(), now)
        .compose(
            b ->
                store.transaction(
                    s -> {
                      Optional<SignedEnvelope> prev = StoredReports.envelope(s, id);
                      long version =
                          prev.map(p -> p.payload().path("version").asLong()).orElse(0L) + 1;
                      ObjectNode payload = Json.mapper().createObjectNode();
                      payload.put("type", TYPE);
                      payload.put("version", version);
                      payload.put("officer", req.officer());
                      payload.set("briefing", Json.mapper().valueToTree(b));
                      SignedEnvelope env =
                          trust.sign(
                              payload, prev.map(SignedEnvelope::hash).orElse(Hashes.GENESIS), now);
                      StoredReports.put(s, id, KIND, env);
                      audit.append(s, id, env, now);
                      return new Signed(
                          id, env, feed.append(s, ISSUED, id, null, StoredReports.event(id, env)));
                    }))
        .compose(this::share)
        .compose(env -> view(id))
        .onSuccess(v -> LOG.info("report issued report={} version={}", id, v.version()));
  }

  /**
   * Signs this bureau's acknowledgement of a neighbour's report: the report's envelope hash and
   * whether this node's own recount of the issuer's figures (same period, same market text) equals
   * what the issuer signed.
   */
  public Future<ReportView> acknowledge(BureauId bureau, Period period, AckRequest req) {
    String id = key(bureau, period);
    if (bureau.equals(trust.bureau())) {
      throw new Conflict("own-report", "a bureau acknowledges its neighbours' reports");
    }
    return store
        .call(s -> StoredReports.envelope(s, id))
        .compose(
            env -> {
              if (env.isEmpty()) {
                return Future.failedFuture(new NotFound("no report " + id));
              }
              Briefing signed = StoredReports.briefingOf(env.get());
              return counts
                  .compute(bureau, period, signed.marketNotes(), env.get().signedAt())
                  .map(mine -> new Object[] {env.get(), mine.equals(signed)});
            })
        .compose(
            pair ->
                store.transaction(
                    s -> {
                      SignedEnvelope report = (SignedEnvelope) pair[0];
                      boolean match = (Boolean) pair[1];
                      String ackId = ackKey(trust.bureau(), id);
                      ObjectNode payload = Json.mapper().createObjectNode();
                      payload.put("type", ACK_TYPE);
                      payload.put("report", id);
                      payload.put("reportHash", report.hash());
                      payload.put("figuresMatch", match);
                      payload.put("officer", req.officer());
                      if (req.note() != null) {
                        payload.put("note", req.note());
                      }
                      Instant now = now();
                      Optional<SignedEnvelope> prev = StoredReports.envelope(s, ackId);
                      SignedEnvelope ack =
                          trust.sign(
                              payload, prev.map(SignedEnvelope::hash).orElse(Hashes.GENESIS), now);
                      StoredReports.put(s, ackId, ACK_KIND, ack);
                      audit.append(s, ackId, ack, now);
                      return new Signed(
                          ackId,
                          ack,
                          feed.append(s, ACKNOWLEDGED, id, null, StoredReports.event(id, ack)));
                    }))
        .compose(this::share)
        .compose(a -> view(id));
  }

  /** What a store transaction signed and stored, and its feed event (told after the commit). */
  private record Signed(String id, SignedEnvelope env, StoredEvent event) {}

  private Future<SignedEnvelope> share(Signed signed) {
    feed.publish(signed.event());
    return Future.fromCompletionStage(grid.setAsync(signed.id(), StoredReports.json(signed.env())))
        .map(signed.env());
  }

  /** Takes a report or acknowledgement seen on the grid: verified, signer matches the key. */
  public Future<Boolean> receive(String key, String json) {
    SignedEnvelope env;
    try {
      env = SignedEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return refuse(key, "MALFORMED", "not a signed envelope", json);
    }
    String type = env.payload().path("type").asText();
    boolean isAck = key.startsWith("report-ack-");
    String expectedPrefix =
        isAck ? "report-ack-" + env.signer().code() + "-" : "report-" + env.signer().code() + "-";
    if (!trust.verify(env).isValid()
        || !key.startsWith(expectedPrefix)
        || !(isAck ? ACK_TYPE : TYPE).equals(type)) {
      return refuse(key, "BAD_REPORT", "signature, signer or type wrong", json);
    }
    if (!isAck) {
      try {
        Briefing b = StoredReports.briefingOf(env);
        if (!key.equals(key(b.bureau(), b.period()))) {
          return refuse(key, "MISMATCH", "briefing stored under another key", json);
        }
      } catch (RuntimeException e) {
        return refuse(key, "SCHEMA", "not a valid briefing", json);
      }
    }
    return store
        .transaction(
            s -> {
              long incoming = env.payload().path("version").asLong(1);
              Optional<SignedEnvelope> cur = StoredReports.envelope(s, key);
              if (cur.isPresent()
                  && (cur.get().hash().equals(env.hash())
                      || (!isAck && cur.get().payload().path("version").asLong(1) >= incoming)
                      || (isAck && !cur.get().signedAt().isBefore(env.signedAt())))) {
                return Optional.<StoredEvent>empty();
              }
              StoredReports.put(s, key, isAck ? ACK_KIND : KIND, env);
              String reportId = isAck ? env.payload().path("report").asText() : key;
              return Optional.of(
                  feed.append(
                      s,
                      isAck ? ACKNOWLEDGED : ISSUED,
                      reportId,
                      null,
                      StoredReports.event(reportId, env)));
            })
        .map(
            stored -> {
              stored.ifPresent(
                  e -> {
                    feed.publish(e);
                    LOG.info(
                        "report received key={} signer={} by={}",
                        key,
                        env.signer(),
                        trust.bureau());
                  });
              return stored.isPresent();
            });
  }

  private Future<Boolean> refuse(String key, String reason, String detail, String json) {
    return quarantine
        .add("report/" + key, reason, detail, json)
        .compose(v -> reconciler.repair(key, json))
        .map(false);
  }

  // --- reading ------------------------------------------------------------------------------

  public Future<ReportView> view(BureauId bureau, Period period) {
    return view(key(bureau, period));
  }

  private Future<ReportView> view(String id) {
    return store.call(
        s -> {
          SignedEnvelope env =
              StoredReports.envelope(s, id).orElseThrow(() -> new NotFound("no report " + id));
          return StoredReports.view(s, id, env);
        });
  }

  /** Every report this node holds for the period, by bureau. */
  public Future<List<ReportView>> list(Period period) {
    return store.call(
        s -> {
          List<ReportView> out = new ArrayList<>();
          for (StoredRecord r : s.records(KIND, null, null, Integer.MAX_VALUE)) {
            if (period == null || r.id().endsWith("-" + period.label())) {
              out.add(StoredReports.view(s, r.id(), StoredReports.parse(r.body())));
            }
          }
          out.sort(Comparator.comparing(ReportView::id));
          return out;
        });
  }

  /**
   * The printable page of a signed report ({@link ReportPage}), with this node's recount of the
   * bureau's period before and year before for the 环比/同比 chart.
   */
  public Future<String> page(BureauId bureau, Period period) {
    return view(bureau, period)
        .compose(
            v ->
                counts
                    .records()
                    .compose(
                        r ->
                            blocking(
                                () ->
                                    ReportPage.html(
                                        v, this::name, counts.comparison(r, bureau, period)))));
  }

  /** A bureau's name as the roster has it, else its code. */
  String name(BureauId b) {
    return trust.roster().members().stream()
        .filter(m -> m.bureau().equals(b))
        .map(Member::name)
        .filter(n -> n != null && !n.isBlank())
        .findFirst()
        .orElse(b.code());
  }

  /** The signed envelope of a report, for the offline file. */
  public Future<SignedEnvelope> envelope(BureauId bureau, Period period) {
    String id = key(bureau, period);
    return store.call(
        s -> StoredReports.envelope(s, id).orElseThrow(() -> new NotFound("no report " + id)));
  }

  public TrustService trust() {
    return trust;
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
