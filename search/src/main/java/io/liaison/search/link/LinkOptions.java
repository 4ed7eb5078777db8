package io.liaison.search.link;

/**
 * Thresholds of the link engine.
 *
 * @param linkScore a candidate pair with at least this score is linked
 * @param proposalScore links with at least this score make the network a merge proposal covers
 * @param identifiers frequency bands of identifiers (phones, plates, ID numbers…), in records
 * @param names frequency bands of person names and name-with-birth-date keys
 * @param addresses frequency bands of addresses
 * @param textKeyMax a salient-text key retrieves candidates only if at most this many records hold
 *     it
 * @param nearDuplicateText narrative similarity (estimated Jaccard of 4-character shingles) from
 *     which two narratives count as the same text
 * @param similarText similarity from which narratives count as supporting evidence
 * @param refreshEvery writes kept in memory before the link index is refreshed
 */
public record LinkOptions(
    double linkScore,
    double proposalScore,
    Bands identifiers,
    Bands names,
    Bands addresses,
    int textKeyMax,
    double nearDuplicateText,
    double similarText,
    int refreshEvery) {

  /**
   * Frequency bands: a value held by at most {@code specificMax} records is {@link
   * Frequency#SPECIFIC}, by at most {@code commonMax} {@link Frequency#COMMON}, by more {@link
   * Frequency#OVER_COMMON}.
   */
  public record Bands(int specificMax, int commonMax) {
    public Bands {
      if (specificMax < 1 || commonMax < specificMax) {
        throw new IllegalArgumentException("need 1 <= specificMax <= commonMax");
      }
    }

    public Frequency of(int records) {
      return records <= specificMax
          ? Frequency.SPECIFIC
          : records <= commonMax ? Frequency.COMMON : Frequency.OVER_COMMON;
    }
  }

  public LinkOptions {
    if (!(linkScore > 0 && linkScore < 1) || !(proposalScore >= linkScore && proposalScore < 1)) {
      throw new IllegalArgumentException("need 0 < linkScore <= proposalScore < 1");
    }
    if (identifiers == null || names == null || addresses == null) {
      throw new IllegalArgumentException("bands are required");
    }
    if (textKeyMax < 1 || refreshEvery < 1) {
      throw new IllegalArgumentException("textKeyMax and refreshEvery must be positive");
    }
    if (!(similarText > 0 && similarText <= nearDuplicateText && nearDuplicateText <= 1)) {
      throw new IllegalArgumentException("need 0 < similarText <= nearDuplicateText <= 1");
    }
  }

  /** The defaults measured on the evaluation data (docs/linking.md). */
  public static LinkOptions defaults() {
    return new LinkOptions(
        0.8, 0.95, new Bands(20, 60), new Bands(10, 60), new Bands(5, 20), 20, 0.7, 0.5, 1000);
  }

  /** These options with other frequency bands. */
  public LinkOptions withBands(Bands identifiers, Bands names, Bands addresses) {
    return new LinkOptions(
        linkScore,
        proposalScore,
        identifiers,
        names,
        addresses,
        textKeyMax,
        nearDuplicateText,
        similarText,
        refreshEvery);
  }
}
