package io.liaison.crypto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds real signed chains the way a node does. */
final class ChainFixture {
  private ChainFixture() {}

  static List<SignedEnvelope> chain(
      TrustBootstrap.InMemory trust, BureauId bureau, int length, Instant start) {
    EnvelopeSigner signer = trust.signer(bureau);
    List<SignedEnvelope> chain = new ArrayList<>();
    String prev = Hashes.GENESIS;
    for (int i = 0; i < length; i++) {
      SignedEnvelope e =
          signer.sign(
              payload(AuditChain.FIRST_SEQ + i, bureau), prev, start.plus(Duration.ofMinutes(i)));
      chain.add(e);
      prev = e.hash();
    }
    return chain;
  }

  static ObjectNode payload(long seq, BureauId bureau) {
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("seq", seq);
    payload.put("type", seq % 2 == 0 ? "lead.claimed" : "lead.posted");
    payload.put("leadId", "L-" + bureau.code() + "-" + String.format("%04d", seq));
    payload.put("officer", "联络员" + seq);
    return payload;
  }
}
