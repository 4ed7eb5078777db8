package io.liaison.crypto;

import static io.liaison.crypto.DemoTrust.EPOCH;
import static io.liaison.crypto.DemoTrust.TIANZHEN;
import static io.liaison.crypto.DemoTrust.XINGHE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustBootstrapTest {
  private static final char[] PASSPHRASE = "demo-passphrase".toCharArray();

  @TempDir Path dir;

  @Test
  void createWritesAUsableTrustSetup() {
    TrustBootstrap.Result result =
        TrustBootstrap.create(dir, DemoTrust.members(), PASSPHRASE, EPOCH, KeyFiles.Kdf.FAST);

    assertThat(result.rosterFile()).isEqualTo(dir.resolve("roster.json")).exists();
    assertThat(result.authorityPublicKeyFile()).isEqualTo(dir.resolve("authority.pub")).exists();
    assertThat(result.keyFiles()).hasSize(6);
    assertThat(result.keyFiles().get(XINGHE)).isEqualTo(dir.resolve("150924.key"));

    // what a node does at start: pinned authority key, roster file, own key file
    byte[] pinned = KeyFiles.readPublicKey(result.authorityPublicKeyFile());
    Roster roster = TrustBootstrap.readRoster(result.rosterFile(), pinned);
    BureauKeys xinghe = KeyFiles.read(result.keyFiles().get(XINGHE), PASSPHRASE);
    SignedEnvelope signed =
        new EnvelopeSigner(XINGHE, xinghe.signing())
            .sign(SignedEnvelopeTest.lead(), Hashes.GENESIS, EPOCH.plusSeconds(60));
    assertThat(new EnvelopeVerifier(() -> roster).verify(signed).isValid()).isTrue();
    assertThat(KeyFiles.readAuthority(result.authorityKeyFile(), PASSPHRASE))
        .isEqualTo(result.trust().authority());
    assertThat(roster.member(TIANZHEN).orElseThrow().endpoints()).hasSize(1);
  }

  @Test
  void refusesToOverwriteAnExistingSetup() throws Exception {
    Files.writeString(dir.resolve("roster.json"), "{}");
    assertThatThrownBy(
            () ->
                TrustBootstrap.create(
                    dir, DemoTrust.members(), PASSPHRASE, EPOCH, KeyFiles.Kdf.FAST))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void inMemoryKeysMatchTheRoster() {
    TrustBootstrap.InMemory trust = DemoTrust.create();
    for (var spec : DemoTrust.members()) {
      BureauKeys keys = trust.keys(spec.bureau());
      Member member = trust.roster().member(spec.bureau()).orElseThrow();
      assertThat(member.currentKey(KeyUse.SIGNING, EPOCH).orElseThrow().publicKeyBytes())
          .isEqualTo(keys.signing().publicKey());
      assertThat(member.currentKey(KeyUse.SEALING, EPOCH).orElseThrow().publicKeyBytes())
          .isEqualTo(keys.sealing().publicKey());
    }
  }
}
