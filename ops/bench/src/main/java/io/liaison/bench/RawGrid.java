package io.liaison.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import io.liaison.api.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The baseline, run inside a node process on the node's own Hazelcast member (the same 3 members
 * the node uses): raw {@code IMap.set} of a ~1 KiB value, and a raw "set owner if free" entry
 * processor raced from every member. Maps are named {@code bench.*} and have Hazelcast's default
 * configuration (one synchronous backup, BINARY), like the node's lead map.
 */
final class RawGrid {
  private RawGrid() {}

  static String payload(int bytes) {
    StringBuilder sb = new StringBuilder(bytes);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (sb.length() < bytes) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  /** {@code IMap.set} for {@code seconds} from {@code threads} threads; latency of each call. */
  static ObjectNode set(HazelcastInstance hz, String name, double seconds, int threads, int bytes)
      throws InterruptedException {
    IMap<String, String> map = hz.getMap(name);
    String value = payload(bytes);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    List<Histogram> hs = new ArrayList<>();
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Histogram h = Lat.histogram();
      hs.add(h);
      int tid = t;
      Thread th =
          new Thread(
              () -> {
                for (long i = 0; i < 100_000_000L && System.nanoTime() < end; i++) {
                  long t0 = System.nanoTime();
                  map.set("t" + tid + "-" + (i % 10_000), value);
                  h.recordValue(System.nanoTime() - t0);
                }
              },
              "bench-set-" + t);
      ts.add(th);
      th.start();
    }
    Histogram all = Lat.histogram();
    for (int t = 0; t < threads; t++) {
      ts.get(t).join();
      all.add(hs.get(t));
    }
    map.clear();
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("count", all.getTotalCount());
    out.put("seconds", seconds);
    out.put("hist", Lat.encode(all));
    return out;
  }

  /** Puts {@code keys} free claimable entries {@code c-0…} of ~{@code bytes} each. */
  static ObjectNode prepare(HazelcastInstance hz, String name, int keys, int bytes) {
    IMap<String, String> map = hz.getMap(name);
    map.clear();
    String value = ClaimIfFree.FREE + payload(bytes);
    Map<String, String> batch = new HashMap<>();
    for (int i = 0; i < keys; i++) {
      batch.put("c-" + i, value);
      if (batch.size() == 1000 || i == keys - 1) {
        map.putAll(batch);
        batch.clear();
      }
    }
    return Json.mapper().createObjectNode().put("size", map.size());
  }

  /**
   * From {@code threads} threads, all starting at {@code startAtMillis} (so that every member
   * starts together), claims every key in the same order; counts the claims this member won.
   */
  static ObjectNode claim(
      HazelcastInstance hz, String name, int keys, int threads, String owner, long startAtMillis)
      throws InterruptedException {
    IMap<String, String> map = hz.getMap(name);
    AtomicLong wins = new AtomicLong();
    List<Histogram> hs = new ArrayList<>();
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Histogram h = Lat.histogram();
      hs.add(h);
      String me = owner + "/" + t;
      Thread th =
          new Thread(
              () -> {
                long wait = startAtMillis - System.currentTimeMillis();
                if (wait > 0) {
                  try {
                    TimeUnit.MILLISECONDS.sleep(wait);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
                for (int i = 0; i < keys; i++) {
                  long t0 = System.nanoTime();
                  String r = map.executeOnKey("c-" + i, new ClaimIfFree(me));
                  h.recordValue(System.nanoTime() - t0);
                  if (ClaimIfFree.WON.equals(r)) {
                    wins.incrementAndGet();
                  }
                }
              },
              "bench-claim-" + t);
      ts.add(th);
      th.start();
    }
    Histogram all = Lat.histogram();
    for (int t = 0; t < threads; t++) {
      ts.get(t).join();
      all.add(hs.get(t));
    }
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("wins", wins.get());
    out.put("count", all.getTotalCount());
    out.put("hist", Lat.encode(all));
    return out;
  }

  /** The winner of each key on this member's view, after a race (for the double-winner check). */
  static ObjectNode owners(HazelcastInstance hz, String name, int keys) {
    IMap<String, String> map = hz.getMap(name);
    int free = 0;
    for (int i = 0; i < keys; i++) {
      String v = map.get("c-" + i);
      if (v == null || v.startsWith(ClaimIfFree.FREE)) {
        free++;
      }
    }
    return Json.mapper().createObjectNode().put("unclaimed", free);
  }

  /** Sets the owner of a {@code FREE|…} value; answers WON, or the owner that was there. */
  public static final class ClaimIfFree
      implements EntryProcessor<String, String, String>, DataSerializable {
    static final String FREE = "FREE|";
    static final String WON = "WON";
    private String owner;

    public ClaimIfFree() {}

    ClaimIfFree(String owner) {
      this.owner = owner;
    }

    @Override
    public String process(Map.Entry<String, String> entry) {
      String v = entry.getValue();
      if (v == null) {
        return "NONE";
      }
      if (v.startsWith(FREE)) {
        entry.setValue(owner + "|" + v.substring(FREE.length()));
        return WON;
      }
      return v.substring(0, v.indexOf('|'));
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(owner);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      owner = in.readString();
    }
  }
}
