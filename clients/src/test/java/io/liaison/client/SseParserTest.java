package io.liaison.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
  private static List<ServerSentEvent> parse(SseParser p, String... lines) {
    List<ServerSentEvent> out = new ArrayList<>();
    for (String l : lines) {
      p.line(l).ifPresent(out::add);
    }
    return out;
  }

  @Test
  void anEventIsDispatchedByABlankLine() {
    SseParser p = new SseParser(null);

    assertThat(parse(p, "id: 7", "event: lead.posted", "data: {\"a\":1}")).isEmpty();
    assertThat(parse(p, "")).containsExactly(new ServerSentEvent("7", "lead.posted", "{\"a\":1}"));
    assertThat(p.lastEventId()).isEqualTo("7");
  }

  @Test
  void multiLineDataIsJoinedWithNewlines() {
    assertThat(parse(new SseParser(null), "data: a", "data:b", "data:  c", ""))
        .containsExactly(new ServerSentEvent(null, "message", "a\nb\n c"));
  }

  @Test
  void commentsRetryAndUnknownFieldsAreNotEvents() {
    SseParser p = new SseParser("3");

    assertThat(parse(p, "retry: 2000", "", ":keep-alive", "", "color: blue", "")).isEmpty();
    assertThat(p.retryMillis()).contains(2000L);
    assertThat(p.lastEventId()).isEqualTo("3");
  }

  @Test
  void theTypeIsResetAfterEachEventAndTheIdIsKept() {
    SseParser p = new SseParser(null);

    List<ServerSentEvent> events =
        parse(p, "id: 1", "event: lead.claimed", "data: x", "", "data: y", "");

    assertThat(events)
        .containsExactly(
            new ServerSentEvent("1", "lead.claimed", "x"),
            new ServerSentEvent("1", "message", "y"));
  }

  @Test
  void anEmptyDataFieldIsStillAnEventButNoDataIsNone() {
    assertThat(parse(new SseParser(null), "data", ""))
        .containsExactly(new ServerSentEvent(null, "message", ""));
    assertThat(parse(new SseParser(null), "event: x", "")).isEmpty();
  }

  @Test
  void anIdWithANulIsIgnoredAndABadRetryToo() {
    SseParser p = new SseParser("5");

    parse(p, "id: 6\0", "retry: soon", "data: z", "");

    assertThat(p.lastEventId()).isEqualTo("5");
    assertThat(p.retryMillis()).isEmpty();
  }
}
