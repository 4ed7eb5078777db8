package io.liaison.search.internal;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * The case index's codec: Lucene's default, with the postings of the id field behind a bloom filter
 * per segment. Every write first looks its id up in every segment (the version check of {@link
 * VersionedWriter}, and the delete of the version it replaces); a new record's id is in none of
 * them, and without the filter each of those look-ups decompresses a block of the segment's terms.
 * Measured at 300k cases: the look-up was 39 % of an incremental write's CPU (docs/benchmarks.md,
 * "Search").
 *
 * <p>Nothing else changes: the filter is a per-field postings format recorded in each segment and
 * found by name when the index is read, so segments written before it are read as they are and get
 * the filter when they are merged. The filters are kept on the heap (about a byte per document).
 */
public final class IdCodec {
  private IdCodec() {}

  /** A codec writing {@code idField}'s postings bloom-filtered, everything else as the default. */
  public static Codec create(String idField) {
    return new Lucene912Codec() {
      private final PostingsFormat ids =
          new BloomFilteringPostingsFormat(super.getPostingsFormatForField(idField));

      @Override
      public PostingsFormat getPostingsFormatForField(String field) {
        return idField.equals(field) ? ids : super.getPostingsFormatForField(field);
      }
    };
  }
}
