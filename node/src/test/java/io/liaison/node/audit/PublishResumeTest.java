package io.liaison.node.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.store.ChainEntry;
import io.liaison.node.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a publish after a start resumes ({@link AuditService#settledUpTo}), on a real store file
 * with a real signed chain: after the last entry that is both kept as a record and past its
 * retention on the grid — never past an entry the store does not keep as a record yet (the first
 * start after the upgrade keeps every entry), never past one still within its retention.
 */
class PublishResumeTest {
  static final BureauId XINGHE = BureauId.of("150924");
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path dir;

  /**
   * Ten chain entries signed a minute apart after {@link #T0}; the first {@code kept} as records.
   */
  static void chain(Store s, int kept) {
    EnvelopeSigner signer = new EnvelopeSigner(XINGHE, SigningKeyPair.generate());
    String prev = Hashes.GENESIS;
    for (int seq = 1; seq <= 10; seq++) {
      ObjectNode payload = Json.mapper().createObjectNode();
      payload.put("type", "audit.entry");
      payload.put("seq", seq);
      SignedEnvelope e = signer.sign(payload, prev, T0.plusSeconds(60L * seq));
      String json = new String(e.toJson(), StandardCharsets.UTF_8);
      s.appendChain(new ChainEntry(seq, e.hash(), json, "h" + seq));
      if (seq <= kept) {
        s.putRecord(AuditService.stored(XINGHE.code() + "/" + seq, e, json));
      }
      prev = e.hash();
    }
  }

  /** A cutoff half a minute after entry {@code seq} was signed. */
  static long cutoffAfter(int seq) {
    return T0.plusSeconds(60L * seq + 30).toEpochMilli();
  }

  @Test
  void resumesAfterTheLastEntryKeptAndPastItsRetentionAndNeverBeyond() {
    try (Store s = Store.open(dir.resolve("empty.db"))) {
      assertThat(AuditService.settledUpTo(s, XINGHE.code(), cutoffAfter(10))).isZero();
    }
    try (Store s = Store.open(dir.resolve("upgraded.db"))) {
      chain(s, 0); // the first start after the upgrade: nothing kept as a record yet
      assertThat(AuditService.settledUpTo(s, XINGHE.code(), cutoffAfter(10))).isZero();
    }
    try (Store s = Store.open(dir.resolve("half-kept.db"))) {
      chain(s, 6);
      assertThat(AuditService.settledUpTo(s, XINGHE.code(), cutoffAfter(10))).isEqualTo(6);
      assertThat(AuditService.settledUpTo(s, XINGHE.code(), cutoffAfter(3))).isEqualTo(3);
    }
    try (Store s = Store.open(dir.resolve("kept.db"))) {
      chain(s, 10);
      assertThat(AuditService.settledUpTo(s, XINGHE.code(), cutoffAfter(10))).isEqualTo(10);
      assertThat(AuditService.settledUpTo(s, XINGHE.code(), cutoffAfter(4))).isEqualTo(4);
      assertThat(AuditService.settledUpTo(s, XINGHE.code(), T0.toEpochMilli())).isZero();
    }
  }
}
