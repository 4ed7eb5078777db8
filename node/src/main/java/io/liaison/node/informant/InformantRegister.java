package io.liaison.node.informant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.informant.LeadSource;
import io.liaison.api.informant.ReportDraft;
import io.liaison.api.informant.ReportEntry;
import io.liaison.api.informant.RewardRequest;
import io.liaison.api.informant.RewardStatus;
import io.liaison.api.lead.LeadView;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.OfficerSealed;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.access.Principal;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.NotFound;
import io.liaison.node.trust.SignedRecords;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The register of lead sources: recording a source, its reward status, and reading lines. */
final class InformantRegister {
  private static final Logger LOG = LoggerFactory.getLogger(InformantRegister.class);
  private final InformantParts parts;

  InformantRegister(InformantParts parts) {
    this.parts = parts;
  }

  /** How far a report's time may run ahead of this node's clock (clocks of bureaus differ). */
  static final Duration RECEIVED_AHEAD = Duration.ofMinutes(5);

  /** How long before its lead was posted a report may have come in. */
  static final Duration RECEIVED_BEFORE_POST = Duration.ofDays(366);

  /**
   * A report's time is signed and shared as its date (the register and any reward deadline read
   * it): not in the future, nor more than a year before its lead was posted (review-3 F25).
   */
  static void checkReceivedAt(Instant receivedAt, Instant postedAt, Instant now) {
    if (receivedAt == null) {
      return;
    }
    if (receivedAt.isAfter(now.plus(RECEIVED_AHEAD))) {
      throw new Invalid("invalid-field", "receivedAt is in the future", "/receivedAt");
    }
    if (postedAt != null && receivedAt.isBefore(postedAt.minus(RECEIVED_BEFORE_POST))) {
      throw new Invalid(
          "invalid-field",
          "receivedAt is more than "
              + RECEIVED_BEFORE_POST.toDays()
              + " days before the lead was posted",
          "/receivedAt");
    }
  }

  /** Records where one of this bureau's leads came from, with the sealed identity. */
  Future<ReportEntry> record(Principal p, ReportDraft d) {
    return parts
        .leads
        .apply(d.leadId())
        .recover(
            e -> Future.failedFuture(new Invalid("no-lead", "no lead " + d.leadId(), "/leadId")))
        .compose(
            view -> {
              if (!view.originBureau().equals(p.bureau())) {
                throw new Invalid(
                    "not-own-lead",
                    "only the bureau that posted a lead records its source",
                    "/leadId");
              }
              if (d.informant() != null && view.lead() != null) {
                IdentitySeals.refuseIdentityInLead(view.lead(), d.informant());
              }
              Instant now = parts.now();
              checkReceivedAt(d.receivedAt(), view.postedAt(), now);
              return parts.store.transaction(
                  s -> {
                    String id = InformantService.sourceKey(d.leadId());
                    if (s.record(id).isPresent()) {
                      throw new Conflict(
                          "source-recorded", "the source of lead " + d.leadId() + " is recorded");
                    }
                    OfficerSealed sealed = null;
                    if (d.informant() != null) {
                      sealed = IdentitySeals.seal(s, parts.trust, view, d, p.bureau());
                    }
                    ObjectNode payload = Json.mapper().createObjectNode();
                    payload.put("type", InformantService.SOURCE);
                    payload.put("leadId", d.leadId());
                    payload.put("bureau", p.bureau().code());
                    payload.put("officer", p.officer());
                    payload.put("source", d.source().name());
                    payload.put(
                        "receivedAt",
                        (d.receivedAt() == null
                                ? now
                                : d.receivedAt().truncatedTo(ChronoUnit.MILLIS))
                            .toString());
                    payload.put("recordedAt", now.toString());
                    payload.put("version", 1);
                    ObjectNode reward = payload.putObject("reward");
                    reward.put("status", RewardStatus.NOT_APPLIED.name());
                    reward.put("at", now.toString());
                    reward.put("officer", p.officer());
                    if (sealed != null) {
                      payload.set("identity", Json.mapper().valueToTree(sealed));
                    }
                    return parts.signAndKeep(s, id, payload, Hashes.GENESIS, now);
                  });
            })
        .compose(env -> parts.share(InformantService.sourceKey(d.leadId()), env))
        .compose(env -> entry(p, d.leadId()))
        .onSuccess(
            e ->
                LOG.info(
                    "lead source recorded lead={} bureau={} source={} sealed={}",
                    e.leadId(),
                    e.bureau(),
                    e.source(),
                    e.identitySealed()));
  }

  /**
   * A new reward status of one of this bureau's reports (signed, next version), as {@link
   * RewardSteps} allows: paying out or refusing is the chief's.
   */
  Future<ReportEntry> reward(Principal p, String leadId, RewardRequest r) {
    Instant now = parts.now();
    String id = InformantService.sourceKey(leadId);
    return parts
        .store
        .transaction(
            s -> {
              SignedEnvelope prev =
                  s.record(id)
                      .map(x -> SignedRecords.envelope(x.body()))
                      .orElseThrow(() -> new NotFound("no report for lead " + leadId));
              if (!prev.signer().equals(p.bureau())) {
                throw new NotFound("no report for lead " + leadId);
              }
              RewardSteps.check(
                  p,
                  RewardStatus.valueOf(
                      prev.payload()
                          .path("reward")
                          .path("status")
                          .asText(RewardStatus.NOT_APPLIED.name())),
                  r.status());
              ObjectNode payload = prev.payload().deepCopy();
              payload.put("version", payload.path("version").asLong() + 1);
              ObjectNode reward = payload.putObject("reward");
              reward.put("status", r.status().name());
              if (r.note() != null) {
                reward.put("note", r.note());
              }
              reward.put("at", now.toString());
              reward.put("officer", p.officer());
              return parts.signAndKeep(s, id, payload, prev.hash(), now);
            })
        .compose(env -> parts.share(id, env))
        .compose(env -> entry(p, leadId));
  }

  /** The register: this bureau's reports, and others' that the signed-in officer may open. */
  Future<ReportEntry.Page> register(Principal p, int limit) {
    return parts
        .store
        .call(
            s ->
                s
                    .recordsWhere(
                        InformantService.KIND, "id LIKE 'source-%'", List.of(), null, 10_000)
                    .stream()
                    .map(r -> SignedRecords.envelope(r.body()))
                    .filter(e -> IdentitySeals.visible(p, e))
                    .limit(limit)
                    .map(e -> e.payload().path("leadId").asText())
                    .toList())
        .compose(
            ids -> {
              List<Future<ReportEntry>> all = new ArrayList<>();
              ids.forEach(id -> all.add(entry(p, id)));
              return Future.all(all).map(c -> new ReportEntry.Page(c.<ReportEntry>list()));
            });
  }

  /** One line of the register, to the bureau's officers and the chosen officers. */
  Future<ReportEntry> entry(Principal p, String leadId) {
    return parts
        .store
        .call(
            s -> {
              SignedEnvelope env = IdentitySeals.sourceOf(s, leadId);
              if (!IdentitySeals.visible(p, env)) {
                throw new NotFound("no report for lead " + leadId);
              }
              List<ReportEntry.Opening> openings =
                  s
                      .recordsWhere(
                          InformantService.KIND,
                          "id LIKE ?",
                          List.of("opened-" + leadId + "-%"),
                          null,
                          1000)
                      .stream()
                      .map(r -> SignedRecords.envelope(r.body()).payload())
                      .map(
                          o ->
                              new ReportEntry.Opening(
                                  o.path("officer").asText(),
                                  BureauId.of(o.path("bureau").asText()),
                                  Instant.parse(o.path("at").asText())))
                      .sorted(Comparator.comparing(ReportEntry.Opening::at))
                      .toList();
              List<ReportEntry.Resealing> resealings =
                  IdentitySeals.reseals(s, leadId).stream()
                      .map(SignedEnvelope::payload)
                      .map(
                          o ->
                              new ReportEntry.Resealing(
                                  o.path("officer").asText(),
                                  BureauId.of(o.path("bureau").asText()),
                                  o.path("opener").asText(),
                                  Instant.parse(o.path("at").asText())))
                      .toList();
              return new Held(env, openings, IdentitySeals.unreadableFor(s, env), resealings);
            })
        .compose(
            x ->
                parts
                    .leads
                    .apply(leadId)
                    .map(Optional::of)
                    .recover(e -> Future.succeededFuture(Optional.empty()))
                    .map(view -> line(x, view.orElse(null))));
  }

  /** What the store holds for one line. */
  private record Held(
      SignedEnvelope env,
      List<ReportEntry.Opening> openings,
      List<String> unreadableFor,
      List<ReportEntry.Resealing> resealings) {}

  private static ReportEntry line(Held held, LeadView view) {
    SignedEnvelope env = held.env();
    JsonNode p = env.payload();
    JsonNode identity = p.get("identity");
    List<String> openers =
        identity == null
            ? List.of()
            : IdentitySeals.sealedOf(identity).openers().stream()
                .map(OfficerSealed.Opener::officer)
                .toList();
    JsonNode reward = p.path("reward");
    var status = view == null ? null : view.status();
    return new ReportEntry(
        p.path("leadId").asText(),
        env.signer(),
        p.path("officer").asText(),
        LeadSource.valueOf(p.path("source").asText()),
        Instant.parse(p.path("receivedAt").asText()),
        Instant.parse(p.path("recordedAt").asText()),
        p.path("version").asLong(),
        identity != null,
        openers,
        view == null || view.lead() == null ? null : view.lead().title(),
        status == null ? null : status.state(),
        status == null ? null : status.owner(),
        status == null ? 0 : status.feedback().size(),
        status == null ? null : status.outcome(),
        status == null ? null : status.caseNumber(),
        RewardStatus.valueOf(reward.path("status").asText(RewardStatus.NOT_APPLIED.name())),
        reward.hasNonNull("note") ? reward.path("note").asText() : null,
        reward.hasNonNull("at") ? Instant.parse(reward.path("at").asText()) : null,
        held.openings(),
        held.unreadableFor(),
        held.resealings());
  }
}
