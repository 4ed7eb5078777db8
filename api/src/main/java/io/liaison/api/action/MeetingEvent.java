package io.liaison.api.action;

import io.liaison.api.BureauId;

/**
 * The data of the events {@code meeting.recorded}, {@code meeting.acknowledged} and {@code
 * meeting.item-done}: which meeting, the bureau and officer that signed the entry, and for a done
 * item its number (absent otherwise).
 */
public record MeetingEvent(String meetingId, BureauId bureau, String officer, Integer item) {}
