package io.liaison.search.link.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Links as documents of the link index, so that the graph is read back on open instead of being
 * recomputed: one document per link, keyed by its two record ids, holding score and counted keys.
 */
final class EdgeDocs {
  /** A link read back from the index. */
  record Stored(String a, String b, double score, List<String> keys) {}

  private static final String EDGE = "e";
  private static final String DATA = "ed";
  private static final char SEP = '\u001F';

  private EdgeDocs() {}

  static Term term(String a, String b) {
    return new Term(EDGE, a + "\n" + b);
  }

  static Document of(
      String a, String b, double score, List<String> keys, String typeField, String type) {
    Document doc = new Document();
    doc.add(new StringField(EDGE, a + "\n" + b, Field.Store.NO));
    doc.add(new StringField(typeField, type, Field.Store.NO));
    doc.add(
        new StoredField(
            DATA, a + SEP + b + SEP + score + SEP + String.join(String.valueOf(SEP), keys)));
    return doc;
  }

  /**
   * Every live link document of {@code searcher}, in doc order per segment. Reads the stored fields
   * through the segment's merge instance (each compressed block decompressed once, not once per
   * link) and only the link's own field.
   */
  static void forEach(
      IndexSearcher searcher, String typeField, String type, Consumer<Stored> action)
      throws IOException {
    BytesRef edge = new BytesRef(type);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(typeField);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(edge)) {
        continue;
      }
      PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored =
          leaf.reader() instanceof CodecReader codec
              ? codec.getFieldsReader().getMergeInstance()
              : leaf.reader().storedFields();
      DataVisitor visitor = new DataVisitor();
      for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
        if (live == null || live.get(d)) {
          visitor.data = null;
          stored.document(d, visitor);
          action.accept(parse(visitor.data));
        }
      }
    }
  }

  private static Stored parse(String data) {
    String[] f = data.split(String.valueOf(SEP), -1);
    List<String> keys = new ArrayList<>(f.length - 3);
    for (int i = 3; i < f.length; i++) {
      if (!f[i].isEmpty()) {
        keys.add(f[i]);
      }
    }
    return new Stored(f[0], f[1], Double.parseDouble(f[2]), keys);
  }

  /** Reads the link's field and stops. */
  private static final class DataVisitor extends StoredFieldVisitor {
    String data;

    @Override
    public Status needsField(FieldInfo field) {
      if (data != null) {
        return Status.STOP;
      }
      return DATA.equals(field.name) ? Status.YES : Status.NO;
    }

    @Override
    public void stringField(FieldInfo field, String value) {
      data = value;
    }
  }
}
