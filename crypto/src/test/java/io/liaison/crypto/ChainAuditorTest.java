package io.liaison.crypto;

import static io.liaison.crypto.DemoTrust.EPOCH;
import static io.liaison.crypto.DemoTrust.FENGZHEN;
import static io.liaison.crypto.DemoTrust.HUAIAN;
import static io.liaison.crypto.DemoTrust.TIANZHEN;
import static io.liaison.crypto.DemoTrust.XINGHE;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.crypto.ChainVerdict.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainAuditorTest {
  @TempDir Path dir;

  /** Writes an interleaved JSON Lines export, as a node's export would. */
  private Path export(List<List<SignedEnvelope>> chains, String name) throws IOException {
    List<String> lines = new ArrayList<>();
    int longest = chains.stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (List<SignedEnvelope> chain : chains) {
        if (i < chain.size()) {
          lines.add(new String(chain.get(i).toJson(), StandardCharsets.UTF_8));
        }
      }
    }
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void auditsARealExportFromFilesPerBureau() throws IOException {
    TrustBootstrap.Result setup =
        TrustBootstrap.create(
            dir.resolve("trust"),
            DemoTrust.members(),
            "pw".toCharArray(),
            EPOCH,
            KeyFiles.Kdf.FAST);
    TrustBootstrap.InMemory trust = setup.trust();
    List<SignedEnvelope> xinghe = ChainFixture.chain(trust, XINGHE, 25, EPOCH);
    List<SignedEnvelope> tianzhen = ChainFixture.chain(trust, TIANZHEN, 12, EPOCH);
    List<SignedEnvelope> huaian = new ArrayList<>(ChainFixture.chain(trust, HUAIAN, 8, EPOCH));
    huaian.remove(5);
    Path file = export(List.of(xinghe, tianzhen, huaian), "export.jsonl");
    Files.writeString(
        file, "\n{\"not\":\"an envelope\"}\n", java.nio.file.StandardOpenOption.APPEND);

    AuditReport report =
        ChainAuditor.audit(
            file,
            setup.rosterFile(),
            KeyFiles.readPublicKey(setup.authorityPublicKeyFile()),
            ChainLayout.EVERY_ENVELOPE);

    Map<BureauId, ChainVerdict> byBureau =
        report.chains().stream()
            .collect(Collectors.toMap(ChainVerdict::bureau, Function.identity()));
    assertThat(byBureau).hasSize(6);
    assertThat(byBureau.get(XINGHE).status()).isEqualTo(Status.INTACT);
    assertThat(byBureau.get(XINGHE).entries()).isEqualTo(25);
    assertThat(byBureau.get(TIANZHEN).status()).isEqualTo(Status.INTACT);
    assertThat(byBureau.get(HUAIAN).status()).isEqualTo(Status.GAP);
    assertThat(byBureau.get(HUAIAN).position()).isEqualTo(5);
    assertThat(byBureau.get(FENGZHEN).status()).isEqualTo(Status.EMPTY);
    assertThat(report.unreadable())
        .singleElement()
        .satisfies(u -> assertThat(u.line()).isEqualTo(46));
    assertThat(report.allIntact()).isFalse();
    assertThat(report.exitCode()).isEqualTo(1);
    String text = report.render();
    assertThat(text)
        .contains("OK    150924 INTACT 25 entries")
        .contains("FAIL  130728 GAP at position 5 of 7: seq 6 missing before seq 7")
        .contains("FAIL  line 46")
        .contains("VERDICT: 1 of 6 chains broken, 0 record problems, 1 unreadable lines");
  }

  @Test
  void intactExportGivesExitCodeZero() throws IOException {
    TrustBootstrap.InMemory trust = DemoTrust.create();
    Path file =
        export(
            List.of(
                ChainFixture.chain(trust, XINGHE, 5, EPOCH),
                ChainFixture.chain(trust, TIANZHEN, 5, EPOCH)),
            "ok.jsonl");
    AuditReport report = new ChainAuditor(trust.roster()).audit(file);
    assertThat(report.allIntact()).isTrue();
    assertThat(report.exitCode()).isZero();
    assertThat(report.render()).contains("VERDICT: all 6 chains intact");
  }

  @Test
  void exportSignedUnderAForgedRosterIsUntrusted() throws IOException {
    TrustBootstrap.InMemory real = DemoTrust.create();
    TrustBootstrap.InMemory forged = DemoTrust.create();
    Path file = export(List.of(ChainFixture.chain(forged, XINGHE, 3, EPOCH)), "forged.jsonl");
    AuditReport report = new ChainAuditor(real.roster()).audit(file);
    ChainVerdict xinghe =
        report.chains().stream().filter(c -> c.bureau().equals(XINGHE)).findFirst().orElseThrow();
    assertThat(xinghe.status()).isEqualTo(Status.UNTRUSTED_KEY);
    assertThat(xinghe.detail()).contains("UNKNOWN_KEY");
  }

  /** The node's layout: records plus {@code audit.entry} envelopes that log their hashes. */
  @Test
  void recordsMustBeValidAndLoggedInTheirSignersChain() {
    TrustBootstrap.InMemory trust = DemoTrust.create();
    EnvelopeSigner xinghe = trust.signer(XINGHE);
    List<SignedEnvelope> export = new ArrayList<>();
    String prev = Hashes.GENESIS;
    List<SignedEnvelope> records = new ArrayList<>();
    for (int seq = 1; seq <= 4; seq++) {
      SignedEnvelope record =
          xinghe.sign(ChainFixture.payload(seq, XINGHE), Hashes.GENESIS, EPOCH.plusSeconds(seq));
      records.add(record);
      var entry = io.liaison.api.Json.mapper().createObjectNode();
      entry.put("type", "audit.entry");
      entry.put("seq", seq);
      entry.put("envelope", record.hash());
      SignedEnvelope logged = xinghe.sign(entry, prev, EPOCH.plusSeconds(seq));
      prev = logged.hash();
      export.add(record);
      export.add(logged);
    }
    // a record the chain does not log (slipped in), and a forged one
    SignedEnvelope unlogged =
        xinghe.sign(ChainFixture.payload(99, XINGHE), Hashes.GENESIS, EPOCH.plusSeconds(99));
    export.add(unlogged);
    SignedEnvelope r = records.get(0);
    var altered = r.payload().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) altered).put("officer", "冒名");
    export.add(
        new SignedEnvelope(
            altered, r.signer(), r.keyId(), r.signedAt(), r.prevHash(), r.signature()));
    // a record of a bureau whose chain is not in this export is only verified
    export.add(
        trust.signer(TIANZHEN).sign(ChainFixture.payload(1, TIANZHEN), Hashes.GENESIS, EPOCH));

    AuditReport report =
        new ChainAuditor(trust.roster(), ChainLayout.entries("audit.entry", "envelope"))
            .audit(export);

    assertThat(report.chains())
        .filteredOn(c -> c.bureau().equals(XINGHE))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Status.INTACT))
        .satisfies(c -> assertThat(c.entries()).isEqualTo(4));
    assertThat(report.records()).isEqualTo(7);
    assertThat(report.recordProblems())
        .extracting(AuditReport.RecordProblem::line, AuditReport.RecordProblem::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(9, "not logged in its signer's audit chain"),
            org.assertj.core.groups.Tuple.tuple(10, "BAD_SIGNATURE: signature does not verify"));
    assertThat(report.render()).contains("7 records, 2 with problems");
    assertThat(report.exitCode()).isEqualTo(1);
  }
}
