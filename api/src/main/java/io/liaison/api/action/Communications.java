package io.liaison.api.action;

import io.liaison.api.FieldException;
import java.util.List;

/** How the teams talk during the operation: the channel and the call signs. */
public record Communications(String channel, List<String> callSigns) {
  public Communications {
    channel = FieldException.optionalText(channel, "channel", 200);
    callSigns = callSigns == null ? List.of() : List.copyOf(callSigns);
    if (callSigns.size() > 50) {
      throw new FieldException("callSigns", "at most 50");
    }
  }
}
