package io.liaison.bench;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** Latency histograms in nanoseconds (HdrHistogram, 3 significant digits) and their summaries. */
public final class Lat {
  private Lat() {}

  public static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
  }

  public static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
  }

  /** {@code n=… p50=… p90=… p99=… p99.9=… max=… ms}. */
  public static String summary(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "n=0";
    }
    return String.format(
        Locale.ROOT,
        "n=%d p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f ms",
        h.getTotalCount(),
        ms(h, 50),
        ms(h, 90),
        ms(h, 99),
        ms(h, 99.9),
        h.getMaxValue() / 1e6);
  }

  /** Compressed, base64 form (to send a histogram from a node process to the driver). */
  public static String encode(Histogram h) {
    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int n = h.encodeIntoCompressedByteBuffer(buf);
    byte[] b = new byte[n];
    buf.flip();
    buf.get(b);
    return Base64.getEncoder().encodeToString(b);
  }

  public static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not an encoded histogram", e);
    }
  }

  public static String f(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
  }
}
