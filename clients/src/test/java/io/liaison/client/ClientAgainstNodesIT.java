package io.liaison.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.access.AccessLogEntry;
import io.liaison.api.access.EnrolledOfficer;
import io.liaison.api.access.OfficerSummary;
import io.liaison.api.access.Role;
import io.liaison.api.access.SignedInOfficer;
import io.liaison.api.access.Tokens;
import io.liaison.api.action.Commitment;
import io.liaison.api.action.Meeting;
import io.liaison.api.action.MeetingView;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanResult;
import io.liaison.api.action.PlanState;
import io.liaison.api.action.PlanSummary;
import io.liaison.api.action.PlanTarget;
import io.liaison.api.action.PlanView;
import io.liaison.api.action.StepRequest;
import io.liaison.api.action.TargetKind;
import io.liaison.api.admin.QuarantinePage;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.EntityType;
import io.liaison.api.cases.imports.ColumnMapping;
import io.liaison.api.cases.imports.ImportDefaults;
import io.liaison.api.cases.imports.ImportField;
import io.liaison.api.cases.imports.ImportJob;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.api.cases.imports.ImportState;
import io.liaison.api.cases.imports.RowError;
import io.liaison.api.lead.DirectoryList;
import io.liaison.api.lead.Distribution;
import io.liaison.api.lead.LeadCategory;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadEntity;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadState;
import io.liaison.api.lead.LeadView;
import io.liaison.api.lead.Outcome;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.api.lead.Urgency;
import io.liaison.api.network.NetworkEntry;
import io.liaison.api.network.ProposalView;
import io.liaison.api.network.RestrictedHit;
import io.liaison.api.network.Verdict;
import io.liaison.api.price.AgreedPrice;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.CheckView;
import io.liaison.api.price.Dimension;
import io.liaison.api.price.FindingsRequest;
import io.liaison.api.price.ImportResult;
import io.liaison.api.price.ObservedItem;
import io.liaison.api.price.PackUnit;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceMeeting;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.Retailer;
import io.liaison.api.price.RetailerVisit;
import io.liaison.api.price.SelfDisciplineGroup;
import io.liaison.api.search.IdentifierPage;
import io.liaison.api.search.SearchPage;
import io.liaison.client.action.ActionCalls;
import io.liaison.client.network.DecisionRequest;
import io.liaison.client.search.SearchQuery;
import io.liaison.crypto.Member;
import io.liaison.crypto.RosterView;
import io.liaison.node.Await;
import io.liaison.node.TestCluster;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client against three real nodes (兴和县 150924, 天镇县 140222, 阳高县 140221 from node's {@link
 * TestCluster}): every public method of {@link LiaisonClient}, {@link PriceClient} and {@link
 * ActionCalls} is called through {@link CallLog} with the answers checked, and the last test fails
 * if one was not called. A change in the node's answers that the client cannot read fails here, not
 * in an officer's hands.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientAgainstNodesIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final BureauId XINGHE = BureauId.of("150924");
  static final BureauId TIANZHEN = BureauId.of("140222");
  static final BureauId YANGGAO = BureauId.of("140221");
  static final String X_OFFICER = TestCluster.OFFICERS.get(0);
  static final String T_OFFICER = TestCluster.OFFICERS.get(1);
  static final String Y_OFFICER = TestCluster.OFFICERS.get(2);

  @TempDir static Path dir;
  static TestCluster cluster;
  static final CallLog calls = new CallLog();
  static LiaisonClient xinghe;
  static LiaisonClient tianzhen;
  static LiaisonClient yanggao;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  static URI uri(int i) {
    return URI.create(cluster.url(i));
  }

  static char[] password() {
    return TestCluster.PASSWORD.toCharArray();
  }

  @Test
  @Order(1)
  void signsInRenewsAndReadsWhoAndWhatTheNodeIs() {
    xinghe = calls.of(LiaisonClient::create, uri(0));
    LiaisonClient.Builder b = calls.of(LiaisonClient::builder, uri(1));
    tianzhen = b.requestTimeout(Duration.ofSeconds(30)).build();
    yanggao = LiaisonClient.create(uri(2));
    assertThat(calls.of(xinghe::node)).isEqualTo(uri(0));
    assertThat(calls.of(xinghe::session)).isEmpty();

    // a wrong password is the node's 401, read as a problem
    assertThatThrownBy(() -> xinghe.login(X_OFFICER, "wrong-password-1".toCharArray()))
        .isInstanceOfSatisfying(
            LiaisonClientException.class, e -> assertThat(e.status()).isEqualTo(401));
    Tokens t = calls.of(xinghe::login, X_OFFICER, password());
    assertThat(t.officer().id()).isEqualTo(X_OFFICER);
    assertThat(t.officer().bureau()).isEqualTo(XINGHE);
    assertThat(t.expiresAt()).isAfter(Instant.now());
    Tokens t2 = calls.of(tianzhen::login, T_OFFICER, password(), (String) null);
    assertThat(t2.officer().bureau()).isEqualTo(TIANZHEN);
    yanggao.login(Y_OFFICER, password());
    assertThat(calls.of(xinghe::session)).map(s -> s.officer().id()).contains(X_OFFICER);

    Tokens renewed = calls.of(xinghe::refresh);
    assertThat(renewed.refreshToken()).isNotEqualTo(t.refreshToken());
    SignedInOfficer me = calls.of(xinghe::whoami);
    assertThat(me.id()).isEqualTo(X_OFFICER);
    assertThat(me.roles()).contains(Role.LIAISON, Role.CHIEF, Role.ADMIN);

    Health h = calls.of(tianzhen::health);
    assertThat(h.live()).isTrue();
    assertThat(h.ready()).isTrue();
    RosterView roster = calls.of(yanggao::roster);
    assertThat(roster.self()).isEqualTo(YANGGAO);
    assertThat(roster.members()).extracting(Member::bureau).contains(XINGHE, TIANZHEN, YANGGAO);
  }

  @Test
  @Order(2)
  void aLeadGoesFromXingheToTianzhenIsHandedToYanggaoAndClosedSeenLiveAtTheOrigin() {
    LeadDraft draft =
        new LeadDraft(
            X_OFFICER,
            LeadCategory.UNLICENSED_TRANSPORT,
            "蒙J·3K582 面包车夜间往天镇方向运烟",
            "据群众举报,车牌号为蒙J·3K582的白色面包车每周二夜间经307国道往天镇县方向运输中华(硬)卷烟。",
            List.of(new LeadEntity(EntityType.PLATE, "蒙J·3K582", null)),
            "兴和县城关镇307国道",
            Urgency.PRIORITY,
            null,
            List.of(TIANZHEN),
            Distribution.MEMBERS,
            List.of());
    LeadView posted = calls.of(xinghe::postLead, draft);
    String id = posted.id();
    assertThat(posted.originBureau()).isEqualTo(XINGHE);
    assertThat(posted.status().state()).isEqualTo(LeadState.POSTED);
    assertThat(posted.proof()).isNotNull();

    Await.until(WAIT, () -> readable(tianzhen, id), "the lead on 天镇县's node");
    LeadView seen = calls.of(tianzhen::getLead, id);
    assertThat(seen.lead().title()).isEqualTo(draft.title());
    assertThat(calls.of(xinghe::listLeads, LeadQuery.newest().withBureau(XINGHE)).items())
        .extracting(LeadView::id)
        .contains(id);
    Await.until(
        WAIT,
        () -> tianzhen.inbox("open", 50, null).items().stream().anyMatch(l -> l.id().equals(id)),
        "the lead in 天镇县's open inbox");
    assertThat(calls.of(tianzhen::inbox, "open", 50, (String) null).items())
        .extracting(LeadView::id)
        .contains(id);

    // the claim, sent twice with one key (a retry after a timeout), applies once
    TransitionRequest claim = step(LeadEvent.CLAIM, T_OFFICER);
    LeadView claimed = calls.of(tianzhen::transition, id, claim, "claim-" + id);
    assertThat(claimed.status().state()).isEqualTo(LeadState.CLAIMED);
    assertThat(claimed.status().owner()).isEqualTo(TIANZHEN);
    LeadView again = tianzhen.transition(id, claim, "claim-" + id);
    assertThat(again.status().version()).isEqualTo(claimed.status().version());
    // 兴和县 may not claim its own bureau's lead away from 天镇县: the node's 409 comes through
    assertThatThrownBy(() -> xinghe.transition(id, step(LeadEvent.CLAIM, X_OFFICER), null))
        .isInstanceOfSatisfying(
            LiaisonClientException.class, e -> assertThat(e.status()).isIn(403, 409));

    tianzhen.transition(
        id,
        new TransitionRequest(
            LeadEvent.OFFER_HANDOVER, T_OFFICER, "车辆常驻阳高", YANGGAO, null, null, null, null),
        null);
    Await.until(
        WAIT,
        () -> yanggao.getLead(id).status().state() == LeadState.HANDOVER_OFFERED,
        "the offer on 阳高县's node");
    yanggao.transition(id, step(LeadEvent.ACCEPT_HANDOVER, Y_OFFICER), null);
    yanggao.transition(id, step(LeadEvent.INVESTIGATE, Y_OFFICER), null);
    yanggao.transition(
        id,
        new TransitionRequest(
            LeadEvent.FEEDBACK, Y_OFFICER, null, null, "已核实，车辆在阳高县龙泉镇落脚。", null, null, null),
        null);
    LeadView closed =
        yanggao.transition(
            id,
            new TransitionRequest(
                LeadEvent.CLOSE, Y_OFFICER, null, null, null, Outcome.UNFOUNDED, null, null),
            null);
    assertThat(closed.status().state()).isEqualTo(LeadState.CLOSED);
    assertThat(closed.status().owner()).isEqualTo(YANGGAO);

    // the origin's event stream replays each step (from the start), then the client follows it
    List<String> types = new ArrayList<>();
    try (EventStream stream = calls.of(xinghe::openEvents, "0")) {
      Optional<ServerSentEvent> e = stream.next();
      while (e.isPresent() && types.size() < 500) {
        if (e.get().data().contains(id)) {
          types.add(e.get().event());
          if (e.get().event().equals("lead.closed")) {
            break;
          }
        }
        e = stream.next();
      }
      assertThat(stream.lastEventId()).isNotBlank();
    }
    assertThat(types).contains("lead.posted", "lead.claimed", "lead.closed");
    List<String> followed = new ArrayList<>();
    String last =
        calls.of(
            xinghe::followEvents,
            "0",
            (java.util.function.Predicate<ServerSentEvent>)
                ev -> {
                  followed.add(ev.event());
                  return !ev.event().equals("lead.closed");
                });
    assertThat(followed).contains("lead.claimed", "lead.closed");
    assertThat(last).isNotBlank();
    List<Throwable> breaks = new ArrayList<>();
    List<String> resumed = new ArrayList<>();
    calls.of(
        xinghe::followEvents,
        "0",
        (java.util.function.Predicate<ServerSentEvent>)
            ev -> {
              resumed.add(ev.id());
              return !ev.event().equals("lead.closed");
            },
        (java.util.function.Consumer<Throwable>) breaks::add);
    assertThat(breaks).isEmpty();
    assertThat(resumed).isNotEmpty();

    // the raw calls read the same lead
    JsonNode raw = calls.of(xinghe::get, "/api/v1/leads/" + id, JsonNode.class);
    assertThat(raw.at("/status/state").asText()).isEqualTo("CLOSED");
  }

  @Test
  @Order(3)
  void casesOfTwoBureausFormANetworkFoundBySearchAndLookupAndBothAcceptTheMerge() {
    JsonNode a =
        calls.of(
            xinghe::post,
            "/api/v1/cases",
            NodeData.caseBody(
                "兴烟立字〔2026〕第7001号",
                "150924",
                "2026-09-12",
                "在兴和县307国道拦截蒙J·5Q318面包车，查获卷烟六十条，驾驶员手机13947161234。",
                "蒙J·5Q318",
                "13947161234"),
            JsonNode.class);
    assertThat(a.get("id").asText()).startsWith("case:150924:");
    tianzhen.post(
        "/api/v1/cases",
        NodeData.caseBody(
            "天烟立字〔2026〕第7002号",
            "140222",
            "2026-10-02",
            "天镇县物流点查获无证运输卷烟，收货人电话139-4716-1234，送货车辆蒙J5Q318。",
            "蒙J5Q318",
            "139-4716-1234"),
        JsonNode.class);

    Await.until(
        WAIT,
        () -> yanggao.search(query("蒙J5Q318")).total() >= 2,
        "both cases found on 阳高县's node");
    SearchPage found = calls.of(yanggao::search, query("卷烟"));
    assertThat(found.items()).extracting(i -> i.bureau()).contains(XINGHE, TIANZHEN);
    assertThat(found.facets()).containsKey("bureau");
    IdentifierPage byPlate = calls.of(yanggao::lookup, "PLATE", "蒙j-5q318", 10);
    assertThat(byPlate.valid()).isTrue();
    assertThat(byPlate.total()).isEqualTo(2);

    AtomicReference<NetworkEntry> entry = new AtomicReference<>();
    Await.until(
        WAIT,
        () -> {
          List<NetworkEntry> n = xinghe.networks();
          n.stream()
              .filter(e -> e.network().bureaus().containsAll(List.of(XINGHE, TIANZHEN)))
              .findFirst()
              .ifPresent(entry::set);
          return entry.get() != null;
        },
        "a network on 兴和县's node");
    assertThat(calls.of(xinghe::networks))
        .extracting(e -> e.network().id())
        .contains(entry.get().network().id());
    var detail = calls.of(tianzhen::network, entry.get().network().id());
    assertThat(detail.graph().nodes()).hasSize(2);
    assertThat(detail.graph().edges()).hasSize(1);
    String pid = entry.get().proposalId();
    Await.until(WAIT, () -> hasProposal(tianzhen, pid), "the proposal on 天镇县's node");
    assertThat(calls.of(tianzhen::proposals)).extracting(ProposalView::id).contains(pid);
    assertThat(calls.of(tianzhen::proposal, pid).bureaus()).contains(XINGHE, TIANZHEN);
    ProposalView decided =
        calls.of(xinghe::decide, pid, new DecisionRequest(Verdict.ACCEPT, X_OFFICER, XINGHE));
    assertThat(decided.status().accepted()).contains(XINGHE);
    assertThatThrownBy(
            () -> xinghe.decide(pid, new DecisionRequest(Verdict.DECLINE, X_OFFICER, null)))
        .isInstanceOfSatisfying(
            LiaisonClientException.class, e -> assertThat(e.status()).isEqualTo(409));
    Await.until(
        WAIT,
        () -> {
          try {
            tianzhen.decide(pid, new DecisionRequest(Verdict.ACCEPT, T_OFFICER, XINGHE));
            return true;
          } catch (LiaisonClientException e) {
            return false;
          }
        },
        "天镇县 decides");
    Await.until(
        WAIT,
        () -> yanggao.proposal(pid).status().state().name().equals("ACCEPTED"),
        "the merge accepted on 阳高县's node");
  }

  @Test
  @Order(4)
  void aCaseMatchingASealedLeadTellsBothOwnersOfTheHit() {
    LeadView sealed =
        xinghe.postLead(
            new LeadDraft(
                X_OFFICER,
                LeadCategory.UNLICENSED_TRANSPORT,
                "夜间送烟车辆(限天镇)",
                "线人报称：蒙J·7H226每周三夜间经兴和县往阳高县送烟，联系电话13604786612。",
                List.of(
                    new LeadEntity(EntityType.PLATE, "蒙J·7H226", null),
                    new LeadEntity(EntityType.PHONE, "13604786612", null)),
                null,
                null,
                null,
                List.of(TIANZHEN),
                Distribution.RESTRICTED,
                List.of()));
    Await.until(WAIT, () -> readable(yanggao, sealed.id()), "the sealed lead's outline on 阳高县");
    yanggao.post(
        "/api/v1/cases",
        NodeData.caseBody(
            "阳烟立字〔2026〕第7101号",
            "140221",
            "2026-10-14",
            "阳高县检查站拦截面包车蒙J7H226，查获卷烟六十条，驾驶员电话136 0478 6612。",
            "蒙J7H226",
            "136-0478-6612"),
        JsonNode.class);
    Await.until(
        WAIT,
        () -> yanggao.hits().stream().anyMatch(h -> h.sealedRecordId().equals(sealed.id())),
        "the hit on 阳高县's node");
    RestrictedHit hit =
        calls.of(yanggao::hits).stream()
            .filter(h -> h.sealedRecordId().equals(sealed.id()))
            .findFirst()
            .orElseThrow();
    assertThat(hit.owner()).isEqualTo(XINGHE);
    assertThat(hit.recordBureau()).isEqualTo(YANGGAO);
    assertThat(hit.contact()).contains(X_OFFICER);
  }

  @Test
  @Order(5)
  void administrationEnrolsListsAndAuditsOfficers() {
    EnrolledOfficer enrolled =
        calls.of(
            xinghe::enrolOfficer,
            new OfficerEnrolment(
                "150924-101", "李新", Set.of(Role.LIAISON), "a-long-password-101", false));
    assertThat(enrolled.id()).isEqualTo("150924-101");
    assertThat(enrolled.totpUri()).isNull();
    assertThat(calls.of(xinghe::officers))
        .extracting(OfficerSummary::id)
        .contains("150924-101", X_OFFICER);
    assertThatThrownBy(
            () ->
                xinghe.enrolOfficer(
                    new OfficerEnrolment(
                        "150924-101", "李新", Set.of(Role.LIAISON), "a-long-password-101", false)))
        .isInstanceOfSatisfying(
            LiaisonClientException.class, e -> assertThat(e.status()).isEqualTo(409));
    List<AccessLogEntry> log = calls.of(xinghe::accessLog, new AccessLogQuery(0, 1000, X_OFFICER));
    assertThat(log).isNotEmpty().allMatch(e -> X_OFFICER.equals(e.officer()));
    assertThat(log).anyMatch(e -> e.path().startsWith("/api/v1/admin/officers"));
    QuarantinePage quarantine = calls.of(xinghe::quarantine, 50);
    assertThat(quarantine.total()).isGreaterThanOrEqualTo(quarantine.items().size());
    // the liaison directory through the raw PUT
    ObjectNode entries = Json.mapper().createObjectNode();
    entries
        .putArray("entries")
        .addObject()
        .put("officer", X_OFFICER)
        .put("name", "王联络")
        .put("role", "信息联络员")
        .put("phone", "0474-7212345");
    JsonNode directory = calls.of(xinghe::put, "/api/v1/directory", entries, JsonNode.class);
    assertThat(directory.toString()).contains("0474-7212345");
    DirectoryList all = calls.of(xinghe::get, "/api/v1/directory", DirectoryList.class);
    assertThat(all.items())
        .anyMatch(
            d ->
                d.bureau().equals(XINGHE)
                    && d.entries().stream().anyMatch(e -> "0474-7212345".equals(e.phone())));
  }

  @Test
  @Order(6)
  void tianzhenPlansAndRecordsAnUnannouncedCheckOfXingheAndBothSeeTheFigures() throws Exception {
    PriceClient xp = calls.of(xinghe::price);
    PriceClient tp = tianzhen.price();
    LocalDate today = LocalDate.now(BEIJING);
    var g =
        calls.of(
            xp::saveGroup,
            new SelfDisciplineGroup(
                "150924-CG01",
                XINGHE,
                "兴和县",
                "城关镇",
                "城关镇明码实价自律小组",
                "兴和县营销部",
                List.of(
                    new Retailer("150924100001", "王记烟酒店", "城关镇"),
                    new Retailer("150924100002", "李氏便利店", "城关镇")),
                null));
    assertThat(g.group().version()).isEqualTo(1);
    tp.saveGroup(
        new SelfDisciplineGroup(
            "140222-TZ01",
            TIANZHEN,
            "天镇县",
            "玉泉镇",
            "玉泉镇明码实价自律小组",
            "天镇县营销部",
            List.of(new Retailer("140222100001", "张家小卖部", "玉泉镇")),
            null));
    var agreed =
        calls.of(
            xp::addAgreement,
            new PriceAgreement(
                "150924-CG01",
                XINGHE,
                LocalDate.parse("2026-01-01"),
                List.of(new AgreedPrice("中华", "硬", 4500, 45000)),
                null,
                null));
    assertThat(agreed.inForce().prices().get(0).cartonFen()).isEqualTo(45000);
    tp.addAgreement(
        new PriceAgreement(
            "140222-TZ01",
            TIANZHEN,
            LocalDate.parse("2026-01-01"),
            List.of(new AgreedPrice("中华", "硬", 4700, 47000)),
            null,
            null));
    Await.until(WAIT, () -> tp.agreements(null, null).size() == 2, "both agreements on 天镇县");
    assertThat(calls.of(tp::agreements, XINGHE, today))
        .singleElement()
        .satisfies(v -> assertThat(v.groupId()).isEqualTo("150924-CG01"));
    assertThat(calls.of(tp::agreement, "150924-CG01", today).inForce().prices())
        .extracting(AgreedPrice::packFen)
        .containsExactly(4500L);
    assertThat(calls.of(tp::groups, XINGHE))
        .extracting(v -> v.group().id())
        .contains("150924-CG01");
    assertThat(calls.of(tp::group, "150924-CG01").group().members()).hasSize(2);

    PriceSettings settings = calls.of(tp::settings, TIANZHEN);
    assertThat(settings.gapThresholdFen()).isEqualTo(PriceSettings.DEFAULT_GAP_THRESHOLD_FEN);
    PriceSettings saved = calls.of(tp::saveSettings, new PriceSettings(TIANZHEN, 0, 1500, null));
    assertThat(saved.gapThresholdFen()).isEqualTo(1500);
    assertThat(saved.version()).isEqualTo(1);

    CheckView planned =
        calls.of(
            tp::plan,
            new CheckPlan(
                null,
                TIANZHEN,
                XINGHE,
                List.of("150924-CG01"),
                List.of(),
                today.minusDays(1),
                today.plusDays(1),
                List.of(T_OFFICER, "140222-011"),
                "突击检查城关镇",
                null));
    String id = planned.id();
    assertThat(planned.state()).isEqualTo(CheckView.State.PLANNED);
    assertThat(calls.of(tp::checks)).extracting(CheckView::id).contains(id);
    // sealed from the checked bureau until recorded
    assertThatThrownBy(() -> xp.check(id))
        .isInstanceOfSatisfying(
            LiaisonClientException.class, e -> assertThat(e.status()).isEqualTo(404));
    Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
    CheckView recorded =
        calls.of(
            tp::record,
            id,
            new FindingsRequest(
                T_OFFICER,
                List.of(visit("150924100001", at, 48000), visit("150924100002", at, 45000))));
    assertThat(recorded.state()).isEqualTo(CheckView.State.RECORDED);
    assertThat(recorded.evaluations()).hasSize(2);
    Await.until(WAIT, () -> visible(xp, id), "the recorded check on 兴和县's node");
    CheckView seen = calls.of(xp::check, id);
    assertThat(seen.evaluations().get(0).compliant()).isFalse();
    assertThat(seen.evaluations().get(0).deviationYuan()).isEqualByComparingTo("30.00");

    Path sheet = dir.resolve("sheet.csv");
    Files.writeString(
        sheet,
        "许可证号,检查时间,地点,品牌规格,单位,标价,实际售价\n"
            + "150924100001,"
            + today
            + " 10:00,城关镇,中华(硬),条,480,480\n");
    ImportResult imported = calls.of(tp::importSheet, id, T_OFFICER, sheet);
    assertThat(imported.visits()).isEqualTo(1);
    assertThat(imported.check().visits()).hasSize(3);

    Await.until(
        WAIT,
        () -> xp.compliance(Dimension.COUNTY, null, null, null).total().judged() == 3,
        "the figures on 兴和县's node");
    var figures =
        calls.of(xp::compliance, Dimension.COUNTY, (LocalDate) null, (LocalDate) null, XINGHE);
    assertThat(figures.rows().get(0).key()).isEqualTo("150924");
    assertThat(figures.rows().get(0).compliant()).isEqualTo(1);
    assertThat(calls.of(xp::deviators, (LocalDate) null, (LocalDate) null, XINGHE, 2))
        .singleElement()
        .satisfies(d -> assertThat(d.licence()).isEqualTo("150924100001"));
    assertThat(calls.of(tp::gaps, (LocalDate) null, (LocalDate) null, List.of("150924-140222")))
        .anySatisfy(
            gap -> {
              assertThat(gap.brand()).isEqualTo("中华");
              assertThat(gap.agreedGap()).isEqualByComparingTo("20.00");
            });

    PriceMeeting m =
        calls.of(
            tp::recordMeeting,
            new PriceMeeting(
                null,
                TIANZHEN,
                PriceMeeting.Kind.VISIT,
                today,
                "兴和县城关镇",
                List.of(TIANZHEN, XINGHE),
                List.of("150924-CG01"),
                List.of("天镇县营销部 赵", "自律小组代表 钱"),
                "观摩兴和县明码实价自律小组"));
    assertThat(m.id()).isNotBlank();
    assertThat(calls.of(tp::meetings)).extracting(PriceMeeting::id).contains(m.id());
  }

  @Test
  @Order(7)
  void xingheTurnsTheNetworkIntoAThreeBureauOperationThatIsApprovedRunAndSummarized() {
    ActionCalls xa = calls.of(xinghe::actions);
    ActionCalls ta = tianzhen.actions();
    ActionCalls ya = yanggao.actions();
    String networkId =
        xinghe.networks().stream()
            .filter(e -> e.network().bureaus().containsAll(List.of(XINGHE, TIANZHEN)))
            .findFirst()
            .orElseThrow()
            .network()
            .id();

    PlanContent template = calls.of(xa::template, PlanKind.CHECKPOINT);
    assertThat(template.kind()).isEqualTo(PlanKind.CHECKPOINT);
    assertThat(template.leadBureau()).isEqualTo(XINGHE);

    PlanView v1 = calls.of(xa::fromNetwork, X_OFFICER, networkId, List.of(YANGGAO));
    String id = v1.id();
    assertThat(v1.state()).isEqualTo(PlanState.DRAFT);
    assertThat(v1.participants()).contains(XINGHE, TIANZHEN, YANGGAO);
    assertThat(v1.plan().linkedCases()).hasSize(2);
    var checklist = calls.of(xa::checklist, id);
    assertThat(checklist.ready()).isFalse();
    assertThat(checklist.missing()).extracting(i -> i.code()).contains("rallyPoint");

    PlanContent complete = NodeData.completed(v1.plan());
    PlanView v2 = calls.of(xa::revise, id, X_OFFICER, complete);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(xa.checklist(id).ready()).as(xa.checklist(id).toString()).isTrue();
    PlanView proposed =
        calls.of(
            xa::step,
            id,
            new StepRequest(PlanEvent.PROPOSE, X_OFFICER, 2, null, null, null, null, null));
    assertThat(proposed.state()).isEqualTo(PlanState.PROPOSED);
    assertThat(proposed.awaiting()).containsExactlyInAnyOrder(XINGHE, TIANZHEN, YANGGAO);
    Await.until(WAIT, () -> state(ta, id) == PlanState.PROPOSED, "proposed on 天镇县");
    Await.until(WAIT, () -> state(ya, id) == PlanState.PROPOSED, "proposed on 阳高县");
    ta.step(id, approve(T_OFFICER));
    ya.step(id, approve(Y_OFFICER));
    xa.step(id, approve(X_OFFICER));
    Await.until(WAIT, () -> state(xa, id) == PlanState.APPROVED, "approved on 兴和县");
    xa.step(id, new StepRequest(PlanEvent.ACTIVATE, X_OFFICER, 2, null, null, null, null, null));
    Await.until(WAIT, () -> state(ta, id) == PlanState.ACTIVE, "active on 天镇县");
    ta.step(
        id,
        new StepRequest(PlanEvent.BRIEF, T_OFFICER, null, "今日在玉泉镇设卡两处", null, null, null, null));
    xa.step(id, result(X_OFFICER, 20, 12000));
    ta.step(id, result(T_OFFICER, 12, 4000));
    ya.step(id, result(Y_OFFICER, 6, 0));
    Await.until(WAIT, () -> xa.get(id).results().size() == 3, "three results on 兴和县");
    xa.step(id, new StepRequest(PlanEvent.COMPLETE, X_OFFICER, null, null, null, null, null, null));
    xa.step(
        id,
        new StepRequest(
            PlanEvent.SUMMARIZE,
            X_OFFICER,
            null,
            null,
            null,
            new PlanSummary("三地联合查处蒙J·5Q318运烟网络", List.of("ab".repeat(32)), "提前共享线索"),
            null,
            null));
    Await.until(WAIT, () -> state(ya, id) == PlanState.SUMMARIZED, "summarized on 阳高县");
    PlanView done = calls.of(ya::get, id);
    assertThat(done.total().officerTimes()).isEqualTo(38);
    assertThat(done.total().sticksSeized()).isEqualTo(16_000);
    assertThat(done.summary().lessons()).isEqualTo("提前共享线索");
    assertThat(calls.of(ta::list, false, 20).plans()).extracting(PlanView::id).contains(id);

    PlanView copy = calls.of(xa::cloneOf, id, X_OFFICER);
    assertThat(copy.id()).isNotEqualTo(id);
    assertThat(copy.state()).isEqualTo(PlanState.DRAFT);

    // 阳高县's own checkpoint on the same van, spelt differently: 阳高县 is alerted
    PlanContent yt = ya.template(PlanKind.CHECKPOINT);
    PlanContent own =
        new PlanContent(
            "阳高县龙泉镇查堵",
            yt.kind(),
            YANGGAO,
            List.of(
                new Commitment(YANGGAO, 1, 2, 1, List.of("赵队长"), List.of("收费站查堵")),
                new Commitment(TIANZHEN, 1, 2, 0, List.of("钱队长"), List.of("配合查堵"))),
            yt.partnerAgencies(),
            List.of(
                new PlanTarget(
                    TargetKind.VEHICLE,
                    "可疑面包车",
                    io.liaison.api.cases.EntityType.PLATE,
                    "蒙j-5q318",
                    null)),
            List.of("阳高县龙泉镇"),
            "阳高县龙泉镇收费站",
            yt.window(),
            yt.communications(),
            yt.contingency(),
            List.of(),
            List.of(),
            List.of());
    PlanView ygPlan = calls.of(ya::create, Y_OFFICER, own);
    ya.step(
        ygPlan.id(),
        new StepRequest(PlanEvent.PROPOSE, Y_OFFICER, 1, null, null, null, null, null));
    Await.until(WAIT, () -> ya.conflicts(20).total() > 0, "a deconfliction alert on 阳高县");
    assertThat(calls.of(ya::conflicts, 20).conflicts())
        .anySatisfy(
            c -> {
              assertThat(c.planId()).isEqualTo(ygPlan.id());
              assertThat(c.otherBureau()).isEqualTo(XINGHE);
            });
  }

  @Test
  @Order(8)
  void aJointMeetingIsSignedAcknowledgedAndItsItemLeavesTheOwnersInboxWhenDone() {
    ActionCalls xa = xinghe.actions();
    ActionCalls ta = tianzhen.actions();
    Meeting meeting =
        new Meeting(
            "2026年下半年联席会议",
            true,
            Instant.now().minus(1, ChronoUnit.DAYS),
            "兴和县烟草专卖局",
            XINGHE,
            List.of(XINGHE, TIANZHEN),
            List.of("兴和县公安局"),
            List.of("通报上半年案件", "商定联合整治"),
            "双方通报了上半年查处的跨界案件。",
            List.of("十二月开展联合整治"),
            List.of(new Meeting.Item("排查玉泉镇物流点", TIANZHEN, LocalDate.now(BEIJING).plusDays(7))));
    MeetingView recorded = calls.of(xa::recordMeeting, X_OFFICER, meeting);
    String id = recorded.id();
    assertThat(recorded.awaiting()).contains(TIANZHEN);
    Await.until(WAIT, () -> ta.meetings(20).total() > 0, "the meeting on 天镇县");
    assertThat(calls.of(ta::meetings, 20).meetings()).extracting(MeetingView::id).contains(id);
    assertThat(calls.of(ta::meetingItems).items())
        .anySatisfy(i -> assertThat(i.item().task()).isEqualTo("排查玉泉镇物流点"));
    MeetingView acked = calls.of(ta::acknowledge, id, T_OFFICER);
    assertThat(acked.acknowledged()).extracting(MeetingView.Ack::bureau).contains(TIANZHEN);
    MeetingView done = calls.of(ta::itemDone, id, 1, T_OFFICER);
    assertThat(done.items().get(0).done()).isTrue();
    assertThat(ta.meetingItems().items()).noneMatch(i -> i.meetingId().equals(id));
  }

  @Test
  @Order(20)
  void signingOutEndsTheSession() {
    // no report is issued yet for the quarter: the list is empty, read through the client
    assertThat(calls.of(yanggao::reports).list("2026Q2").items()).isEmpty();
    calls.run(yanggao::logout);
    assertThat(yanggao.session()).isEmpty();
    assertThatThrownBy(yanggao::whoami)
        .isInstanceOfSatisfying(
            LiaisonClientException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  @Order(8)
  void theBureausAgreeRulesKeepAreasFileFormsAndAMajorLeadIsToldToTheNeighbours() {
    // the rules: 兴和县 proposes, 天镇县 and 阳高县 sign the same content
    io.liaison.client.settings.SettingsCalls xs = calls.of(xinghe::settings);
    io.liaison.api.settings.SettingsView proposed =
        xs.propose(new io.liaison.api.settings.RegionSettings(1, 15, 5, 15, 5_000_000L, "协作机制"));
    String hash = proposed.proposals().get(0).contentHash();
    for (LiaisonClient c : List.of(tianzhen, yanggao)) {
      Await.until(
          WAIT, () -> !c.settings().view().proposals().isEmpty(), "the proposal on " + c.node());
      c.settings().agree(1, hash);
    }
    Await.until(
        WAIT, () -> tianzhen.settings().view().inForce() != null, "the rules in force on 天镇县");

    // 兴和县's area; 天镇县's case naming its village is told to it with the evidence
    io.liaison.client.area.AreaCalls xa = calls.of(xinghe::area);
    io.liaison.api.area.AreaModel area =
        xa.save(
            new io.liaison.api.area.AreaModel(
                XINGHE, List.of("兴和县", "大同窑村"), List.of("蒙J"), List.of(), List.of(), null));
    assertThat(xa.get().version()).isEqualTo(area.version());
    tianzhen.post(
        "/api/v1/cases",
        NodeData.caseBody(
            "天烟立字〔2026〕第9号",
            "140222",
            "2026-10-05",
            "在新平堡镇查获卷烟，货源来自大同窑村。",
            "晋B·12345",
            "13947160000"),
        JsonNode.class);
    Await.until(
        WAIT,
        () ->
            xa.touches(null, 10).items().stream()
                .anyMatch(t -> t.title() != null && t.title().contains("第9号")),
        "the touch on 兴和县");

    // 天镇县 files a registration form of 兴和县's lead at 6万元: a major lead, told to 兴和县
    LeadView lead =
        xinghe.postLead(
            new LeadDraft(
                X_OFFICER,
                LeadCategory.UNLICENSED_TRANSPORT,
                "大宗卷烟过境",
                "货车夜间过境。",
                List.of(),
                "兴和县",
                Urgency.ROUTINE,
                null,
                List.of(),
                Distribution.MEMBERS));
    Await.until(WAIT, () -> readable(tianzhen, lead.id()), "the lead on 天镇县's node");
    io.liaison.client.forms.FormCalls tf = calls.of(tianzhen::forms);
    io.liaison.api.forms.FormView form =
        tf.file(
            new io.liaison.api.forms.FormDraft(
                io.liaison.api.forms.FormKind.REGISTRATION,
                lead.id(),
                T_OFFICER,
                "无证运输卷烟",
                "举报",
                "天镇县新平堡镇",
                Instant.parse("2026-10-05T02:30:00Z"),
                List.of(
                    new io.liaison.api.forms.Party(
                        "李某",
                        io.liaison.api.forms.Party.PartyRole.SUSPECT,
                        null,
                        null,
                        null,
                        null)),
                List.of(new io.liaison.api.forms.FormGoods("中华", "硬", 100, true)),
                6_000_000L,
                List.of(),
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(tf.of(lead.id()).items()).extracting(f -> f.id()).containsExactly(form.id());
    assertThat(tf.get(form.id()).form().valueFen()).isEqualTo(6_000_000L);
    assertThat(
            new String(
                calls.of(tianzhen::bytes, "/api/v1/forms/" + form.id() + "/print"),
                java.nio.charset.StandardCharsets.UTF_8))
        .contains("案件登记台帐", "李某");
    assertThat(tf.sheet(lead.id())).startsWith((byte) 'P', (byte) 'K');
    assertThat(new String(tf.print(form.id()), java.nio.charset.StandardCharsets.UTF_8))
        .contains("60000.00");
    Await.until(
        WAIT,
        () ->
            calls.of(xinghe::majorLeads, 50).items().stream()
                .anyMatch(n -> n.leadId().equals(lead.id()) && n.bureau().equals(TIANZHEN)),
        "the major lead on 兴和县");
  }

  @Test
  @Order(9)
  void aBureauIssuesItsQuarterlyReportANeighbourAcknowledgesAndTheFileVerifiesOffline() {
    String quarter = io.liaison.api.report.Period.quarterOf(java.time.Instant.now()).label();
    ReportClient xr = calls.of(xinghe::reports);
    io.liaison.api.report.ReportView issued = xr.issue(quarter, X_OFFICER, "市场总体平稳。");
    assertThat(issued.briefing().bureau()).isEqualTo(XINGHE);
    assertThat(issued.briefing().period().label()).isEqualTo(quarter);
    // the same canonical bytes from a neighbour's node
    byte[] mine = xr.preview(XINGHE, quarter, "市场总体平稳。");
    Await.until(
        WAIT,
        () -> {
          try {
            return tianzhen.reports().get(XINGHE, quarter).version() == issued.version();
          } catch (LiaisonClientException e) {
            return false;
          }
        },
        "the report on 天镇县");
    assertThat(io.liaison.crypto.Hashes.sha256Hex(mine)).isEqualTo(issued.canonicalSha256());
    io.liaison.api.report.ReportView acked =
        tianzhen.reports().acknowledge(XINGHE, quarter, T_OFFICER, "已阅");
    assertThat(acked.acknowledgements()).extracting(a -> a.bureau()).contains(TIANZHEN);
    // (阳高县's officer signed out in an earlier test: 天镇县 reads)
    assertThat(tianzhen.reports().list(quarter).items()).isNotEmpty();
    assertThat(tianzhen.reports().regional(quarter).rows()).hasSize(3);
    ReportFiles.Verdict v = ReportFiles.verify(tianzhen.reports().file(XINGHE, quarter), null);
    assertThat(v.valid()).as(v.problem()).isTrue();
    assertThat(v.canonicalSha256()).isEqualTo(issued.canonicalSha256());
    assertThat(tianzhen.reports().page(XINGHE, quarter))
        .contains("打击涉烟违法犯罪工作通报", "<svg", issued.canonicalSha256());
    // no shared case reached the major value in these tests: the supervisor's list is empty
    assertThat(calls.of(xinghe::majorCases, 50).items()).isEmpty();
  }

  @Test
  @Order(11)
  void aCaseRegisterImportedOnOneNodeIsFoundOnAnother() throws Exception {
    CaseImportCalls imports = calls.of(xinghe::caseImports);
    ImportMapping mapping =
        imports.saveMapping(
            new ImportMapping(
                List.of(
                    new ColumnMapping("案件编号", ImportField.CASE_NUMBER),
                    new ColumnMapping("立案日期", ImportField.FILED_ON),
                    new ColumnMapping("当事人", ImportField.PERSON),
                    new ColumnMapping("车牌", ImportField.PLATE),
                    new ColumnMapping("案值(万元)", ImportField.VALUE_WAN_YUAN)),
                new ImportDefaults(CaseCategory.UNLICENSED_TRANSPORT, null, null, null)));
    assertThat(imports.mapping().columns()).isEqualTo(mapping.columns());
    Path register = dir.resolve("client-登记表.csv");
    Files.writeString(
        register,
        "案件编号,立案日期,当事人,车牌,案值(万元)\n"
            + "兴烟立字〔2021〕第7号,2021-05-06,孙七,蒙J·7C707,1.5\n"
            + "兴烟立字〔2021〕第8号,五月七日,孙八,蒙J·7C708,0.4\n");
    ImportJob refused =
        imports.await(imports.start(register, false, null).id(), Duration.ofMillis(200), j -> {});
    assertThat(refused.state()).isEqualTo(ImportState.REFUSED);
    assertThat(refused.rowsStored()).isZero();
    assertThat(refused.errors()).extracting(RowError::row).containsExactly(3L);
    ImportJob done =
        imports.await(imports.start(register, true, null).id(), Duration.ofMillis(200), j -> {});
    assertThat(done.state()).isEqualTo(ImportState.DONE);
    assertThat(done.rowsStored()).isEqualTo(1);
    assertThat(imports.jobs(10).jobs()).extracting(ImportJob::id).contains(done.id());
    assertThat(imports.job(done.id()).rowsStored()).isEqualTo(1);
    Await.until(
        WAIT,
        () -> tianzhen.lookup("PLATE", "蒙J·7C707", 10).total() == 1,
        "the imported case on 天镇县");
    assertThat(tianzhen.lookup("PLATE", "蒙J·7C708", 10).total()).isZero();
  }

  /** Fails naming each public method of the client that no test above called. */
  @Test
  @Order(10)
  void anInformantIsSealedToChosenOfficersAndOpenedOnlyByThem() {
    io.liaison.client.informant.InformantCalls xi = calls.of(xinghe::informants);
    io.liaison.client.informant.InformantCalls ti = tianzhen.informants();
    String pass = "开启口令-client-2026";
    assertThat(xi.makeKey(pass).keys()).extracting(k -> k.officer()).contains(X_OFFICER);
    ti.makeKey(pass);
    Await.until(
        WAIT,
        () ->
            xi.keys().items().stream()
                .anyMatch(k -> k.keys().stream().anyMatch(o -> o.officer().equals(T_OFFICER))),
        "天镇县's key on 兴和县's node");
    LeadView lead =
        xinghe.postLead(
            new LeadDraft(
                X_OFFICER,
                LeadCategory.COUNTERFEIT,
                "城关镇仓库存放假烟",
                "线人反映城关镇某仓库存放假冒卷烟。",
                List.of(),
                "兴和县",
                Urgency.ROUTINE,
                null,
                List.of(TIANZHEN),
                Distribution.MEMBERS));
    io.liaison.api.informant.ReportEntry line =
        xi.record(
            X_OFFICER,
            lead.id(),
            io.liaison.api.informant.LeadSource.INFORMANT,
            Instant.parse("2026-12-06T01:00:00Z"),
            new io.liaison.api.informant.Informant("司马青岚", "13987654321", null, null),
            List.of(T_OFFICER));
    assertThat(line.identitySealed()).isTrue();
    assertThat(line.openers()).containsExactly(T_OFFICER);
    assertThat(xi.get(lead.id()).rewardStatus())
        .isEqualTo(io.liaison.api.informant.RewardStatus.NOT_APPLIED);
    assertThat(
            xi.reward(
                    X_OFFICER,
                    lead.id(),
                    io.liaison.api.informant.RewardStatus.NOT_REWARDED,
                    "线索不实")
                .rewardStatus())
        .isEqualTo(io.liaison.api.informant.RewardStatus.NOT_REWARDED);
    assertThat(xi.register(10).items()).extracting(e -> e.leadId()).contains(lead.id());
    // 兴和县's officer was not chosen: refused
    assertThatThrownBy(() -> xi.open(X_OFFICER, lead.id(), pass))
        .isInstanceOf(LiaisonClientException.class)
        .hasMessageNotContaining("司马青岚");
    Await.until(
        WAIT,
        () -> ti.register(10).items().stream().anyMatch(e -> e.leadId().equals(lead.id())),
        "the report on 天镇县's node");
    assertThat(ti.open(T_OFFICER, lead.id(), pass).informant().name()).isEqualTo("司马青岚");
  }

  @Test
  @Order(12)
  void theBureausSignTheSharingRuleAndSettleUnderItThroughTheClient() {
    // the sharing rule: 兴和县 proposes, 天镇县 and 阳高县 sign the same content
    io.liaison.client.reward.RewardCalls xr = calls.of(xinghe::rewards);
    io.liaison.api.reward.SharingRuleView proposed =
        calls.of(
            xr::proposeRule,
            new io.liaison.api.reward.SharingRule(
                1,
                30,
                io.liaison.api.reward.RewardBase.FINE,
                500,
                1_000_000L,
                "2026年协作约定附件二",
                java.time.LocalDate.of(2026, 1, 1)));
    String hash = proposed.proposals().get(0).contentHash();
    for (LiaisonClient c : List.of(tianzhen, yanggao)) {
      Await.until(
          WAIT, () -> !c.rewards().rules().proposals().isEmpty(), "the rule on " + c.node());
      io.liaison.client.reward.RewardCalls r = c.rewards();
      calls.of(r::agreeRule, 1L, hash);
    }
    Await.until(WAIT, () -> calls.of(xr::rules).inForce() != null, "the rule in force on 兴和县");
    // 兴和县 pays 天镇县 its case bureau's reward (办案方奖励 goes to the bureau that made the case)
    // for 天镇县's case of 5 October (the rule of that day: version 1)
    io.liaison.client.reward.RewardCalls tr = tianzhen.rewards();
    Await.until(
        WAIT,
        () ->
            calls.of(xr::credits, "2026Q4").credits().stream()
                .anyMatch(c -> c.caseNumber().equals("天烟立字〔2026〕第9号")),
        "天镇县's case on 兴和县");
    io.liaison.api.reward.Settlement paid =
        calls.of(
            xr::settle,
            new io.liaison.api.reward.SettlementDraft(
                X_OFFICER,
                XINGHE,
                io.liaison.api.reward.RewardKind.CASE_BUREAU,
                "天烟立字〔2026〕第9号",
                TIANZHEN,
                null,
                TIANZHEN,
                50_000,
                1,
                java.time.LocalDate.of(2026, 10, 31),
                "四季度兑现"));
    assertThat(paid.id()).isEqualTo("settlement-150924-1");
    assertThatThrownBy(
            () ->
                xr.settle(
                    new io.liaison.api.reward.SettlementDraft(
                        X_OFFICER,
                        XINGHE,
                        io.liaison.api.reward.RewardKind.CASE_BUREAU,
                        "天烟立字〔2026〕第9号",
                        TIANZHEN,
                        null,
                        TIANZHEN,
                        50_000,
                        2,
                        java.time.LocalDate.of(2026, 10, 31),
                        null)))
        .isInstanceOfSatisfying(
            LiaisonClientException.class, e -> assertThat(e.status()).isEqualTo(422));
    Await.until(WAIT, () -> calls.of(tr::settlements).items().size() == 1, "the entry on 天镇县");
    io.liaison.api.reward.SettlementStatement st = calls.of(tr::statement, "2026Q4");
    assertThat(st.totalFen()).isEqualTo(50_000);
    assertThat(st.bureaus())
        .filteredOn(b -> b.bureau().equals(TIANZHEN))
        .singleElement()
        .satisfies(b -> assertThat(b.receivedFen()).isEqualTo(50_000));
    io.liaison.api.reward.CreditReport credits = calls.of(xr::credits, "2026Q4");
    assertThat(credits.credits())
        .extracting(io.liaison.api.reward.CaseCredit::caseNumber)
        .contains("天烟立字〔2026〕第9号");
    assertThat(new String(calls.of(xr::csv, "2026Q4", "balances"), StandardCharsets.UTF_8))
        .contains("150924,500.00,0.00,0.00,-500.00,1");
    byte[] workbook = calls.of(xr::xlsx, "2026Q4");
    assertThat(new String(workbook, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
  }

  @Test
  @Order(30)
  void everyPublicClientMethodWasCalledAgainstTheNodes() {
    List<String> missing = new ArrayList<>();
    for (Class<?> type :
        List.of(
            LiaisonClient.class,
            PriceClient.class,
            ActionCalls.class,
            io.liaison.client.reward.RewardCalls.class)) {
      for (String m : CallLog.publicMethods(type)) {
        if (!calls.made().contains(m)) {
          missing.add(m);
        }
      }
    }
    assertThat(missing).as("public client methods never called against real nodes").isEmpty();
  }

  // --- helpers -----------------------------------------------------------------------------

  static TransitionRequest step(LeadEvent e, String officer) {
    return new TransitionRequest(e, officer, null, null, null, null, null, null);
  }

  static StepRequest approve(String officer) {
    return new StepRequest(PlanEvent.APPROVE, officer, 2, null, null, null, null, null);
  }

  static StepRequest result(String officer, long officerTimes, long sticks) {
    return new StepRequest(
        PlanEvent.REPORT_RESULT,
        officer,
        null,
        null,
        new PlanResult(officerTimes, 2, 10, 1, sticks, sticks * 100, 0, 0, 0),
        null,
        null,
        null);
  }

  static PlanState state(ActionCalls a, String id) {
    try {
      return a.get(id).state();
    } catch (LiaisonClientException e) {
      return null;
    }
  }

  static boolean readable(LiaisonClient c, String id) {
    try {
      c.getLead(id);
      return true;
    } catch (LiaisonClientException e) {
      return false;
    }
  }

  static boolean visible(PriceClient p, String id) {
    try {
      return p.check(id).state() == CheckView.State.RECORDED;
    } catch (LiaisonClientException e) {
      return false;
    }
  }

  static boolean hasProposal(LiaisonClient c, String id) {
    return c.proposals().stream().anyMatch(p -> p.id().equals(id));
  }

  static SearchQuery query(String text) {
    return new SearchQuery(
        text, null, null, null, null, null, 20, null, SearchQuery.DEFAULT_FACETS);
  }

  static RetailerVisit visit(String licence, Instant at, long cartonFen) {
    return new RetailerVisit(
        licence,
        at,
        "城关镇",
        List.of(new ObservedItem("中华", "硬", PackUnit.CARTON, cartonFen, cartonFen)),
        List.of(),
        null);
  }
}
