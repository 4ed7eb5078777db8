package io.liaison.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.TransitionRequest;
import org.junit.jupiter.api.Test;

/** The one mapper takes no value of the wrong JSON type (issue #23: coerced values were signed). */
class JsonStrictTypesTest {
  static final String DRAFT =
      "{\"officer\":\"150924-001\",\"category\":\"UNLICENSED_TRADE\",\"title\":%s,"
          + "\"narrative\":\"无证批发\"%s}";

  static LeadDraft read(String json) throws Exception {
    return Json.mapper().readValue(json, LeadDraft.class);
  }

  @Test
  void aWellTypedDraftReads() throws Exception {
    assertThat(read(DRAFT.formatted("\"标题\"", "")).title()).isEqualTo("标题");
  }

  @Test
  void numbersBooleansAndExponentsAreNotText() {
    for (String v : new String[] {"42", "true", "1.5e3"}) {
      assertThatThrownBy(() -> read(DRAFT.formatted(v, "")))
          .as(v)
          .isInstanceOf(MismatchedInputException.class);
    }
  }

  @Test
  void numbersAreNotEnumsNorTimes() {
    assertThatThrownBy(() -> read(DRAFT.formatted("\"t\"", ",\"urgency\":1")))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read(DRAFT.formatted("\"t\"", ",\"expiresAt\":1700000000")))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(
            () ->
                Json.mapper()
                    .readValue("{\"event\":0,\"officer\":\"150924-001\"}", TransitionRequest.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aBureauGivenAsANumberIsRefused() {
    assertThatThrownBy(() -> read(DRAFT.formatted("\"t\"", ",\"targetBureaus\":[140222]")))
        .isInstanceOf(MismatchedInputException.class);
  }
}
