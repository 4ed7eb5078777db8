package io.liaison.crypto;

import static io.liaison.crypto.DemoTrust.EPOCH;
import static io.liaison.crypto.DemoTrust.TIANZHEN;
import static io.liaison.crypto.DemoTrust.XINGHE;
import static io.liaison.crypto.DemoTrust.YANGGAO;
import static io.liaison.crypto.SignedEnvelopeTest.lead;
import static io.liaison.crypto.SignedEnvelopeTest.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.crypto.Verification.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RosterTest {
  private final TrustBootstrap.InMemory trust = DemoTrust.create();
  private final RosterAuthority authority = new RosterAuthority(trust.authority());
  private final Instant revocation = EPOCH.plus(Duration.ofDays(30));

  @Test
  void signedRosterRoundTripsThroughJsonAndVerifiesUnderThePinnedKey() {
    byte[] json = trust.signedRoster().toJson();
    SignedRoster read = SignedRoster.fromJson(json);
    assertThat(read).isEqualTo(trust.signedRoster());
    Roster roster = RosterAuthority.verify(read, trust.authorityPublicKey());
    assertThat(roster.version()).isEqualTo(1);
    assertThat(roster.members()).hasSize(6);
    assertThat(roster.member(TIANZHEN).orElseThrow().name()).isEqualTo("天镇县烟草专卖局");
    String signingKeyId = trust.keys(XINGHE).signing().keyId();
    assertThat(roster.key(signingKeyId).orElseThrow().use()).isEqualTo(KeyUse.SIGNING);
    assertThat(roster.keyOwner(signingKeyId).orElseThrow().bureau()).isEqualTo(XINGHE);
  }

  @Test
  void rosterUnderAWrongAuthorityIsRejected() {
    SigningKeyPair rogue = SigningKeyPair.generate();
    SignedRoster forged = new RosterAuthority(rogue).sign(trust.roster());
    assertThatThrownBy(() -> RosterAuthority.verify(forged, trust.authorityPublicKey()))
        .isInstanceOf(RosterException.class)
        .hasMessageContaining("not by the pinned authority");

    // claiming the pinned key id does not help: the signature is checked with the pinned key
    SignedRoster relabelled =
        new SignedRoster(forged.roster(), trust.authority().keyId(), forged.signature());
    assertThatThrownBy(() -> RosterAuthority.verify(relabelled, trust.authorityPublicKey()))
        .isInstanceOf(RosterException.class)
        .hasMessageContaining("does not verify");
  }

  @Test
  void alteredRosterIsRejected() {
    String json = new String(trust.signedRoster().toJson(), StandardCharsets.UTF_8);
    // swap one member's name: any change to the roster breaks the authority signature
    SignedRoster renamed = SignedRoster.fromJson(json.replace("阳高县烟草专卖局", "阳高县烟草专卖局(假)"));
    assertThatThrownBy(() -> RosterAuthority.verify(renamed, trust.authorityPublicKey()))
        .isInstanceOf(RosterException.class);
    assertThatThrownBy(() -> SignedRoster.fromJson("{\"roster\":1}"))
        .isInstanceOf(RosterException.class);
  }

  @Test
  void olderRosterIsNotAcceptedAsASuccessor() {
    Roster v2 =
        trust
            .roster()
            .withKeyRevoked(trust.keys(YANGGAO).signing().keyId(), revocation, revocation);
    SignedRoster signedV2 = authority.sign(v2);
    assertThat(
            RosterAuthority.verifySuccessor(trust.roster(), signedV2, trust.authorityPublicKey())
                .version())
        .isEqualTo(2);
    assertThatThrownBy(
            () ->
                RosterAuthority.verifySuccessor(
                    v2, trust.signedRoster(), trust.authorityPublicKey()))
        .isInstanceOf(RosterException.class)
        .hasMessageContaining("not newer");
  }

  @Test
  void revokedKeySignaturesBeforeRevocationStayValidAfterAreRejected() {
    EnvelopeSigner signer = trust.signer(XINGHE);
    SignedEnvelope before = signer.sign(lead(), Hashes.GENESIS, revocation.minusMillis(1));
    SignedEnvelope at = signer.sign(lead(), Hashes.GENESIS, revocation);
    SignedEnvelope after = signer.sign(lead(), Hashes.GENESIS, revocation.plusSeconds(3600));

    AtomicReference<Roster> current = new AtomicReference<>(trust.roster());
    EnvelopeVerifier verifier = new EnvelopeVerifier(current::get);
    assertThat(verifier.verify(after).isValid()).isTrue();

    Roster v2 =
        trust.roster().withKeyRevoked(trust.keys(XINGHE).signing().keyId(), revocation, revocation);
    current.set(
        RosterAuthority.verifySuccessor(
            current.get(), authority.sign(v2), trust.authorityPublicKey()));

    assertThat(verifier.verify(before).isValid()).isTrue();
    assertThat(reason(verifier, at)).isEqualTo(Reason.KEY_REVOKED);
    assertThat(reason(verifier, after)).isEqualTo(Reason.KEY_REVOKED);
  }

  @Test
  void rotationHandsOverAtTheRotationTime() {
    SigningKeyPair newKey = SigningKeyPair.generate();
    Roster v2 =
        trust.roster().withKeyRotated(XINGHE, MemberKey.signing(newKey, revocation), revocation);
    EnvelopeVerifier verifier = new EnvelopeVerifier(() -> v2);
    EnvelopeSigner oldSigner = trust.signer(XINGHE);
    EnvelopeSigner newSigner = new EnvelopeSigner(XINGHE, newKey);

    assertThat(
            verifier
                .verify(oldSigner.sign(lead(), Hashes.GENESIS, revocation.minusMillis(1)))
                .isValid())
        .isTrue();
    assertThat(reason(verifier, oldSigner.sign(lead(), Hashes.GENESIS, revocation)))
        .isEqualTo(Reason.KEY_REVOKED);
    assertThat(verifier.verify(newSigner.sign(lead(), Hashes.GENESIS, revocation)).isValid())
        .isTrue();
    assertThat(reason(verifier, newSigner.sign(lead(), Hashes.GENESIS, revocation.minusMillis(1))))
        .isEqualTo(Reason.KEY_NOT_YET_VALID);
    assertThat(v2.member(XINGHE).orElseThrow().currentKey(KeyUse.SIGNING, revocation))
        .map(MemberKey::keyId)
        .contains(newKey.keyId());
    assertThat(v2.member(XINGHE).orElseThrow().currentKey(KeyUse.SEALING, revocation))
        .map(MemberKey::keyId)
        .contains(trust.keys(XINGHE).sealing().keyId());
    assertThat(v2.version()).isEqualTo(2);
  }

  @Test
  void signersNotInTheRosterAreRejected() {
    BureauId outsider = BureauId.of("130100");
    BureauKeys keys = BureauKeys.generate(outsider);
    EnvelopeSigner rogue = new EnvelopeSigner(outsider, keys.signing());
    EnvelopeVerifier verifier = trust.verifier();
    assertThat(reason(verifier, rogue.sign(lead(), Hashes.GENESIS, EPOCH)))
        .isEqualTo(Reason.UNKNOWN_SIGNER);
    // a member bureau id with a key that is not in the roster
    EnvelopeSigner impostor = new EnvelopeSigner(XINGHE, keys.signing());
    assertThat(reason(verifier, impostor.sign(lead(), Hashes.GENESIS, EPOCH)))
        .isEqualTo(Reason.UNKNOWN_KEY);
    // another member's genuine key used under this bureau's name
    EnvelopeSigner crossed = new EnvelopeSigner(XINGHE, trust.keys(TIANZHEN).signing());
    assertThat(reason(verifier, crossed.sign(lead(), Hashes.GENESIS, EPOCH)))
        .isEqualTo(Reason.WRONG_KEY_OWNER);
    assertThat(
            reason(
                new EnvelopeVerifier(() -> null),
                trust.signer(XINGHE).sign(lead(), Hashes.GENESIS, EPOCH)))
        .isEqualTo(Reason.NO_ROSTER);
  }

  @Test
  void addingAMemberMakesItsSignaturesValid() {
    BureauId newcomer = BureauId.of("130700");
    BureauKeys keys = BureauKeys.generate(newcomer);
    Instant joined = EPOCH.plus(Duration.ofDays(90));
    Roster v2 =
        trust
            .roster()
            .withMember(
                new Member(newcomer, "张家口市烟草专卖局", "河北省", List.of(), keys.memberKeys(joined)),
                joined);
    SignedEnvelope signed =
        new EnvelopeSigner(newcomer, keys.signing()).sign(lead(), Hashes.GENESIS, joined);
    assertThat(reason(trust.verifier(), signed)).isEqualTo(Reason.UNKNOWN_SIGNER);
    assertThat(new EnvelopeVerifier(() -> v2).verify(signed).isValid()).isTrue();
  }

  @Test
  void rosterRefusesInconsistentContent() {
    Member xinghe = trust.roster().member(XINGHE).orElseThrow();
    assertThatThrownBy(() -> new Roster(2, EPOCH, List.of(xinghe, xinghe)))
        .hasMessageContaining("listed twice");
    MemberKey key = xinghe.keys().get(0);
    assertThatThrownBy(
            () ->
                new MemberKey(
                    SigningKeyPair.generate().keyId(), key.use(), key.publicKey(), EPOCH, null))
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> new Roster(0, EPOCH, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
