package io.liaison.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.CaseFigures;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.LeadFigures;
import io.liaison.api.report.Period;
import io.liaison.api.report.PriceSummary;
import io.liaison.crypto.CanonicalJson;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SigningKeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liaison report verify FILE}: offline, real keys; an edited file fails. */
class ReportVerifyTest {
  private static final Instant AT = Instant.parse("2026-07-03T02:00:00Z");
  private static final BureauId XINGHE = BureauId.of("150924");

  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void start() {
    cli = new CliHarness(dir.resolve("config"), Clock.fixed(AT, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void aSignedReportVerifiesAndAnEditedOneDoesNot() throws Exception {
    SigningKeyPair authorityKey = SigningKeyPair.generate();
    SigningKeyPair bureauKey = SigningKeyPair.generate();
    Roster roster =
        new Roster(
            1,
            AT,
            List.of(
                new Member(
                    XINGHE,
                    "兴和县烟草专卖局",
                    "内蒙古自治区",
                    List.of(),
                    List.of(MemberKey.signing(bureauKey, AT.minusSeconds(86_400))))));
    var signedRoster = new RosterAuthority(authorityKey).sign(roster);
    Briefing b =
        new Briefing(
            Briefing.SCHEMA,
            XINGHE,
            "QUARTER",
            Period.quarter(2026, 2),
            new LeadFigures(3, 2, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0),
            new CaseFigures(
                List.of(new CategoryRow(CaseCategory.UNLICENSED_WHOLESALE, 1, 6_000, 6_200_000)),
                new CategoryRow(null, 1, 6_000, 6_200_000),
                List.of(),
                1,
                0,
                1,
                1,
                0,
                2,
                1,
                0,
                1_500_050),
            new PriceSummary(10, 9, List.of()),
            "市场总体平稳。",
            5_000_000L,
            null,
            new io.liaison.api.report.NetworkFigures(2, 1, 0, 1, 1),
            new io.liaison.api.report.FeedbackFigures(15, 4, 3, 1, 0),
            new io.liaison.api.report.RewardFigures(2, 90_000, 100_000, 0, 0, 1, 0));
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("type", "report.briefing");
    payload.put("version", 1);
    payload.set("briefing", Json.mapper().valueToTree(b));
    SignedEnvelope env = new EnvelopeSigner(XINGHE, bureauKey).sign(payload, Hashes.GENESIS, AT);
    ObjectNode file = Json.mapper().createObjectNode();
    file.put("format", "liaison.report/1");
    file.set("report", CanonicalJson.parse(env.toJson()));
    file.set("roster", CanonicalJson.parse(signedRoster.toJson()));
    Path good = dir.resolve("report.json");
    Files.writeString(good, file.toPrettyString());
    Path pub = dir.resolve("authority.pub");
    Files.writeString(
        pub, Base64.getUrlEncoder().withoutPadding().encodeToString(authorityKey.publicKey()));

    var ok = cli.runBare("report", "verify", good.toString(), "--authority", pub.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("有效：150924", "成员名录已按根密钥核验", "刑事拘留 2 人", "上缴财政 1.50 万元");
    String canonical = Hashes.sha256Hex(CanonicalJson.canonicalize(Json.mapper().valueToTree(b)));
    assertThat(ok.out()).contains(canonical);

    // one figure changed: the signature no longer covers it
    Path edited = dir.resolve("edited.json");
    String text = Files.readString(good);
    Files.writeString(edited, text.replace("\"detainedPersons\" : 2", "\"detainedPersons\" : 0"));
    assertThat(Files.readString(edited)).isNotEqualTo(text);
    var bad = cli.runBare("report", "verify", edited.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out()).contains("无效", "signature");

    // a roster not signed by the pinned authority is refused
    Path other = dir.resolve("other.pub");
    Files.writeString(
        other,
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(SigningKeyPair.generate().publicKey()));
    var foreign = cli.runBare("report", "verify", good.toString(), "--authority", other.toString());
    assertThat(foreign.code()).isEqualTo(1);
    assertThat(foreign.out()).contains("无效：roster");
    assertThat(new String(Files.readAllBytes(good), StandardCharsets.UTF_8)).contains("150924");
  }
}
