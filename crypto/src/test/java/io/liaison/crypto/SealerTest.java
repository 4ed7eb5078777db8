package io.liaison.crypto;

import static io.liaison.crypto.DemoTrust.EPOCH;
import static io.liaison.crypto.DemoTrust.TIANZHEN;
import static io.liaison.crypto.DemoTrust.XINGHE;
import static io.liaison.crypto.DemoTrust.YANGGAO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.SealedContent.Recipient;
import io.liaison.crypto.internal.Base64Url;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SealerTest {
  private static final TrustBootstrap.InMemory TRUST = DemoTrust.create();
  private static final byte[] CONTENT =
      "线索：天镇县 晋B·7X512 每周三夜间经新平堡运假烟，联系人 138 4721 0093".getBytes(StandardCharsets.UTF_8);
  private static final byte[] METADATA =
      "{\"leadId\":\"L-150924-0042\",\"origin\":\"150924\",\"recipients\":[\"140222\"]}"
          .getBytes(StandardCharsets.UTF_8);

  private static SealedContent sealForTianzhen() {
    return Sealer.seal(CONTENT, TRUST.roster(), List.of(TIANZHEN), METADATA, EPOCH);
  }

  @Test
  void recipientOpensNonRecipientCannot() {
    SealedContent sealed = sealForTianzhen();
    assertThat(Sealer.open(sealed, TRUST.keys(TIANZHEN), METADATA)).isEqualTo(CONTENT);
    assertThat(sealed.isRecipient(YANGGAO)).isFalse();
    assertThatThrownBy(() -> Sealer.open(sealed, TRUST.keys(YANGGAO), METADATA))
        .isInstanceOf(NotARecipientException.class);
    // the sender is not a recipient unless it names itself
    assertThatThrownBy(() -> Sealer.open(sealed, TRUST.keys(XINGHE), METADATA))
        .isInstanceOf(NotARecipientException.class);
  }

  @Test
  void nonRecipientSeesNoPlaintextInTheSerialisedForm() throws Exception {
    String json = Json.mapper().writeValueAsString(sealForTianzhen());
    assertThat(json).doesNotContain("晋B", "天镇", "138");
    SealedContent read = Json.mapper().readValue(json, SealedContent.class);
    assertThat(Sealer.open(read, TRUST.keys(TIANZHEN), METADATA)).isEqualTo(CONTENT);
    assertThat(read.recipients()).extracting(Recipient::bureau).containsExactly(TIANZHEN);
  }

  @Test
  void severalRecipientsEachOpen() {
    SealedContent sealed =
        Sealer.seal(
            CONTENT,
            Map.of(
                TIANZHEN, TRUST.keys(TIANZHEN).sealing().publicKey(),
                YANGGAO, TRUST.keys(YANGGAO).sealing().publicKey()),
            METADATA);
    assertThat(Sealer.open(sealed, TRUST.keys(TIANZHEN), METADATA)).isEqualTo(CONTENT);
    assertThat(Sealer.open(sealed, TRUST.keys(YANGGAO), METADATA)).isEqualTo(CONTENT);
  }

  @Test
  void anyTamperOfCiphertextOrAssociatedDataFails() {
    SealedContent sealed = sealForTianzhen();
    BureauKeys tianzhen = TRUST.keys(TIANZHEN);
    byte[] ciphertext = Base64Url.decode(sealed.ciphertext());
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] altered = ciphertext.clone();
      altered[i] ^= 0x01;
      SealedContent tampered =
          new SealedContent(
              sealed.suite(), sealed.nonce(), Base64Url.encode(altered), sealed.recipients());
      assertThatThrownBy(() -> Sealer.open(tampered, tianzhen, METADATA))
          .isInstanceOf(SealTamperedException.class);
    }
    for (int i = 0; i < METADATA.length; i++) {
      byte[] otherMetadata = METADATA.clone();
      otherMetadata[i] ^= 0x01;
      assertThatThrownBy(() -> Sealer.open(sealed, tianzhen, otherMetadata))
          .isInstanceOf(SealTamperedException.class);
    }
    byte[] nonce = Base64Url.decode(sealed.nonce());
    nonce[0] ^= 1;
    SealedContent otherNonce =
        new SealedContent(
            sealed.suite(), Base64Url.encode(nonce), sealed.ciphertext(), sealed.recipients());
    assertThatThrownBy(() -> Sealer.open(otherNonce, tianzhen, METADATA))
        .isInstanceOf(SealTamperedException.class);
  }

  @Test
  void tamperedWrappedKeyOrEncapsulationFails() {
    SealedContent sealed = sealForTianzhen();
    Recipient r = sealed.recipients().get(0);
    for (UnaryOperator<Recipient> change :
        List.<UnaryOperator<Recipient>>of(
            x -> new Recipient(x.bureau(), x.keyId(), flip(x.enc(), 5), x.wrappedKey()),
            x -> new Recipient(x.bureau(), x.keyId(), x.enc(), flip(x.wrappedKey(), 0)),
            x -> new Recipient(x.bureau(), x.keyId(), x.enc(), flip(x.wrappedKey(), 40)),
            x ->
                new Recipient(
                    x.bureau(), x.keyId(), Base64Url.encode(new byte[32]), x.wrappedKey()))) {
      List<Recipient> recipients = new ArrayList<>(List.of(change.apply(r)));
      SealedContent tampered =
          new SealedContent(sealed.suite(), sealed.nonce(), sealed.ciphertext(), recipients);
      assertThatThrownBy(() -> Sealer.open(tampered, TRUST.keys(TIANZHEN), METADATA))
          .isInstanceOf(SealTamperedException.class);
    }
  }

  @Test
  void relabellingAWrappedKeyForAnotherBureauDoesNotOpen() {
    // 阳高 copies 天镇's entry under its own name: the HPKE info names 天镇, and the key is not its
    SealedContent sealed = sealForTianzhen();
    Recipient r = sealed.recipients().get(0);
    SealedContent relabelled =
        new SealedContent(
            sealed.suite(),
            sealed.nonce(),
            sealed.ciphertext(),
            List.of(
                new Recipient(
                    YANGGAO, TRUST.keys(YANGGAO).sealing().keyId(), r.enc(), r.wrappedKey())));
    assertThatThrownBy(() -> Sealer.open(relabelled, TRUST.keys(YANGGAO), METADATA))
        .isInstanceOf(SealTamperedException.class);
  }

  @Test
  void sealingForAnOldKeyIsReportedAsNotForThisKey() {
    SealedContent sealed = sealForTianzhen();
    BureauKeys rotated =
        new BureauKeys(TIANZHEN, TRUST.keys(TIANZHEN).signing(), SealingKeyPair.generate());
    assertThatThrownBy(() -> Sealer.open(sealed, rotated, METADATA))
        .isInstanceOf(NotARecipientException.class)
        .hasMessageContaining("not for key");
  }

  @Test
  void refusesRecipientsWithoutKeys() {
    assertThatThrownBy(
            () ->
                Sealer.seal(
                    CONTENT, TRUST.roster(), List.of(BureauId.of("110101")), METADATA, EPOCH))
        .hasMessageContaining("not a member");
    assertThatThrownBy(() -> Sealer.seal(CONTENT, Map.of(), METADATA))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String flip(String base64, int index) {
    byte[] bytes = Base64Url.decode(base64);
    bytes[index] ^= 0x01;
    return Base64Url.encode(bytes);
  }
}
