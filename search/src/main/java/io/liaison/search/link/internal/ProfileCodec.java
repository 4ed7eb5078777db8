package io.liaison.search.link.internal;

import io.liaison.api.BureauId;
import io.liaison.api.network.Network;
import io.liaison.search.SearchDocument;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.ValueRole;
import io.liaison.search.link.Audience;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/** The binary form of a {@link Profile} kept in the link index (a binary doc value). */
public final class ProfileCodec {
  private static final int FORMAT = 4;
  private static final ValueRole[] ROLES = ValueRole.values();
  private static final IdentifierType[] TYPES = IdentifierType.values();
  private static final Places.Use[] USES = Places.Use.values();

  private ProfileCodec() {}

  public static BytesRef encode(Profile p) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(p.id());
      out.writeByte(p.kind().ordinal());
      out.writeUTF(p.bureau().code());
      out.writeInt((int) p.date().toEpochDay());
      optional(out, p.category());
      optional(out, p.title());
      out.writeLong(p.sticks());
      out.writeLong(p.valueFen());
      out.writeLong(p.version());
      strings(out, p.audience().readers().stream().map(BureauId::code).sorted().toList());
      optional(out, p.audience().contact());
      out.writeShort(p.idents().size());
      for (Ident i : p.idents()) {
        out.writeByte(i.type().ordinal() * 2 + (i.valid() ? 1 : 0));
        out.writeUTF(i.value());
        out.writeUTF(i.raw());
        out.writeByte(i.role().ordinal());
        optional(out, i.holder());
      }
      strings(out, p.names());
      strings(out, p.nameBirths());
      optional(out, p.address());
      out.writeShort(p.places().size());
      for (Places.Place place : p.places()) {
        out.writeUTF(place.name());
        optional(out, place.town());
        out.writeByte(place.use().ordinal());
      }
      out.writeShort(p.masked().size());
      for (Masked m : p.masked()) {
        out.writeUTF(m.written());
        out.writeUTF(m.prefix());
        out.writeUTF(m.last());
        optional(out, m.holder());
      }
      strings(out, p.brands());
      out.writeByte(p.sketch().length);
      for (int h : p.sketch()) {
        out.writeInt(h);
      }
      out.writeByte(p.textKeys().length);
      for (int h : p.textKeys()) {
        out.writeInt(h);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory; does not happen
    }
    return new BytesRef(bytes.toByteArray());
  }

  /** Only the record id of an encoded profile (it comes first), without decoding the rest. */
  public static String id(BytesRef ref) {
    try (DataInputStream in = new DataInputStream(new Bytes(ref.bytes, ref.offset, ref.length))) {
      in.readByte();
      return in.readUTF();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a record shows in a network and whether it is restricted: the head of its profile. */
  public record Head(Network.Member member, boolean restricted) {}

  /**
   * The {@link Head} of an encoded profile, decoding only the fields before the identifiers (what
   * the graph keeps of a record) — equal to {@code Core.member} and {@code restricted()} of {@link
   * #decode}.
   */
  public static Head head(BytesRef ref) {
    try (DataInputStream in = new DataInputStream(new Bytes(ref.bytes, ref.offset, ref.length))) {
      Front f = front(in);
      boolean restricted = in.readShort() > 0; // readers: none for everyone
      return new Head(
          new Network.Member(
              f.id, f.kind.name(), f.bureau, f.date, f.category, f.title, f.sticks, f.value),
          restricted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fields before the audience, read by {@link #head} and {@link #decode}. */
  private record Front(
      String id,
      SearchDocument.Kind kind,
      BureauId bureau,
      LocalDate date,
      String category,
      String title,
      long sticks,
      long value,
      long version) {}

  private static Front front(DataInputStream in) throws IOException {
    int format = in.readByte();
    if (format != FORMAT) {
      throw new IllegalStateException("unknown profile format " + format);
    }
    return new Front(
        in.readUTF(),
        SearchDocument.Kind.values()[in.readByte()],
        BureauId.of(in.readUTF()),
        LocalDate.ofEpochDay(in.readInt()),
        optional(in),
        optional(in),
        in.readLong(),
        in.readLong(),
        in.readLong());
  }

  public static Profile decode(BytesRef ref) {
    try (DataInputStream in = new DataInputStream(new Bytes(ref.bytes, ref.offset, ref.length))) {
      Front f = front(in);
      List<BureauId> readers = strings(in).stream().map(BureauId::of).toList();
      String contact = optional(in);
      Audience audience =
          readers.isEmpty()
              ? Audience.everyone()
              : new Audience(java.util.Set.copyOf(readers), contact);
      int n = in.readShort();
      List<Ident> idents = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int t = in.readByte();
        idents.add(
            new Ident(
                TYPES[t / 2],
                in.readUTF(),
                (t & 1) == 1,
                in.readUTF(),
                ROLES[in.readByte()],
                optional(in)));
      }
      List<String> names = strings(in);
      List<String> nameBirths = strings(in);
      String address = optional(in);
      int np = in.readShort();
      List<Places.Place> places = new ArrayList<>(np);
      for (int i = 0; i < np; i++) {
        places.add(new Places.Place(in.readUTF(), optional(in), USES[in.readByte()]));
      }
      int nm = in.readShort();
      List<Masked> masked = new ArrayList<>(nm);
      for (int i = 0; i < nm; i++) {
        masked.add(new Masked(in.readUTF(), in.readUTF(), in.readUTF(), optional(in)));
      }
      List<String> brands = strings(in);
      int[] sketch = new int[in.readByte()];
      for (int i = 0; i < sketch.length; i++) {
        sketch[i] = in.readInt();
      }
      int[] textKeys = new int[in.readByte()];
      for (int i = 0; i < textKeys.length; i++) {
        textKeys[i] = in.readInt();
      }
      return new Profile(
          f.id,
          f.kind,
          f.bureau,
          f.date,
          f.category,
          f.title,
          f.sticks,
          f.value,
          f.version,
          audience,
          idents,
          names,
          nameBirths,
          address,
          places,
          masked,
          brands,
          sketch,
          textKeys);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void optional(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void strings(DataOutputStream out, List<String> list) throws IOException {
    out.writeShort(list.size());
    for (String s : list) {
      out.writeUTF(s);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int n = in.readShort();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(in.readUTF());
    }
    return list;
  }

  /**
   * A byte array read as a stream without {@link java.io.ByteArrayInputStream}'s locking (every
   * {@code read()} of it is synchronized, four per int: most of decoding a candidate's profile).
   */
  private static final class Bytes extends java.io.InputStream {
    private final byte[] buf;
    private int pos;
    private final int end;

    Bytes(byte[] buf, int offset, int length) {
      this.buf = buf;
      this.pos = offset;
      this.end = offset + length;
    }

    @Override
    public int read() {
      return pos < end ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= end) {
        return -1;
      }
      int n = Math.min(len, end - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
