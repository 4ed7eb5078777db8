package io.liaison.node.imports;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * A bureau's register read one row at a time, never the whole file in memory: CSV (RFC 4180; UTF-8
 * with or without a byte-order mark, or GBK — told by the first 64 KiB, or named by the caller) or
 * XLSX (the first sheet, streamed by fastexcel). Rows are numbered as the spreadsheet shows them
 * (the header is row 1); blank rows are skipped but keep their numbers.
 */
final class RegisterFile implements Closeable, Iterator<RegisterFile.Row> {
  static final String CSV = "csv";
  static final String XLSX = "xlsx";
  private static final Charset GBK = Charset.forName("GBK");

  /** A cell as read: its text, or (XLSX) a date or an exact number. */
  record Value(String text, LocalDateTime date, BigDecimal number) {
    static final Value BLANK = new Value(null, null, null);

    boolean blank() {
      return date == null && number == null && (text == null || text.isBlank());
    }

    /** The cell as text (a number in plain notation), stripped, or null when blank. */
    String asText() {
      String t =
          text != null ? text : number != null ? number.stripTrailingZeros().toPlainString() : null;
      if (t == null && date != null) {
        t = date.toLocalDate().toString();
      }
      return t == null || t.isBlank() ? null : t.strip();
    }
  }

  /** One row: its number in the sheet and its cells. */
  record Row(long line, List<Value> cells) {
    Value cell(int i) {
      return i < 0 || i >= cells.size() ? Value.BLANK : cells.get(i);
    }

    boolean blank() {
      return cells.stream().allMatch(Value::blank);
    }
  }

  private final Closeable resource;
  private final Iterator<Row> rows;

  private RegisterFile(Closeable resource, Iterator<Row> rows) {
    this.resource = resource;
    this.rows = rows;
  }

  /**
   * Opens {@code file} as {@code format}; {@code charset} (CSV only) null to tell UTF-8 from GBK.
   *
   * @throws IOException when the file is not readable as that format
   */
  static RegisterFile open(Path file, String format, Charset charset) throws IOException {
    if (XLSX.equals(format)) {
      ReadableWorkbook wb;
      try {
        wb = new ReadableWorkbook(file.toFile());
      } catch (IOException | RuntimeException e) {
        throw new IOException("不是可读的 XLSX 工作簿", e);
      }
      try {
        Stream<org.dhatim.fastexcel.reader.Row> s = wb.getFirstSheet().openStream();
        Iterator<org.dhatim.fastexcel.reader.Row> it = s.iterator();
        Iterator<Row> mapped =
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                try {
                  return it.hasNext();
                } catch (RuntimeException e) {
                  throw new Unreadable("XLSX 工作表读取失败：" + e.getMessage(), e);
                }
              }

              @Override
              public Row next() {
                org.dhatim.fastexcel.reader.Row r;
                try {
                  r = it.next();
                } catch (RuntimeException e) {
                  throw new Unreadable("XLSX 工作表读取失败：" + e.getMessage(), e);
                }
                List<Value> cells = new ArrayList<>(r.getCellCount());
                for (int i = 0; i < r.getCellCount(); i++) {
                  cells.add(value(r.getCell(i)));
                }
                return new Row(r.getRowNum(), cells);
              }
            };
        return new RegisterFile(
            () -> {
              s.close();
              wb.close();
            },
            mapped);
      } catch (IOException | RuntimeException e) {
        wb.close();
        throw new IOException("不是可读的 XLSX 工作簿", e);
      }
    }
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    Charset cs = charset;
    in.mark(1 << 16);
    byte[] head = in.readNBytes(1 << 16);
    in.reset();
    int bom =
        head.length >= 3
                && (head[0] & 0xff) == 0xEF
                && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF
            ? 3
            : 0;
    if (cs == null) {
      cs = bom > 0 || isUtf8(head) ? StandardCharsets.UTF_8 : GBK;
    }
    in.skipNBytes(bom);
    Reader reader =
        new InputStreamReader(
            in,
            cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    return new RegisterFile(reader, new CsvRows(reader, cs));
  }

  /** Whether {@code head} decodes as UTF-8 (a character cut at the end of the window is fine). */
  static boolean isUtf8(byte[] head) {
    int end = head.length;
    // do not judge a multi-byte character cut by the window
    for (int back = 1; back <= 3 && end - back >= 0; back++) {
      int b = head[end - back] & 0xff;
      if (b >= 0xC0) {
        end -= back;
        break;
      }
      if (b < 0x80) {
        break;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static Value value(Cell c) {
    if (c == null || c.getType() == CellType.EMPTY) {
      return Value.BLANK;
    }
    if (c.getType() == CellType.NUMBER) {
      if (isDateFormat(c.getDataFormatString())) {
        return new Value(null, c.asDate(), null);
      }
      return new Value(null, null, exact(new BigDecimal(c.getRawValue())));
    }
    if (c.getType() == CellType.ERROR) {
      return new Value(c.getRawValue(), null, null);
    }
    return new Value(c.getText(), null, null);
  }

  /** Colours and conditions ({@code [Red]}, {@code [>=100]}), quoted and escaped literals. */
  private static final Pattern NOT_A_DATE_PART = Pattern.compile("\\[[^\\]]*\\]|\"[^\"]*\"|\\\\.");

  /**
   * Whether a number format shows a date or a time: a {@code y} or {@code d}, or {@code h:m}, once
   * what is not a date code is left out (a colour like {@code [Red]} in Excel's accounting formats,
   * quoted and escaped literals), as POI's {@code DateUtil.isADateFormat} does.
   */
  static boolean isDateFormat(String format) {
    if (format == null) {
      return false;
    }
    String codes = NOT_A_DATE_PART.matcher(format).replaceAll("").toLowerCase(Locale.ROOT);
    return codes.matches(".*[yd].*|.*h+:m+.*");
  }

  /**
   * The number as the sheet shows it: Excel keeps 15 significant digits, what a binary fraction
   * adds beyond them is noise ({@code 0.30000000000000004} from a formula is 0.3).
   */
  static BigDecimal exact(BigDecimal n) {
    return n.precision() <= 15 ? n : n.round(new MathContext(15)).stripTrailingZeros();
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public Row next() {
    return rows.next();
  }

  @Override
  public void close() throws IOException {
    resource.close();
  }

  /** The file could not be read further (a broken workbook, bytes not in the charset). */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** RFC 4180 rows from a reader, one at a time; a quoted cell may span lines. */
  private static final class CsvRows implements Iterator<Row> {
    private final Reader in;
    private final Charset charset;
    private long line = 1; // the physical line the next row starts on
    private Row next;
    private boolean done;
    private int pushed = -2;

    CsvRows(Reader in, Charset charset) {
      this.in = in;
      this.charset = charset;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        next = read();
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }

    private int ch() throws IOException {
      if (pushed != -2) {
        int c = pushed;
        pushed = -2;
        return c;
      }
      return in.read();
    }

    private Row read() {
      try {
        long start = line;
        List<Value> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        while (true) {
          int c = ch();
          if (c < 0) {
            done = true;
            if (!any) {
              return null;
            }
            cells.add(new Value(cell.toString(), null, null));
            return new Row(start, cells);
          }
          any = true;
          if (quoted) {
            if (c == '"') {
              int d = ch();
              if (d == '"') {
                cell.append('"');
              } else {
                quoted = false;
                pushed = d;
              }
            } else {
              if (c == '\n') {
                line++;
              }
              cell.append((char) c);
            }
          } else if (c == '"') {
            quoted = true;
          } else if (c == ',') {
            cells.add(new Value(cell.toString(), null, null));
            cell.setLength(0);
          } else if (c == '\n' || c == '\r') {
            if (c == '\r') {
              int d = ch();
              if (d != '\n') {
                pushed = d;
              }
            }
            line++;
            cells.add(new Value(cell.toString(), null, null));
            return new Row(start, cells);
          } else {
            cell.append((char) c);
          }
        }
      } catch (CharacterCodingException e) {
        throw new Unreadable(
            "第 " + line + " 行附近的字节不是 " + charset.displayName(Locale.CHINA) + " 编码的文字", e);
      } catch (IOException e) {
        throw new Unreadable("文件读取失败：" + e.getMessage(), e);
      }
    }
  }
}
