package io.liaison.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The header every benchmark prints: machine, JVM, load, and which code it measured. */
public final class Machine {
  private Machine() {}

  public static void printHeader(String bench, String[] args) {
    System.out.println("# " + bench + " " + String.join(" ", args));
    System.out.println("# cpus: " + Runtime.getRuntime().availableProcessors() + " " + cpuModel());
    System.out.println("# memory: " + memTotal());
    System.out.println(
        "# java: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"));
    System.out.println("# node code: " + System.getProperty("bench.commit", "unknown"));
    System.out.println("# load average at start: " + loadAverage());
  }

  private static long ticks;

  /** USER_HZ, the unit of CPU times in /proc (almost always 100). */
  public static synchronized long clockTicks() {
    if (ticks == 0) {
      ticks = 100;
      try {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() == 0 && !out.isEmpty()) {
          ticks = Long.parseLong(out);
        }
      } catch (IOException | RuntimeException e) {
        // keep 100
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ticks;
  }

  public static String loadAverage() {
    try {
      String[] a = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return a[0] + " " + a[1] + " " + a[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    return firstLine("/proc/cpuinfo", "model name");
  }

  private static String memTotal() {
    return firstLine("/proc/meminfo", "MemTotal");
  }

  private static String firstLine(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
