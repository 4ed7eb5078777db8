package io.liaison.node.informant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.informant.Informant;
import io.liaison.api.informant.OfficerKey;
import io.liaison.api.informant.ReportDraft;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadView;
import io.liaison.crypto.CanonicalJson;
import io.liaison.crypto.OfficerSealed;
import io.liaison.crypto.OfficerSealer;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.access.Principal;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.NotFound;
import io.liaison.node.domain.Refused;
import io.liaison.node.lead.LeadIds;
import io.liaison.node.store.Store;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sealed identity of a report: who may be chosen to open it, sealing to them, and reading a
 * stored report back (store thread only, no I/O of its own).
 */
final class IdentitySeals {
  private static final String AAD_PREFIX = "liaison-informant-v1:";

  private IdentitySeals() {}

  static OfficerSealed seal(
      Store s, TrustService trust, LeadView view, ReportDraft d, BureauId me) {
    List<BureauId> allowed = new ArrayList<>();
    allowed.add(me);
    if (view.lead() != null) {
      allowed.addAll(view.lead().targetBureaus());
    }
    boolean anyMember = view.lead() == null || view.lead().targetBureaus().isEmpty();
    Map<String, byte[]> keys = new TreeMap<>();
    for (int i = 0; i < d.openers().size(); i++) {
      String officer = d.openers().get(i);
      String field = "/openers/" + i;
      if (!officer.matches("[1-9][0-9]{5}-[0-9]{1,8}")) {
        throw new Invalid("bad-opener", "not an officer number: " + officer, field);
      }
      BureauId bureau = BureauId.of(officer.substring(0, 6));
      if (!allowed.contains(bureau) && !(anyMember && trust.isMember(bureau))) {
        throw new Invalid(
            "opener-not-receiving",
            "officer " + officer + " is not of this bureau or of a bureau the lead is addressed to",
            field);
      }
      OfficerKey key =
          OfficerKeyring.publicKey(s, bureau, officer)
              .orElseThrow(
                  () ->
                      new Invalid(
                          "opener-without-key",
                          "officer " + officer + " has no sealing key (they make one first)",
                          field));
      keys.put(officer, Base64.getUrlDecoder().decode(key.publicKey()));
    }
    try {
      byte[] plain = CanonicalJson.canonicalize(Json.mapper().valueToTree(d.informant()));
      return OfficerSealer.seal(plain, keys, aad(d.leadId(), me));
    } catch (RuntimeException e) {
      throw new IllegalStateException("sealing failed for lead " + d.leadId());
    }
  }

  /** The lead itself must not name the informant: the lead is shared and indexed in clear. */
  static void refuseIdentityInLead(Lead lead, Informant who) {
    StringBuilder text = new StringBuilder();
    text.append(lead.title()).append('\n').append(lead.narrative()).append('\n');
    if (lead.location() != null) {
      text.append(lead.location()).append('\n');
    }
    lead.entities().forEach(e -> text.append(e.value()).append('\n'));
    String all = text.toString().replaceAll("\\s", "");
    Map<String, String> parts = new TreeMap<>();
    parts.put("/informant/name", who.name());
    if (who.phone() != null) {
      parts.put("/informant/phone", who.phone());
    }
    if (who.idNumber() != null) {
      parts.put("/informant/idNumber", who.idNumber());
    }
    parts.forEach(
        (field, value) -> {
          String v = value.replaceAll("\\s", "");
          if (v.length() >= 2 && all.contains(v)) {
            throw new Invalid(
                "identity-in-lead",
                "the lead's own text names the informant; take it out of the lead first",
                field);
          }
        });
  }

  static byte[] aad(String leadId, BureauId bureau) {
    return (AAD_PREFIX + leadId + ":" + bureau.code()).getBytes(StandardCharsets.UTF_8);
  }

  static SignedEnvelope sourceOf(Store s, String leadId) {
    if (!LeadIds.isValid(leadId)) {
      throw new NotFound("no report for lead " + leadId);
    }
    return s.record(InformantService.sourceKey(leadId))
        .map(r -> SignedRecords.envelope(r.body()))
        .orElseThrow(() -> new NotFound("no report for lead " + leadId));
  }

  static boolean visible(Principal p, SignedEnvelope env) {
    if (env.signer().equals(p.bureau())) {
      return true;
    }
    JsonNode identity = env.payload().get("identity");
    return identity != null && sealedOf(identity).opener(p.officer()).isPresent();
  }

  static OfficerSealed sealedOf(JsonNode identity) {
    try {
      return Json.mapper().treeToValue(identity, OfficerSealed.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored sealed identity unreadable", e);
    }
  }

  /**
   * Where a re-seal for {@code opener} made by {@code maker} at {@code at} is kept: the maker is in
   * the key, so two chosen officers re-sealing for the same opener in the same millisecond do not
   * collide (review-4 R4-8).
   */
  static String resealKey(String leadId, String opener, String maker, Instant at) {
    return "resealed-" + leadId + "-" + opener + "-" + maker + "-" + at.toEpochMilli();
  }

  /**
   * The key of a re-seal made before the maker was in it ({@code resealed-<lead>-<opener>-<ms>}).
   */
  static String legacyResealKey(String leadId, String opener, Instant at) {
    return "resealed-" + leadId + "-" + opener + "-" + at.toEpochMilli();
  }

  /** The re-seals of a lead held here (signed records, oldest first). */
  static List<SignedEnvelope> reseals(Store s, String leadId) {
    return s
        .recordsWhere(
            InformantService.KIND, "id LIKE ?", List.of("resealed-" + leadId + "-%"), null, 1000)
        .stream()
        .map(r -> SignedRecords.envelope(r.body()))
        .filter(e -> e.payload().path("type").asText().equals(InformantService.RESEALED))
        .sorted(Comparator.comparing(e -> e.payload().path("at").asText()))
        .toList();
  }

  /**
   * Every sealed copy of a report's identity for {@code officer}: the poster's own first, then the
   * re-seals made for them by another chosen officer, newest first. The poster's copy comes first
   * so that a re-seal (whose content only its maker vouches for) is used only where the poster's
   * copy does not open with the officer's key (review-4: a chosen officer of another bureau could
   * otherwise put a made-up identity ahead of the poster's). A re-seal counts only if its maker was
   * chosen by the poster and {@code officer} was too — no one adds an opener this way.
   */
  static List<OfficerSealed> copies(Store s, SignedEnvelope source, String officer) {
    JsonNode identity = source.payload().get("identity");
    if (identity == null) {
      return List.of();
    }
    OfficerSealed original = sealedOf(identity);
    if (original.opener(officer).isEmpty()) {
      return List.of();
    }
    List<OfficerSealed> all = new ArrayList<>();
    all.add(original);
    List<SignedEnvelope> reseals =
        new ArrayList<>(reseals(s, source.payload().path("leadId").asText()));
    Collections.reverse(reseals);
    for (SignedEnvelope r : reseals) {
      JsonNode p = r.payload();
      if (p.path("opener").asText().equals(officer)
          && original.opener(p.path("officer").asText()).isPresent()
          && p.has("identity")) {
        OfficerSealed copy = sealedOf(p.get("identity"));
        if (copy.opener(officer).isPresent()) {
          all.add(copy);
        }
      }
    }
    return all;
  }

  /** The copy sealed to {@code keyId} for {@code officer}, if any. */
  static Optional<OfficerSealed> copyFor(
      Store s, SignedEnvelope source, String officer, String keyId) {
    return copies(s, source, officer).stream()
        .filter(c -> c.opener(officer).map(o -> o.keyId().equals(keyId)).orElse(false))
        .findFirst();
  }

  /** The chosen officers who cannot open it with the key their bureau now publishes for them. */
  static List<String> unreadableFor(Store s, SignedEnvelope source) {
    JsonNode identity = source.payload().get("identity");
    if (identity == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (OfficerSealed.Opener o : sealedOf(identity).openers()) {
      Optional<String> current = OfficerKeyring.publicKey(s, o.officer()).map(OfficerKey::keyId);
      if (current.isEmpty() || copyFor(s, source, o.officer(), current.get()).isEmpty()) {
        out.add(o.officer());
      }
    }
    return out;
  }

  static Refused notAnOpener() {
    return new Refused(
        "not-an-opener",
        "Not chosen to open it",
        "the poster did not choose this officer to open the informant's identity");
  }
}
