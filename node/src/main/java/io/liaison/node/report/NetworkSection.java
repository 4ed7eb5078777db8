package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.report.NetworkFigures;
import java.time.Instant;

/**
 * The networks-and-merges section of a briefing (docs/reports.md "Networks and merges"), from the
 * bureaus' signed merge decisions.
 */
final class NetworkSection {
  private NetworkSection() {}

  static NetworkFigures count(BureauId bureau, Window period, Iterable<MergeFact> all) {
    long proposals = 0;
    long accepted = 0;
    long declined = 0;
    long merged = 0;
    long led = 0;
    for (MergeFact m : all) {
      if (!m.bureaus().contains(bureau)) {
        continue;
      }
      Instant first = m.firstAt();
      if (first != null && period.contains(first)) {
        proposals++;
      }
      for (MergeFact.Decision d : m.decisions()) {
        if (d.bureau().equals(bureau) && period.contains(d.at())) {
          if (d.accept()) {
            accepted++;
          } else {
            declined++;
          }
        }
      }
      Instant done = m.mergedAt();
      if (done != null && period.contains(done)) {
        merged++;
        if (bureau.equals(m.lead())) {
          led++;
        }
      }
    }
    return new NetworkFigures(proposals, accepted, declined, merged, led);
  }
}
