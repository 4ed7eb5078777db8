package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.time.Instant;

/**
 * The data of the overdue notices ({@code lead.overdue}, {@code lead.overdue.reminder}, {@code
 * lead.overdue.escalated}): the lead, who owes the feedback since when, the region's rule it
 * follows (its version and days), and for whom ({@code to}: {@code owner} — the owner's officers,
 * its chief for an escalation — or {@code origin}). {@code reminder} and {@code overdueRemindDays}
 * are there on a reminder only, {@code escalateAfterDays} and {@code escalatedTo} on an escalation
 * only.
 */
public record OverdueNotice(
    String leadId,
    String title,
    BureauId originBureau,
    BureauId owner,
    Instant claimedAt,
    Instant overdueSince,
    int feedbackDeadlineDays,
    long rulesVersion,
    String to,
    Integer reminder,
    Integer overdueRemindDays,
    Integer escalateAfterDays,
    String escalatedTo) {}
