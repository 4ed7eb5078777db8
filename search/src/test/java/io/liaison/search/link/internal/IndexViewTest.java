package io.liaison.search.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.Audience;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the link index counts the records of a key. */
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
}
