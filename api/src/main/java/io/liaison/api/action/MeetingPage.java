package io.liaison.api.action;

import java.util.List;

/** Meetings, newest first. */
public record MeetingPage(int total, List<MeetingView> meetings) {
  public MeetingPage {
    meetings = List.copyOf(meetings);
  }
}
