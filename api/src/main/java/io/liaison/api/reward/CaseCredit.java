package io.liaison.api.reward;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import java.time.LocalDate;

/**
 * Which bureau's lead produced which case (线索成案), with the officers credited. A case that names no
 * lead held on the node is credited to its own bureau only ({@code leadId} null).
 *
 * @param caseNumber the case
 * @param caseBureau the bureau that made it
 * @param filedOn its filing day (立案, Asia/Shanghai)
 * @param category its kind
 * @param leadId the lead it came from (one of the case's linked leads), or null
 * @param leadBureau the bureau that posted the lead, or null
 * @param leadOfficer the officer who posted the lead, or null
 * @param caseOfficer the case bureau's officer who closed the lead as 立案 (else who claimed it), or
 *     null
 * @param sticks seized, in sticks
 * @param valueFen case value (案值) in fen
 * @param major at or above the agreed major-case value
 * @param transferredToPolice 移送公安
 */
public record CaseCredit(
    String caseNumber,
    BureauId caseBureau,
    LocalDate filedOn,
    CaseCategory category,
    String leadId,
    BureauId leadBureau,
    String leadOfficer,
    String caseOfficer,
    long sticks,
    long valueFen,
    boolean major,
    boolean transferredToPolice) {}
