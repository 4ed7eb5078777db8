package io.liaison.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the release must not carry: the demo and evaluation generators (the fixtures module: {@code
 * DemoCases}, the labelled sets) and the provider that turns on a node's demo seeding. Reads the
 * tarball's {@code lib/} and every class in its jars; fails if a fixtures jar, a class of {@code
 * io.liaison.fixtures} or a {@code GeneratedCases} provider is there.
 */
class DistributionContentsIT {
  private static final String VERSION = System.getProperty("liaison.dist.version");

  @Test
  void theReleaseShipsNoDemoOrEvaluationGenerator() throws IOException {
    List<String> lib = new ArrayList<>();
    List<String> generated = new ArrayList<>();
    Path tarball = Path.of(System.getProperty("liaison.dist.tarball"));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
      for (TarEntry e = TarEntry.next(in); e != null; e = TarEntry.next(in)) {
        String prefix = "liaison-" + VERSION + "/lib/";
        if (e.name().startsWith(prefix) && e.name().endsWith(".jar")) {
          String jar = e.name().substring(prefix.length());
          lib.add(jar);
          ZipInputStream zip = new ZipInputStream(e.body());
          for (ZipEntry z = zip.getNextEntry(); z != null; z = zip.getNextEntry()) {
            if (z.getName().startsWith("io/liaison/fixtures/")
                || z.getName().startsWith("io/liaison/search/demo/") // where they were until #25
                || z.getName().startsWith("io/liaison/search/eval/")
                || z.getName().equals("META-INF/services/io.liaison.api.cases.GeneratedCases")) {
              generated.add(jar + "!" + z.getName());
            }
          }
        }
      }
    }
    assertThat(lib)
        .contains("liaison-node-" + VERSION + ".jar", "liaison-search-" + VERSION + ".jar");
    assertThat(lib).noneMatch(jar -> jar.startsWith("liaison-fixtures"));
    assertThat(generated).as("demo/evaluation generator classes in the release").isEmpty();
  }

  /** One entry of a POSIX (ustar/pax) tar stream; its body is read fully into memory. */
  private record TarEntry(String name, InputStream body) {
    static TarEntry next(InputStream in) throws IOException {
      String longName = null;
      while (true) {
        byte[] header = in.readNBytes(512);
        if (header.length < 512 || header[0] == 0) {
          return null;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        long size = Long.parseLong(text(header, 124, 12).trim(), 8);
        byte type = header[156];
        byte[] body = in.readNBytes((int) size);
        in.skipNBytes((512 - size % 512) % 512);
        if (type == 'x') { // pax extended header: "len path=value\n" records
          for (String rec : new String(body, StandardCharsets.UTF_8).split("\n")) {
            int eq = rec.indexOf(" path=");
            if (eq >= 0) {
              longName = rec.substring(eq + " path=".length());
            }
          }
          continue;
        }
        if (type == 'g') {
          continue;
        }
        String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
        return new TarEntry(full, new ByteArrayInputStream(body));
      }
    }

    private static String text(byte[] b, int from, int len) {
      int end = from;
      while (end < from + len && b[end] != 0) {
        end++;
      }
      return new String(b, from, end - from, StandardCharsets.US_ASCII);
    }
  }
}
