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
}
