package io.liaison.client;

import io.liaison.api.access.AccessLog;
import io.liaison.api.access.AccessLogEntry;
import io.liaison.api.access.EnrolledOfficer;
import io.liaison.api.access.OfficerList;
import io.liaison.api.access.OfficerSummary;
import io.liaison.api.access.SignedInOfficer;
import io.liaison.api.access.Tokens;
import io.liaison.api.admin.QuarantinePage;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadPage;
import io.liaison.api.lead.LeadView;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.api.network.MergeProposalList;
import io.liaison.api.network.NetworkEntry;
import io.liaison.api.network.NetworkList;
import io.liaison.api.network.ProposalView;
import io.liaison.api.network.RestrictedHit;
import io.liaison.api.network.RestrictedHitList;
import io.liaison.api.search.IdentifierPage;
import io.liaison.api.search.SearchPage;
import io.liaison.client.network.DecisionRequest;
import io.liaison.client.network.NetworkDetail;
import io.liaison.client.search.SearchQuery;
import io.liaison.crypto.RosterView;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The Java client of one Liaison node's HTTP API. Thread-safe; create one per node and reuse it.
 * Every call blocks. An error answer of the node throws {@link LiaisonClientException} carrying the
 * node's problem document; a node that cannot be reached throws {@link NodeUnreachableException}.
 *
 * <p>Every call but sign-in and the health probes needs a signed-in officer: {@link #login} first.
 * The client then sends the access token with each call and refreshes it by itself (shortly before
 * it expires, and once when the node refuses it), keeping the pair in its {@link TokenStore}.
 *
 * <p>Answers are read leniently (fields this client does not know are ignored, unknown enum values
 * become null) so that an older client keeps working against a newer node; requests are written
 * with the project's shared mapper. Endpoints without a typed method yet can be called through
 * {@link #get} and {@link #post}.
 *
 * <p>Why over 400 lines: one typed method per endpoint of the core API (sign-in and sessions,
 * leads, cases, search, networks, officers, audit, events), each a few lines over {@code
 * Transport}; the newer features have their own call classes ({@code PriceClient}, {@code
 * ReportClient}, {@code ActionCalls} …).
 */
public final class LiaisonClient {
  /** Where a client points when nothing else is said: the first demo node. */
  public static final URI DEFAULT_NODE = URI.create("http://127.0.0.1:8081");

  static final long DEFAULT_RETRY_MILLIS = 2_000;

  private final Transport transport;

  private LiaisonClient(Transport transport) {
    this.transport = transport;
  }

  /** A client of the node at {@code node} (e.g. {@code http://127.0.0.1:8081}) with defaults. */
  public static LiaisonClient create(URI node) {
    return builder(node).build();
  }

  public static Builder builder(URI node) {
    return new Builder(node);
  }

  /** The node this client talks to. */
  public URI node() {
    return transport.node();
  }

  // --- sign-in ----------------------------------------------------------------------------

  /** As {@link #login(String, char[], String)} without a second factor. */
  public Tokens login(String officer, char[] password) {
    return login(officer, password, null);
  }

  /**
   * Signs in as {@code officer} (e.g. {@code 150924-001}) with a password and, for an officer
   * enrolled with TOTP, the current six-digit code ({@code POST /api/v1/auth/login}). The session
   * replaces any earlier one of this client. Wrong credentials are 401 {@code invalid-credentials};
   * an officer locked out after failed attempts is 429 {@code locked-out} with {@link
   * LiaisonClientException#retryAfter()}.
   */
  public Tokens login(String officer, char[] password, String totp) {
    Objects.requireNonNull(officer, "officer");
    Objects.requireNonNull(password, "password");
    Map<String, String> body = new LinkedHashMap<>();
    body.put("officer", officer.strip());
    body.put("password", new String(password));
    if (totp != null && !totp.isBlank()) {
      body.put("totp", totp.strip());
    }
    return transport.login(body);
  }

  /** The current session's tokens, if signed in. */
  public Optional<Tokens> session() {
    return transport.current();
  }

  /**
   * Exchanges the refresh token for a new pair now ({@code POST /api/v1/auth/refresh}); calls do
   * this by themselves when needed. A refused refresh token ends the session (401).
   */
  public Tokens refresh() {
    return transport.refresh();
  }

  /** Who the node says the session belongs to ({@code GET /api/v1/auth/me}). */
  public SignedInOfficer whoami() {
    return get("/api/v1/auth/me", SignedInOfficer.class);
  }

  /**
   * Ends the session on the node ({@code POST /api/v1/auth/logout}: its tokens stop working at
   * once) and forgets it here, even when the node cannot be told (then the failure is thrown after
   * the tokens are forgotten). Signing out twice, or of a session the node already ended, is fine.
   */
  public void logout() {
    if (transport.current().isEmpty()) {
      return;
    }
    try {
      HttpRequest r =
          transport
              .request("/api/v1/auth/logout")
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      transport.authorized(r, BodyHandlers.ofByteArray(), b -> b);
    } catch (LiaisonClientException e) {
      if (e.status() != 401) {
        throw e;
      }
    } finally {
      transport.tokens().clear();
    }
  }

  // --- leads ------------------------------------------------------------------------------

  /** Posts a lead on this node for its bureau ({@code POST /api/v1/leads}); returns it signed. */
  public LeadView postLead(LeadDraft draft) {
    return post("/api/v1/leads", draft, LeadView.class);
  }

  /** One lead by id, verified by the node ({@code GET /api/v1/leads/{id}}). */
  public LeadView getLead(String id) {
    return get(ApiPaths.lead(id), LeadView.class);
  }

  /** One page of leads, newest first ({@code GET /api/v1/leads}). */
  public LeadPage listLeads(LeadQuery query) {
    return get(ApiPaths.leads(query), LeadPage.class);
  }

  /**
   * Applies one event of the lead's life (claim, hand-over, feedback, close …) as an officer of
   * this node's bureau ({@code POST /api/v1/leads/{id}/transitions}); returns the lead as it now
   * is. With an {@code idempotencyKey}, sending the same request again (after a timeout, say)
   * applies it at most once; null sends none.
   */
  public LeadView transition(String id, TransitionRequest request, String idempotencyKey) {
    HttpRequest.Builder rb = transport.request(ApiPaths.lead(id) + "/transitions");
    if (idempotencyKey != null) {
      rb.header("Idempotency-Key", idempotencyKey);
    }
    return transport.send(Transport.jsonPost(rb, request), LeadView.class);
  }

  /**
   * One page of this bureau's work list ({@code GET /api/v1/inbox}): {@code view} is one of open,
   * claimed, awaiting-feedback, overdue, handed-to-me, posted-by-me.
   */
  public LeadPage inbox(String view, int limit, String cursor) {
    return get(ApiPaths.inbox(view, limit, cursor), LeadPage.class);
  }

  // --- price agreements and mutual price checks ---------------------------------------------

  /** Groups, agreements, checks and their figures (价格互查). */
  public PriceClient price() {
    return new PriceClient(transport);
  }

  // --- quarterly exchange (季度通报) ------------------------------------------------------------

  /** Reports: issue, read, compare, acknowledge, the regional view, files (docs/reports.md). */
  public ReportClient reports() {
    return new ReportClient(transport);
  }

  // --- search and networked cases ----------------------------------------------------------

  /** One page of a search of the shared cases and readable leads ({@code GET /api/v1/search}). */
  public SearchPage search(SearchQuery query) {
    return get(ApiPaths.search(query), SearchPage.class);
  }

  /**
   * Every record naming one identifier, normalised first ({@code GET /api/v1/search/identifiers}):
   * {@code type} is PHONE, PLATE, ID_NUMBER, LICENCE, WAYBILL or ACCOUNT; at most {@code limit}
   * records, newest first. A value that is not an identifier of its type is 400 (field value).
   */
  public IdentifierPage lookup(String type, String value, int limit) {
    return get(ApiPaths.identifiers(type, value, limit), IdentifierPage.class);
  }

  /** The networks spanning two or more bureaus, largest first ({@code GET /api/v1/networks}). */
  public List<NetworkEntry> networks() {
    return get("/api/v1/networks", NetworkList.class).networks();
  }

  /** One network with its graph and merge proposal ({@code GET /api/v1/networks/{id}}). */
  public NetworkDetail network(String id) {
    return get(ApiPaths.network(id), NetworkDetail.class);
  }

  /** The current merge proposals with their decisions ({@code GET /api/v1/networks/proposals}). */
  public List<ProposalView> proposals() {
    return get("/api/v1/networks/proposals", MergeProposalList.class).proposals();
  }

  /** One merge proposal, current or decided on ({@code GET /api/v1/networks/proposals/{id}}). */
  public ProposalView proposal(String id) {
    return get(ApiPaths.proposal(id), ProposalView.class);
  }

  /**
   * This bureau's signed decision on a current merge proposal ({@code POST
   * /api/v1/networks/proposals/{id}/decision}; INVESTIGATOR or CHIEF); returns the proposal with
   * it. A second decision of the bureau is 409 {@code already-decided}.
   */
  public ProposalView decide(String proposalId, DecisionRequest decision) {
    return post(ApiPaths.proposal(proposalId) + "/decision", decision, ProposalView.class);
  }

  /** Hits on restricted records that concern this bureau ({@code GET /api/v1/networks/hits}). */
  public List<RestrictedHit> hits() {
    return get("/api/v1/networks/hits", RestrictedHitList.class).hits();
  }

  // --- trust, administration, health ------------------------------------------------------

  /** The roster in force on this node and the node's own bureau ({@code GET /api/v1/roster}). */
  public RosterView roster() {
    return get("/api/v1/roster", RosterView.class);
  }

  /** Records this node refused as invalid ({@code GET /api/v1/admin/quarantine}), latest first. */
  public QuarantinePage quarantine(int limit) {
    return get("/api/v1/admin/quarantine?limit=" + limit, QuarantinePage.class);
  }

  /** Enrols an officer of this node's bureau ({@code POST /api/v1/admin/officers}; ADMIN). */
  public EnrolledOfficer enrolOfficer(OfficerEnrolment officer) {
    return post("/api/v1/admin/officers", officer, EnrolledOfficer.class);
  }

  /** The officers of this node's bureau ({@code GET /api/v1/admin/officers}; ADMIN). */
  public List<OfficerSummary> officers() {
    return get("/api/v1/admin/officers", OfficerList.class).items();
  }

  /** Entries of the access log, oldest first ({@code GET /api/v1/admin/access-log}; AUDITOR). */
  public List<AccessLogEntry> accessLog(AccessLogQuery query) {
    return get(ApiPaths.accessLog(query), AccessLog.class).items();
  }

  /** Whether the node is live and ready; throws only when it cannot be reached at all. */
  public Health health() {
    return new Health(probe("/health/live"), probe("/health/ready"));
  }

  private boolean probe(String path) {
    HttpResponse<byte[]> r =
        transport.exchange(transport.request(path).GET().build(), BodyHandlers.ofByteArray());
    if (r.statusCode() == 200 || r.statusCode() == 503) {
      return r.statusCode() == 200;
    }
    throw transport.failure(r, r.body());
  }

  // --- events -----------------------------------------------------------------------------

  /**
   * Opens the node's event stream ({@code GET /api/v1/events}). With {@code lastEventId} the node
   * first replays every event after it, then continues live; without, the stream starts with the
   * next event.
   */
  public EventStream openEvents(String lastEventId) {
    HttpRequest.Builder rb =
        transport.stream("/api/v1/events").header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      rb.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> r =
        transport.authorized(rb.build(), BodyHandlers.ofInputStream(), Transport::drain);
    return new EventStream(node(), r.body(), lastEventId);
  }

  /** As {@link #followEvents(String, Predicate, Consumer)}, reconnecting silently. */
  public String followEvents(String lastEventId, Predicate<ServerSentEvent> onEvent) {
    return followEvents(lastEventId, onEvent, broken -> {});
  }

  /**
   * Follows the event stream until {@code onEvent} returns false or the thread is interrupted, like
   * a browser's EventSource: when the connection breaks or the node ends the stream, it waits the
   * delay the node asked for ({@code retry:}) and reconnects with {@code Last-Event-ID} (and a
   * fresh token), so no event is missed or repeated. {@code onBreak} is told of each break. The
   * first connection is not retried: an unreachable node or an error answer is thrown.
   *
   * @return the id of the last event seen (to resume from later)
   */
  public String followEvents(
      String lastEventId, Predicate<ServerSentEvent> onEvent, Consumer<Throwable> onBreak) {
    String resume = lastEventId;
    long retry = DEFAULT_RETRY_MILLIS;
    boolean connected = false;
    while (!Thread.currentThread().isInterrupted()) {
      EventStream stream;
      try {
        stream = openEvents(resume);
        connected = true;
      } catch (NodeUnreachableException e) {
        if (!connected) {
          throw e;
        }
        onBreak.accept(e);
        if (!pause(retry)) {
          break;
        }
        continue;
      }
      Throwable broken = null;
      try (stream) {
        var next = stream.next();
        while (next.isPresent()) {
          if (!onEvent.test(next.get())) {
            return stream.lastEventId();
          }
          next = stream.next();
        }
      } catch (NodeUnreachableException e) {
        broken = e;
      } finally {
        resume = stream.lastEventId();
        retry = stream.retryMillis().orElse(retry);
      }
      onBreak.accept(broken != null ? broken : new IOException("the node ended the stream"));
      if (!pause(retry)) {
        break;
      }
    }
    return resume;
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // --- generic calls ----------------------------------------------------------------------

  /** {@code GET} of {@code pathAndQuery} (e.g. {@code /api/v1/leads?limit=5}) read as {@code T}. */
  public <T> T get(String pathAndQuery, Class<T> type) {
    return transport.send(transport.request(pathAndQuery).GET().build(), type);
  }

  /** {@code POST} of {@code body} as JSON to {@code path}, the answer read as {@code T}. */
  public <T> T post(String path, Object body, Class<T> type) {
    return transport.send(Transport.jsonPost(transport.request(path), body), type);
  }

  /** {@code PUT} of {@code body} as JSON to {@code path}, the answer read as {@code T}. */
  public <T> T put(String path, Object body, Class<T> type) {
    return transport.send(Transport.jsonPut(transport.request(path), body), type);
  }

  /** Joint operations (联合行动): plans, their steps, deconfliction alerts. */
  public io.liaison.client.action.ActionCalls actions() {
    return new io.liaison.client.action.ActionCalls(this);
  }

  /** Shared cases that reached the agreed major-case value (大要案), newest first. */
  public io.liaison.api.cases.MajorCaseAlert.Page majorCases(int limit) {
    return get(
        "/api/v1/major-cases?limit=" + limit, io.liaison.api.cases.MajorCaseAlert.Page.class);
  }

  /** Major-case notices on leads (重大案件及时上报), newest first. */
  public io.liaison.api.major.MajorLeadPage majorLeads(int limit) {
    return get("/api/v1/major-leads?limit=" + limit, io.liaison.api.major.MajorLeadPage.class);
  }

  /** The four forms of leads and cases (登记台帐, 调查表, 处理表, 反馈表). */
  public io.liaison.client.forms.FormCalls forms() {
    return new io.liaison.client.forms.FormCalls(this);
  }

  /** {@code GET} of a binary answer (a workbook, a page), the body as bytes; errors thrown. */
  public byte[] bytes(String pathAndQuery) {
    HttpRequest request = transport.request(pathAndQuery).GET().build();
    HttpResponse<byte[]> r = transport.authorized(request, BodyHandlers.ofByteArray(), b -> b);
    if (r.statusCode() / 100 != 2) {
      throw transport.failure(r, r.body());
    }
    return r.body();
  }

  /** Imports of this bureau's case register (CSV, XLSX) and its saved column mapping. */
  public CaseImportCalls caseImports() {
    return new CaseImportCalls(this, transport);
  }

  /** This bureau's area and the shared records that touch it. */
  public io.liaison.client.area.AreaCalls area() {
    return new io.liaison.client.area.AreaCalls(this);
  }

  /** Lead sources and informants (线源, 举报人, 举报信息台帐). */
  public io.liaison.client.informant.InformantCalls informants() {
    return new io.liaison.client.informant.InformantCalls(this);
  }

  /** The rules the bureaus agree and all sign (feedback period, major-case value). */
  public io.liaison.client.settings.SettingsCalls settings() {
    return new io.liaison.client.settings.SettingsCalls(this);
  }

  /** The reward ledger (奖励兑现): sharing rule, settlements, credits, statement. */
  public io.liaison.client.reward.RewardCalls rewards() {
    return new io.liaison.client.reward.RewardCalls(this);
  }

  /** Options of a client; every one has a sensible default. */
  public static final class Builder {
    private final URI node;
    private HttpClient http;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private TokenStore tokens = TokenStore.inMemory();
    private Clock clock = Clock.systemUTC();
    private Duration refreshAhead = Duration.ofSeconds(30);
    private String acceptLanguage;

    private Builder(URI node) {
      Objects.requireNonNull(node, "node");
      String scheme = node.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || node.getHost() == null) {
        throw new IllegalArgumentException("node must be an http(s) URL, e.g. " + DEFAULT_NODE);
      }
      if (node.getQuery() != null || node.getFragment() != null) {
        throw new IllegalArgumentException("node URL must not have a query or fragment: " + node);
      }
      this.node = node;
    }

    /** Use this HTTP client (its own timeouts, proxy, TLS settings) instead of a new one. */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = Objects.requireNonNull(d, "connectTimeout");
      return this;
    }

    /** The limit for one ordinary request; event streams have none. */
    public Builder requestTimeout(Duration d) {
      this.requestTimeout = Objects.requireNonNull(d, "requestTimeout");
      return this;
    }

    /** Where the session's tokens are kept (default: in memory, for this client's life). */
    public Builder tokenStore(TokenStore store) {
      this.tokens = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The clock that decides when the access token is due for a refresh (tests: a fixed one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Refresh the access token when it expires within this (default 30 s). */
    public Builder refreshAhead(Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("refreshAhead must be zero or more");
      }
      this.refreshAhead = d;
      return this;
    }

    /**
     * The languages the node's problem documents should be in (an {@code Accept-Language} value,
     * e.g. {@code zh-CN}); default none: English.
     */
    public Builder acceptLanguage(String value) {
      this.acceptLanguage = value == null || value.isBlank() ? null : value.strip();
      return this;
    }

    public LiaisonClient build() {
      HttpClient client =
          http != null
              ? http
              : HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
      return new LiaisonClient(
          new Transport(node, client, requestTimeout, tokens, clock, refreshAhead, acceptLanguage));
    }
  }
}
