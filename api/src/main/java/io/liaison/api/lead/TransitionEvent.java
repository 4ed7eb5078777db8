package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.util.List;

/**
 * The data of a lead transition event ({@code lead.claimed}, {@code lead.feedback}, …, and {@code
 * lead.cohandling.invited}): the lead, its title where this node can read it, who is told ({@code
 * audience}), the transition, the status after it and, where the acting bureau has a signed liaison
 * directory, whom to call there ({@code contacts}). Absent parts are left out.
 */
public record TransitionEvent(
    String leadId,
    String title,
    BureauId originBureau,
    BureauId audience,
    TransitionView transition,
    LeadState state,
    BureauId owner,
    List<CoHandler> cohandlers,
    List<DirectoryEntry> contacts) {
  public TransitionEvent {
    cohandlers = cohandlers == null || cohandlers.isEmpty() ? null : List.copyOf(cohandlers);
    contacts = contacts == null || contacts.isEmpty() ? null : List.copyOf(contacts);
  }

  /** The same event with whom to call at the acting bureau (left out when there is nobody). */
  public TransitionEvent withContacts(List<DirectoryEntry> who) {
    return new TransitionEvent(
        leadId, title, originBureau, audience, transition, state, owner, cohandlers, who);
  }
}
