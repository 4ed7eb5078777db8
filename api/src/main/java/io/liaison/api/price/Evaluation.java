package io.liaison.api.price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One observed item judged against the agreement in force that day (明码实价: marked = charged =
 * agreed, within the agreement bureau's tolerance).
 *
 * @param groupId the retailer's group, null if it belongs to none (then nothing to judge against)
 * @param agreedFen the agreed price for the unit, null if no agreement names the item that day
 * @param validFrom the start of the agreement version applied
 * @param deviationYuan charged − agreed, in 元 with two decimals
 * @param deviationPercent (charged − agreed) / agreed × 100, two decimals, half up
 * @param markedMatchesSale whether the tag shows what is charged
 * @param compliant null when there is no agreement to judge against
 */
public record Evaluation(
    String licence,
    String groupId,
    Instant at,
    String brand,
    String spec,
    PackUnit unit,
    long markedFen,
    long saleFen,
    Long agreedFen,
    LocalDate validFrom,
    BigDecimal deviationYuan,
    BigDecimal deviationPercent,
    boolean markedMatchesSale,
    Boolean compliant) {}
