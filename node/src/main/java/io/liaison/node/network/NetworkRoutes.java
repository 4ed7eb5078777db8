package io.liaison.node.network;

import io.liaison.api.BureauId;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.MergeProposalList;
import io.liaison.api.network.NetworkEntry;
import io.liaison.api.network.NetworkList;
import io.liaison.api.network.ProposalView;
import io.liaison.api.network.RestrictedHitList;
import io.liaison.api.network.Verdict;
import io.liaison.node.access.Principals;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HTTP endpoints of networked cases: {@code GET /api/v1/networks} (networks spanning bureaus),
 * {@code GET /api/v1/networks/{id}} (with its graph and proposal), {@code GET
 * /api/v1/networks/proposals(/{id})} (merge proposals with their signed decisions and status),
 * {@code GET /api/v1/networks/hits} (hits on restricted records that concern this bureau) and
 * {@code POST /api/v1/networks/proposals/{id}/decision}.
 */
public final class NetworkRoutes {
  private final NetworkService networks;
  private final MergeService merges;
  private final HitService hits;

  public NetworkRoutes(NetworkService networks, MergeService merges, HitService hits) {
    this.networks = networks;
    this.merges = merges;
    this.hits = hits;
  }

  public void mount(Router router) {
    router.get("/api/v1/networks").handler(this::list);
    router.get("/api/v1/networks/hits").handler(this::hits);
    router.get("/api/v1/networks/proposals").handler(this::proposals);
    router.get("/api/v1/networks/proposals/:id").handler(this::proposal);
    router.post("/api/v1/networks/proposals/:id/decision").handler(this::decide);
    router.get("/api/v1/networks/:id").handler(this::network);
  }

  private void list(RoutingContext ctx) {
    networks
        .crossBorder()
        .compose(
            list ->
                networks
                    .proposalIdsByNetwork()
                    .map(
                        ids ->
                            NetworkList.of(
                                list.stream()
                                    .map(n -> new NetworkEntry(n, ids.get(n.id())))
                                    .toList())))
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  private void hits(RoutingContext ctx) {
    hits.mine()
        .onSuccess(list -> Bodies.reply(ctx, 200, RestrictedHitList.of(list)))
        .onFailure(ctx::fail);
  }

  private void network(RoutingContext ctx) {
    networks
        .detail(ctx.pathParam("id"))
        .map(d -> d.orElseThrow(() -> ApiException.notFound("no network " + ctx.pathParam("id"))))
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  private void proposals(RoutingContext ctx) {
    networks
        .proposals()
        .compose(
            list -> {
              List<Future<ProposalView>> views = new ArrayList<>();
              list.forEach(p -> views.add(view(p.id(), Optional.of(p))));
              return Future.all(views).map(cf -> views.stream().map(Future::result).toList());
            })
        .onSuccess(v -> Bodies.reply(ctx, 200, MergeProposalList.of(v)))
        .onFailure(ctx::fail);
  }

  private void proposal(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    networks
        .proposal(id)
        .compose(p -> view(id, p))
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  /** A proposal (as this node computes it, if it still does), its decisions and its status. */
  private Future<ProposalView> view(String id, Optional<MergeProposal> p) {
    return merges
        .decisions(id)
        .map(
            decided -> {
              if (p.isEmpty() && decided.isEmpty()) {
                throw ApiException.notFound("no merge proposal " + id);
              }
              List<BureauId> bureaus =
                  p.map(MergeProposal::bureaus)
                      .orElseGet(() -> decided.get(0).decision().bureaus());
              return new ProposalView(
                  id,
                  p.isPresent(),
                  p.orElse(null),
                  bureaus,
                  NetworkWire.status(MergeStatus.of(bureaus, decided)),
                  decided.stream().map(NetworkWire::decision).toList());
            });
  }

  /** The body of a decision; any other field is refused ({@code 422 unknown-field}). */
  record DecisionRequest(String decision, String officer, String leadBureau) {}

  private void decide(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    DecisionRequest body = Bodies.read(ctx, DecisionRequest.class);
    String officer = body.officer();
    if (officer == null || officer.isBlank()) {
      throw ApiException.unprocessable("invalid-field", "officer is required", "/officer");
    }
    Principals.requireSelf(ctx, officer);
    Verdict verdict;
    try {
      verdict = Verdict.valueOf(body.decision() == null ? "" : body.decision());
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable(
          "invalid-field", "decision must be ACCEPT or DECLINE", "/decision");
    }
    BureauId lead = null;
    if (body.leadBureau() != null) {
      try {
        lead = BureauId.of(body.leadBureau());
      } catch (IllegalArgumentException e) {
        throw ApiException.unprocessable("invalid-field", e.getMessage(), "/leadBureau");
      }
    }
    BureauId named = lead;
    networks
        .proposal(id)
        .compose(
            p -> {
              MergeProposal prop =
                  p.orElseThrow(() -> ApiException.notFound("no current merge proposal " + id));
              if (!prop.bureaus().contains(merges.bureau())) {
                throw ApiException.unprocessable(
                    "not-involved", "bureau " + merges.bureau() + " is not involved", "/officer");
              }
              if (named != null && !prop.bureaus().contains(named)) {
                throw ApiException.unprocessable(
                    "invalid-field",
                    "the lead bureau must be one of " + prop.bureaus(),
                    "/leadBureau");
              }
              BureauId leadBureau =
                  named == null && verdict == Verdict.ACCEPT ? prop.suggestedLead() : named;
              return merges.decide(
                  new MergeDecision(
                      id,
                      merges.bureau(),
                      verdict,
                      officer,
                      leadBureau,
                      MergeDecision.memberIds(prop),
                      prop.bureaus()));
            })
        .compose(s -> networks.proposal(id).compose(p -> view(id, p)))
        .onSuccess(v -> Bodies.reply(ctx, 201, v))
        .onFailure(ctx::fail);
  }
}
