package io.liaison.crypto;

import static io.liaison.crypto.DemoTrust.TIANZHEN;
import static io.liaison.crypto.DemoTrust.XINGHE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.liaison.api.Json;
import io.liaison.crypto.Verification.Invalid;
import io.liaison.crypto.Verification.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedEnvelopeTest {
  private static final TrustBootstrap.InMemory TRUST = DemoTrust.create();
  private static final Instant AT = Instant.parse("2025-03-01T08:00:00.123456Z");

  static ObjectNode lead() {
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("type", "lead.posted");
    payload.put("seq", 7);
    payload.put("leadId", "L-150924-0001");
    payload.put("title", "无证运输 蒙J·A1234 货车夜间过境");
    payload.putArray("targets").add("140222").add("140221");
    return payload;
  }

  @Test
  void signVerifyRoundTripThroughJson() throws Exception {
    SignedEnvelope signed = TRUST.signer(XINGHE).sign(lead(), Hashes.GENESIS, AT);

    assertThat(signed.signedAt()).isEqualTo(Instant.parse("2025-03-01T08:00:00.123Z"));
    assertThat(signed.keyId()).isEqualTo(TRUST.keys(XINGHE).signing().keyId());
    String json = new String(signed.toJson(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"signedAt\":\"2025-03-01T08:00:00.123Z\"");
    JsonNode tree = Json.mapper().readTree(json);
    assertThat(tree.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "payload", "signer", "keyId", "signedAt", "prevHash", "signature");

    SignedEnvelope read = Json.mapper().readValue(json, SignedEnvelope.class);
    assertThat(read).isEqualTo(signed);
    assertThat(read.hash()).isEqualTo(signed.hash());
    assertThat(TRUST.verifier().verify(read)).isEqualTo(new Verification.Valid(read));
    assertThat(TRUST.verifier().verify(signed.toJson()).isValid()).isTrue();
  }

  @Test
  void hashIsTheHashOfTheCanonicalExportLine() {
    SignedEnvelope signed = TRUST.signer(XINGHE).sign(lead(), Hashes.GENESIS, AT);
    String viaJson =
        Hashes.sha256Hex(
            CanonicalJson.canonicalize(new String(signed.toJson(), StandardCharsets.UTF_8)));
    assertThat(signed.hash()).isEqualTo(viaJson).hasSize(64);
    SignedEnvelope next = TRUST.signer(XINGHE).sign(lead(), signed.hash(), AT.plusSeconds(1));
    assertThat(next.prevHash()).isEqualTo(signed.hash());
    assertThat(next.hash()).isNotEqualTo(signed.hash());
  }

  /**
   * The envelope remembers its hash (it was a record and computed it on every call): the wire form
   * keeps the record's field order, the remembered hash is what a fresh copy computes, and a copy
   * with another signature hashes differently.
   */
  @Test
  void rememberedHashAndWireFormAreThoseOfTheRecordItWas() throws Exception {
    SignedEnvelope signed = TRUST.signer(XINGHE).sign(lead(), Hashes.GENESIS, AT);
    String first = signed.hash();
    assertThat(signed.hash()).isSameAs(first);
    JsonNode tree = Json.mapper().readTree(signed.toJson());
    assertThat(tree.fieldNames())
        .toIterable()
        .containsExactly("payload", "signer", "keyId", "signedAt", "prevHash", "signature");
    SignedEnvelope copy = SignedEnvelope.fromJson(signed.toJson());
    assertThat(copy.hash()).isEqualTo(first);
    assertThat(copy).isEqualTo(signed).hasSameHashCodeAs(signed);
    SignedEnvelope other =
        new SignedEnvelope(
            signed.payload(),
            signed.signer(),
            signed.keyId(),
            signed.signedAt(),
            signed.prevHash(),
            (signed.signature().startsWith("A") ? "B" : "A") + signed.signature().substring(1));
    assertThat(other).isNotEqualTo(signed);
    assertThat(other.hash()).isNotEqualTo(first);
  }

  @Test
  void signingInputIsCanonicalJsonOfTheUnsignedFields() {
    SignedEnvelope signed = TRUST.signer(XINGHE).sign(lead(), Hashes.GENESIS, AT);
    String input = new String(signed.signingInput(), StandardCharsets.UTF_8);
    assertThat(input)
        .startsWith("{\"keyId\":\"" + signed.keyId() + "\",\"payload\":{\"leadId\"")
        .endsWith(
            "\"prevHash\":\""
                + Hashes.GENESIS
                + "\",\"signedAt\":\"2025-03-01T08:00:00.123Z\",\"signer\":\"150924\"}")
        .doesNotContain("signature");
  }

  /** Every single-byte change inside any field's value of the serialised envelope is refused. */
  @Test
  void everySingleByteTamperIsRejected() throws Exception {
    SignedEnvelope signed = TRUST.signer(XINGHE).sign(lead(), Hashes.GENESIS, AT);
    byte[] json = signed.toJson();
    EnvelopeVerifier verifier = TRUST.verifier();
    List<int[]> ranges = valueRanges(json);
    assertThat(ranges).hasSize(6);
    byte[] replacements = "0aZ_-9\"\\ \u0001".getBytes(StandardCharsets.ISO_8859_1);
    int attempts = 0;
    List<String> accepted = new ArrayList<>();
    for (int[] range : ranges) {
      for (int i = range[0]; i < range[1]; i++) {
        Set<Byte> candidates = new LinkedHashSet<>();
        for (byte b : replacements) {
          candidates.add(b);
        }
        candidates.add((byte) (json[i] ^ 0x01));
        candidates.add((byte) (json[i] ^ 0x20));
        for (byte replacement : candidates) {
          if (replacement == json[i]) {
            continue;
          }
          byte[] tampered = json.clone();
          tampered[i] = replacement;
          attempts++;
          Verification result = verifier.verify(tampered);
          if (result.isValid()) {
            accepted.add(i + ":" + (char) replacement);
          }
        }
      }
    }
    assertThat(attempts).isGreaterThan(2000);
    assertThat(accepted).isEmpty();
  }

  @Test
  void tamperedFieldsGiveTheirReasons() throws Exception {
    SignedEnvelope s = TRUST.signer(XINGHE).sign(lead(), Hashes.GENESIS, AT);
    EnvelopeVerifier verifier = TRUST.verifier();
    ObjectNode otherPayload = lead().put("seq", 8);
    Map<String, JsonNode> changes = new LinkedHashMap<>();
    Map<String, Reason> expected = new LinkedHashMap<>();
    changes.put("payload", otherPayload);
    expected.put("payload", Reason.BAD_SIGNATURE);
    changes.put("signedAt", TextNode.valueOf("2025-03-01T08:00:00.124Z"));
    expected.put("signedAt", Reason.BAD_SIGNATURE);
    changes.put("prevHash", TextNode.valueOf("1" + Hashes.GENESIS.substring(1)));
    expected.put("prevHash", Reason.BAD_SIGNATURE);
    changes.put("signer", TextNode.valueOf(TIANZHEN.code()));
    expected.put("signer", Reason.WRONG_KEY_OWNER);
    changes.put("keyId", TextNode.valueOf(TRUST.keys(XINGHE).sealing().keyId()));
    expected.put("keyId", Reason.WRONG_KEY_USE);
    changes.put("signature", TextNode.valueOf(s.signature() + "A"));
    expected.put("signature", Reason.BAD_SIGNATURE);
    for (var change : changes.entrySet()) {
      ObjectNode tree = (ObjectNode) Json.mapper().readTree(s.toJson());
      tree.set(change.getKey(), change.getValue());
      SignedEnvelope tampered = Json.mapper().treeToValue(tree, SignedEnvelope.class);
      assertThat(reason(verifier, tampered))
          .as(change.getKey())
          .isEqualTo(expected.get(change.getKey()));
    }
    SignedEnvelope unknownKey =
        new SignedEnvelope(
            s.payload(),
            s.signer(),
            "ed25519:0000000000000000",
            s.signedAt(),
            s.prevHash(),
            s.signature());
    assertThat(reason(verifier, unknownKey)).isEqualTo(Reason.UNKNOWN_KEY);
    SignedEnvelope notBase64 =
        new SignedEnvelope(s.payload(), s.signer(), s.keyId(), s.signedAt(), s.prevHash(), "!");
    assertThat(reason(verifier, notBase64)).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void malformedInputIsRefusedNotThrown() {
    EnvelopeVerifier verifier = TRUST.verifier();
    assertThat(reason(verifier, "not json".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(verifier, "{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Reason.MALFORMED);
    assertThat(verifier.verify((SignedEnvelope) null)).isInstanceOf(Invalid.class);
    byte[] duplicate =
        new String(
                TRUST.signer(XINGHE).sign(lead(), Hashes.GENESIS, AT).toJson(),
                StandardCharsets.UTF_8)
            .replace("{\"payload\":{", "{\"payload\":{\"seq\":9,")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(reason(verifier, duplicate)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void constructorRefusesStructurallyInvalidEnvelopes() {
    SignedEnvelope s = TRUST.signer(XINGHE).sign(lead(), Hashes.GENESIS, AT);
    assertThatThrownBy(
            () ->
                new SignedEnvelope(
                    Json.mapper().createArrayNode(),
                    s.signer(),
                    s.keyId(),
                    s.signedAt(),
                    s.prevHash(),
                    s.signature()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SignedEnvelope(
                    s.payload(), s.signer(), s.keyId(), AT, s.prevHash(), s.signature()))
        .hasMessageContaining("millisecond");
    assertThatThrownBy(
            () ->
                new SignedEnvelope(
                    s.payload(),
                    s.signer(),
                    s.keyId(),
                    s.signedAt(),
                    Hashes.GENESIS.toUpperCase().replace('0', 'A'),
                    s.signature()))
        .hasMessageContaining("prevHash");
  }

  @Test
  void payloadCheckIsPartOfTheOnePath() {
    SignedEnvelope s = TRUST.signer(XINGHE).sign(lead(), Hashes.GENESIS, AT);
    Verification result =
        TRUST
            .verifier()
            .verify(
                s,
                p ->
                    p.has("leadId")
                        ? java.util.Optional.of("unexpected leadId")
                        : java.util.Optional.empty());
    assertThat(result).isEqualTo(new Invalid(Reason.BAD_PAYLOAD, "unexpected leadId"));
  }

  static Reason reason(EnvelopeVerifier verifier, SignedEnvelope envelope) {
    return ((Invalid) verifier.verify(envelope)).reason();
  }

  static Reason reason(EnvelopeVerifier verifier, byte[] json) {
    Verification result = verifier.verify(json);
    assertThat(result).isInstanceOf(Invalid.class);
    return ((Invalid) result).reason();
  }

  /** Byte ranges of the six top-level values in the compact JSON written by Jackson. */
  private static List<int[]> valueRanges(byte[] json) throws Exception {
    String text = new String(json, StandardCharsets.ISO_8859_1);
    List<int[]> ranges = new ArrayList<>();
    for (String field :
        List.of("payload", "signer", "keyId", "signedAt", "prevHash", "signature")) {
      int start = text.indexOf("\"" + field + "\":") + field.length() + 3;
      int end =
          field.equals("payload") ? matchingBrace(text, start) : text.indexOf('"', start + 1) + 1;
      ranges.add(new int[] {start, end});
    }
    return ranges;
  }

  private static int matchingBrace(String text, int start) {
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    throw new IllegalStateException("unbalanced");
  }
}
