package io.liaison.node.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseRecord;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SigningKeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SharedCaseTest {
  private static final BureauId XINGHE = BureauId.of("150924");
  private static final EnvelopeSigner SIGNER =
      new EnvelopeSigner(XINGHE, SigningKeyPair.generate());
  private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

  static CaseRecord draft(String number, String narrative) throws Exception {
    return CaseInput.read(
            CaseBodies.tree(number, "蒙J·3K582", "2026-03-01", narrative), XINGHE, null)
        .record();
  }

  /**
   * Parsing remembers the last records by id (the indexer reads back what was just stored): the
   * same text gives the same record, another text for the id is parsed anew, and what parsing
   * refuses it still refuses.
   */
  @Test
  void parsingTheSameTextAgainGivesTheSameRecordAndOtherTextIsParsedAnew() throws Exception {
    SharedCase v1 =
        SharedCase.first(
            SIGNER.sign(
                SharedCase.payload(CaseInput.withVersion(draft("兴烟立字〔2026〕第9001号", "甲"), 1)),
                Hashes.GENESIS,
                AT));
    String id = v1.id();
    String stored = new String(v1.json().toCharArray()); // as read back from the store
    SharedCase read = SharedCase.parse(id, stored);
    assertThat(read).isEqualTo(v1);
    assertThat(read.current().narrative()).isEqualTo("甲");

    SharedCase v2 =
        v1.append(
            SIGNER.sign(
                SharedCase.payload(CaseInput.withVersion(draft("兴烟立字〔2026〕第9001号", "乙"), 2)),
                v1.last().hash(),
                AT.plusSeconds(1)));
    assertThat(SharedCase.parse(id, new String(v2.json().toCharArray())).current().narrative())
        .isEqualTo("乙");
    assertThat(SharedCase.parse(id, stored).current().narrative()).isEqualTo("甲");
    assertThat(SharedCase.parse(id, stored).versions()).hasSize(1);
    assertThatThrownBy(() -> SharedCase.parse("case:150924:other", stored))
        .isInstanceOf(SharedCase.Rejected.class);
  }

  /**
   * A record is not parsed again by the indexer when it reads it back three import batches after it
   * was signed (a register import signs the next batch while one is committed, and the indexer
   * follows): the text gives the very record built when it was signed. With the 512 records
   * remembered before, the first of 1,500 records was parsed anew.
   */
  @Test
  void aRecordSignedThreeBatchesBeforeIsNotParsedAgain() throws Exception {
    SharedCase first = null;
    for (int i = 0; i < 1_500; i++) {
      CaseRecord c = CaseInput.withVersion(draft("兴烟立字〔2026〕第" + (10_000 + i) + "号", "批量"), 1);
      SharedCase s =
          SharedCase.first(SIGNER.sign(SharedCase.payload(c), Hashes.GENESIS, AT.plusMillis(i)));
      if (first == null) {
        first = s;
      }
    }
    assertThat(SharedCase.parse(first.id(), new String(first.json().toCharArray())))
        .isSameAs(first);
  }
}
