package io.liaison.api.major;

import io.liaison.api.BureauId;
import java.time.Instant;

/**
 * A lead whose value reached the agreed major-case value (重大违反专卖法律、法规案件，以案值5万元为准，及时上报): raised at
 * once by the bureau that filed the form with the value, told to its supervisor (上级局, on its node)
 * and to every other bureau of the pool (the pool is the border region: all are neighbours). Names
 * the lead, never its sealed content.
 *
 * @param leadId the lead
 * @param bureau the bureau that raised it (filed the form)
 * @param officer who filed the form
 * @param valueFen the value on the form, in fen
 * @param thresholdFen the agreed major-case value in force then
 * @param formId the form that carried the value
 * @param at when it was raised
 */
public record MajorLeadNotice(
    String leadId,
    BureauId bureau,
    String officer,
    long valueFen,
    long thresholdFen,
    String formId,
    Instant at) {}
