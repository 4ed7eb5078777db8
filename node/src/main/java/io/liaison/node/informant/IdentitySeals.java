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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
          OfficerKeyring.publicKey(s, officer)
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

  static Refused notAnOpener() {
    return new Refused(
        "not-an-opener",
        "Not chosen to open it",
        "the poster did not choose this officer to open the informant's identity");
  }
}
