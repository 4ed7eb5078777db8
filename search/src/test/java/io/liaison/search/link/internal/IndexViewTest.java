package io.liaison.search.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.search.SearchDocument;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.link.Audience;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the link index counts the records of a key, and that a view's memo of its searcher ({@link
 * TermMemo}) answers exactly as the index read afresh.
 */
class IndexViewTest {
  private static final String ADDRESS = "兴和县城关镇307国道检查站";

  @TempDir Path dir;

  private static Profile atCheckpoint(int i, long version) {
    SearchDocument d =
        new SearchDocument(
            "case-" + i,
            SearchDocument.Kind.CASE,
            BureauId.of("150924"),
            CaseCategory.UNLICENSED_TRANSPORT,
            LocalDate.of(2026, 3, 1),
            0,
            0,
            Disposition.PENDING,
            List.of(),
            "case-" + i,
            "查获卷烟。",
            ADDRESS,
            List.of(),
            true,
            version);
    return FeatureExtractor.extract(d, Audience.everyone());
  }

  @Test
  void anOverCommonKeyIsCountedOnlyPastTheCapAlsoWithDeletedAndShadowedDocuments()
      throws IOException {
    String key = Keys.address(FeatureExtractor.address(ADDRESS));
    try (LinkIndex index = LinkIndex.open(dir, 1_000, true)) {
      for (int i = 0; i < 200; i++) {
        index.put(atCheckpoint(i, 1));
      }
      index.refresh();
      assertThat(index.view().records(key, 1_000)).isEqualTo(200);
      // a new version of one record: the searcher's copy is shadowed (and deleted after a refresh)
      index.put(atCheckpoint(7, 2));
      assertThat(index.view().records(key, 1_000)).isEqualTo(200);
      assertThat(index.view().records(key, 5)).isEqualTo(6);
      index.refresh();
      index.withdraw("case-8", 3);
      assertThat(index.view().records(key, 1_000)).isEqualTo(199);
      assertThat(index.view().records(key, 5)).isEqualTo(6);
      assertThat(index.view().records(key, 198)).isEqualTo(199);
      assertThat(index.view().records(key, 199)).isEqualTo(199);
    }
  }

  private static final String[] PHONES = {
    "13812345670", "13812345671", "13812345678", "13912345678", "13700001111", "15600002222"
  };

  /** Record {@code i} at {@code version}, holding one of a few phones (one off each other). */
  private static Profile withPhone(int i, long version, int variant, boolean atCheckpoint) {
    String phone = PHONES[Math.floorMod(i * 7 + variant, PHONES.length)];
    SearchDocument d =
        new SearchDocument(
            "case-" + i,
            SearchDocument.Kind.CASE,
            BureauId.of("150924"),
            CaseCategory.UNLICENSED_TRANSPORT,
            LocalDate.of(2026, 3, 1),
            0,
            0,
            Disposition.PENDING,
            List.of(),
            "case-" + i,
            "查获卷烟，驾驶员电话" + phone + "。",
            atCheckpoint ? ADDRESS : null,
            List.of(new Entity(EntityType.PHONE, phone)),
            true,
            version);
    return FeatureExtractor.extract(d, Audience.everyone());
  }

  /**
   * Every read a write makes — counts at every cap, holders, one-off neighbourhoods, records by id
   * — from the view's memo and the small segments' keys ({@link SegmentKeys}; the thread that made
   * the view, twice: filling the memo, then from it) and from the index itself (another thread,
   * which neither serves), after each of 600 random writes over 300 records in segments of 150: new
   * versions that supersede searcher documents (more than the memo keeps of an over-common key),
   * withdrawals, refreshes that leave deleted documents.
   */
  @Test
  void theMemoOfAViewAnswersExactlyAsTheIndexReadAfresh() throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (LinkIndex index = LinkIndex.open(dir, 100_000, true)) {
      long[] versions = new long[300];
      for (int i = 0; i < 300; i++) {
        versions[i] = 1;
        index.put(withPhone(i, 1, 0, true));
        if (i == 149) {
          index.refresh();
        }
      }
      index.refresh();
      Random random = new Random(32);
      for (int step = 0; step < 600; step++) {
        int i = random.nextInt(300);
        long v = ++versions[i];
        if (random.nextInt(5) == 0) {
          index.withdraw("case-" + i, v);
        } else {
          index.put(withPhone(i, v, random.nextInt(3), random.nextBoolean()));
        }
        if (step % 150 == 149) {
          index.refresh();
        }
        if (step % 7 == 0 || step > 560) {
          IndexView view = index.view();
          List<String> fresh = reads(view);
          assertThat(reads(view)).isEqualTo(fresh);
          assertThat(other.submit(() -> reads(view)).get()).as("step %d", step).isEqualTo(fresh);
        }
      }
    } finally {
      other.shutdown();
    }
  }

  private static List<String> reads(IndexView view) throws IOException {
    List<String> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    keys.add(Keys.address(FeatureExtractor.address(ADDRESS)));
    for (String phone : PHONES) {
      keys.add(Keys.ident(IdentifierType.PHONE, phone));
    }
    keys.add(Keys.ident(IdentifierType.PHONE, "13812345679"));
    keys.add(Keys.name("无此人"));
    for (String key : keys) {
      for (int cap : new int[] {0, 1, 5, 20, 61, 127, 1_000, Integer.MAX_VALUE - 1}) {
        out.add(key + " records " + cap + ": " + view.records(key, cap));
        Set<Integer> docs = new HashSet<>();
        Map<String, Profile> recent = new LinkedHashMap<>();
        int n = view.holders(key, cap, docs, recent);
        out.add(
            key + " holders " + cap + ": " + n + " " + new TreeSet<>(docs) + " " + recent.keySet());
        out.add(key + " profiles: " + ids(view.load(docs)));
      }
    }
    List<String> near = new ArrayList<>(List.of(PHONES));
    near.add("13812345679"); // one off three of them, held by none
    near.add("18600000000"); // nothing near it
    near.add("13700001112");
    for (String phone : near) {
      for (int cap : new int[] {0, 3, 61, 1_000}) {
        IndexView.Neighbourhood h =
            view.neighbourhood(new Ident(IdentifierType.PHONE, phone, true, ""), cap);
        out.add(
            phone
                + " hood "
                + cap
                + ": "
                + h.values()
                + " "
                + h.docs()
                + " "
                + h.recent().keySet()
                + " "
                + h.complete());
      }
    }
    for (int i = 0; i < 330; i += 3) { // 300 on: never written
      out.add(
          i
              + ": "
              + view.liveDoc("case-" + i)
              + " "
              + view.rank("case-" + i)
              + " "
              + view.profile("case-" + i).map(p -> p.id() + "@" + p.version() + p.keys()));
    }
    return out;
  }

  private static List<String> ids(List<Profile> profiles) {
    List<String> out = new ArrayList<>();
    profiles.forEach(p -> out.add(p.id() + "@" + p.version() + p.keys()));
    return out;
  }
}
