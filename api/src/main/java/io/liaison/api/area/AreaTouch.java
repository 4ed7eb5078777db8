package io.liaison.api.area;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A shared lead or case of another bureau that names this bureau's area (涉及对方辖区), with the
 * evidence; told to this bureau at once (event {@code area.touch}) and listed.
 *
 * @param recordId the lead id or the case's pool id ({@code case:<bureau>:<number>})
 * @param kind {@code LEAD} or {@code CASE}
 * @param origin the bureau that shared the record
 * @param title the lead's title or the case number
 * @param date the day the record is about
 * @param evidence every value of the area found, and where
 * @param noticedAt when this node noticed
 */
public record AreaTouch(
    String recordId,
    String kind,
    BureauId origin,
    String title,
    LocalDate date,
    List<TouchEvidence> evidence,
    Instant noticedAt) {
  public AreaTouch {
    evidence = List.copyOf(evidence);
  }
}
