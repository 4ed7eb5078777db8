package io.liaison.crypto;

import static io.liaison.crypto.DemoTrust.EPOCH;
import static io.liaison.crypto.DemoTrust.TIANZHEN;
import static io.liaison.crypto.DemoTrust.XINGHE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.crypto.ChainVerdict.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static final TrustBootstrap.InMemory TRUST = DemoTrust.create();
  private final List<SignedEnvelope> chain = ChainFixture.chain(TRUST, XINGHE, 10, EPOCH);
  private final EnvelopeVerifier verifier = TRUST.verifier();

  /** {@code original} with its payload changed and its signature kept (no longer valid). */
  private static SignedEnvelope edited(SignedEnvelope original) {
    ObjectNode payload = original.payload().deepCopy();
    payload.put("officer", "篡改者");
    return new SignedEnvelope(
        payload,
        original.signer(),
        original.keyId(),
        original.signedAt(),
        original.prevHash(),
        original.signature());
  }

  private ChainVerdict verify(List<SignedEnvelope> entries) {
    return AuditChain.verify(XINGHE, entries, verifier);
  }

  @Test
  void intactChain() {
    ChainVerdict verdict = verify(chain);
    assertThat(verdict.status()).isEqualTo(Status.INTACT);
    assertThat(verdict.intact()).isTrue();
    assertThat(verdict.entries()).isEqualTo(10);
    assertThat(verdict.headSeq()).isEqualTo(10);
    assertThat(verdict.headHash()).isEqualTo(chain.get(9).hash());
    assertThat(verify(List.of()).status()).isEqualTo(Status.EMPTY);
  }

  @Test
  void deletionInTheMiddleIsAGapAtItsPosition() {
    List<SignedEnvelope> entries = new ArrayList<>(chain);
    entries.remove(4); // seq 5
    ChainVerdict verdict = verify(entries);
    assertThat(verdict.status()).isEqualTo(Status.GAP);
    assertThat(verdict.position()).isEqualTo(4);
    assertThat(verdict.detail()).contains("seq 5 missing");
    assertThat(verdict.headSeq()).isEqualTo(4);
    assertThat(verdict.headHash()).isEqualTo(chain.get(3).hash());
  }

  @Test
  void deletionOfTheFirstEntryIsAGapAtZero() {
    ChainVerdict verdict = verify(chain.subList(1, chain.size()));
    assertThat(verdict.status()).isEqualTo(Status.GAP);
    assertThat(verdict.position()).isZero();
  }

  @Test
  void reorderIsDetectedWhereItStarts() {
    List<SignedEnvelope> entries = new ArrayList<>(chain);
    Collections.swap(entries, 6, 7);
    ChainVerdict verdict = verify(entries);
    assertThat(verdict.status()).isEqualTo(Status.REORDERED);
    assertThat(verdict.position()).isEqualTo(6);
    assertThat(verdict.headSeq()).isEqualTo(6);
  }

  @Test
  void repeatedEntryIsReported() {
    List<SignedEnvelope> entries = new ArrayList<>(chain);
    entries.add(5, chain.get(4));
    ChainVerdict verdict = verify(entries);
    assertThat(verdict.status()).isEqualTo(Status.REORDERED);
    assertThat(verdict.position()).isEqualTo(5);
  }

  @Test
  void editedPayloadIsDetectedAtTheEditedEntry() {
    List<SignedEnvelope> entries = new ArrayList<>(chain);
    entries.set(3, edited(entries.get(3)));
    ChainVerdict verdict = verify(entries);
    assertThat(verdict.status()).isEqualTo(Status.EDITED);
    assertThat(verdict.position()).isEqualTo(3);
    assertThat(verdict.detail()).contains("BAD_SIGNATURE");
  }

  @Test
  void entryReplacedAndReSignedByTheBureauItselfIsStillDetected() {
    // an insider with the bureau key rewrites entry 3 but cannot rewrite every later entry's
    // prevHash without re-signing the rest of the chain, which other bureaus already hold
    List<SignedEnvelope> entries = new ArrayList<>(chain);
    SignedEnvelope original = entries.get(3);
    ObjectNode payload = original.payload().deepCopy();
    payload.put("officer", "篡改者");
    entries.set(3, TRUST.signer(XINGHE).sign(payload, original.prevHash(), original.signedAt()));
    ChainVerdict verdict = verify(entries);
    assertThat(verdict.status()).isEqualTo(Status.EDITED);
    assertThat(verdict.position()).isEqualTo(3);
    assertThat(verdict.headSeq()).isEqualTo(3);
    assertThat(verdict.headHash()).isEqualTo(chain.get(2).hash());
  }

  @Test
  void foreignSignerIsReported() {
    List<SignedEnvelope> entries = new ArrayList<>(chain);
    entries.set(2, ChainFixture.chain(TRUST, TIANZHEN, 3, EPOCH).get(2));
    ChainVerdict verdict = verify(entries);
    assertThat(verdict.status()).isEqualTo(Status.FOREIGN_SIGNER);
    assertThat(verdict.position()).isEqualTo(2);
  }

  @Test
  void payloadWithoutSeqIsReported() {
    List<SignedEnvelope> entries = new ArrayList<>(chain.subList(0, 2));
    ObjectNode payload = ChainFixture.payload(3, XINGHE);
    payload.remove("seq");
    entries.add(TRUST.signer(XINGHE).sign(payload, entries.get(1).hash(), EPOCH.plusSeconds(600)));
    ChainVerdict verdict = verify(entries);
    assertThat(verdict.status()).isEqualTo(Status.NO_SEQ);
    assertThat(verdict.position()).isEqualTo(2);
  }

  private ChainVerdict walk(List<SignedEnvelope> entries) {
    AuditChain.Walk w = new AuditChain.Walk(XINGHE, verifier);
    entries.forEach(w::take);
    return w.end();
  }

  @Test
  void aWalkEntryByEntryGivesTheVerdictOfTheWholeListInSeqOrder() {
    List<List<SignedEnvelope>> cases = new ArrayList<>();
    cases.add(chain);
    cases.add(List.of());
    cases.add(chain.subList(1, chain.size())); // the first deleted
    List<SignedEnvelope> gap = new ArrayList<>(chain);
    gap.remove(4);
    gap.remove(4); // seq 5 and 6
    cases.add(gap);
    List<SignedEnvelope> repeated = new ArrayList<>(chain);
    repeated.add(5, chain.get(4));
    cases.add(repeated);
    List<SignedEnvelope> edited = new ArrayList<>(chain);
    edited.set(3, edited(chain.get(3)));
    cases.add(edited);
    List<SignedEnvelope> resigned = new ArrayList<>(chain);
    SignedEnvelope original = chain.get(3);
    resigned.set(
        3,
        TRUST
            .signer(XINGHE)
            .sign(edited.get(3).payload(), original.prevHash(), original.signedAt()));
    cases.add(resigned);
    List<SignedEnvelope> resignedFirst = new ArrayList<>(chain);
    resignedFirst.set(
        0,
        TRUST
            .signer(XINGHE)
            .sign(chain.get(0).payload(), chain.get(1).hash(), chain.get(0).signedAt()));
    cases.add(resignedFirst);
    List<SignedEnvelope> foreign = new ArrayList<>(chain);
    foreign.set(2, ChainFixture.chain(TRUST, TIANZHEN, 3, EPOCH).get(2));
    cases.add(foreign);
    for (List<SignedEnvelope> entries : cases) {
      assertThat(walk(entries)).isEqualTo(verify(entries));
    }
    assertThat(cases.stream().map(e -> walk(e).status()).distinct())
        .contains(
            Status.INTACT,
            Status.EMPTY,
            Status.GAP,
            Status.REORDERED,
            Status.EDITED,
            Status.FOREIGN_SIGNER);
  }
}
