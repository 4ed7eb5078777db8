package io.liaison.node.settings;

import io.liaison.api.settings.RegionSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which agreed settings were in force when: every version that all bureaus signed, from the moment
 * the last of them signed it. At an instant the newest version in force by then wins, as it does
 * now. Past periods are counted with the rules of their own time (review-3 F13), not today's.
 */
public record SettingsHistory(List<Entry> entries) {
  public static final SettingsHistory NONE = new SettingsHistory(List.of());

  /** A version agreed by every bureau, in force from {@code since}. */
  public record Entry(Instant since, RegionSettings settings) {}

  public SettingsHistory {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::since).thenComparingLong(e -> e.settings().version()));
    entries = List.copyOf(sorted);
  }

  /** The settings in force at {@code at}: the newest version agreed by then, if any. */
  public Optional<RegionSettings> at(Instant at) {
    RegionSettings best = null;
    for (Entry e : entries) {
      if (e.since().isAfter(at)) {
        break;
      }
      if (best == null || e.settings().version() > best.version()) {
        best = e.settings();
      }
    }
    return Optional.ofNullable(best);
  }
}
