package io.liaison.api.reward;

import io.liaison.api.BureauId;

/**
 * The measures the standards score a bureau or an officer on (按办案数量和质量、查获假烟数量、大要案), over the cases
 * credited to it in a period: cases it made and cases its leads produced elsewhere, each case
 * counted once.
 *
 * @param bureau the bureau
 * @param officer the officer, or null for the bureau's own row
 * @param cases credited cases
 * @param leadCases of them, cases another bureau made from its lead
 * @param policeTransfers of them, transferred to the police (刑事移送, quality)
 * @param majorCases of them, at or above the agreed major-case value (大要案)
 * @param sticks seized in them, in sticks (万支 at the edge)
 * @param valueFen their case value in fen
 */
public record Measures(
    BureauId bureau,
    String officer,
    long cases,
    long leadCases,
    long policeTransfers,
    long majorCases,
    long sticks,
    long valueFen) {}
