package io.liaison.node.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SigningKeyPair;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the partition owner answers for a transition, with real signed envelopes. */
class TransitionProcessorTest {
  private static final EnvelopeSigner XINGHE =
      new EnvelopeSigner(LeadLifecycleTest.XINGHE, SigningKeyPair.generate());
  private static final EnvelopeSigner TIANZHEN =
      new EnvelopeSigner(LeadLifecycleTest.TIANZHEN, SigningKeyPair.generate());
  private static final EnvelopeSigner YANGGAO =
      new EnvelopeSigner(LeadLifecycleTest.YANGGAO, SigningKeyPair.generate());
  private static final Instant AT = LeadLifecycleTest.T0.plusSeconds(60);

  private static SignedEnvelope transition(EnvelopeSigner by, LeadRecord on, LeadEvent event) {
    TransitionRequest r = TransitionRequest.of(event, "officer-1");
    return by.sign(LeadRecord.transitionPayload(on.lead().id(), r), on.status().lastHash(), AT);
  }

  /**
   * Runs the processor on the owner's {@code entry} and its backup processor, if any, on {@code
   * backup}, as Hazelcast does.
   */
  private static JsonNode run(
      Map.Entry<String, String> entry, Map.Entry<String, String> backup, SignedEnvelope t)
      throws Exception {
    TransitionProcessor p = new TransitionProcessor(t);
    JsonNode answer = Json.mapper().readTree(p.process(entry));
    if (p.getBackupProcessor() != null) {
      p.getBackupProcessor().process(backup);
    }
    return answer;
  }

  @Test
  void aClaimThatLostItsRaceIsRefusedNamingTheOwnerNotSentBackAsStale() throws Exception {
    LeadRecord posted =
        LeadRecord.ofPosted(
            XINGHE.sign(
                LeadRecord.postPayload(LeadLifecycleTest.lead(List.of(), null)),
                Hashes.GENESIS,
                LeadLifecycleTest.T0));
    Map.Entry<String, String> entry =
        new AbstractMap.SimpleEntry<>(posted.lead().id(), posted.json());
    Map.Entry<String, String> backup =
        new AbstractMap.SimpleEntry<>(posted.lead().id(), posted.json());
    // both neighbours sign a claim against the posted head; 天镇县's arrives first
    SignedEnvelope first = transition(TIANZHEN, posted, LeadEvent.CLAIM);
    SignedEnvelope second = transition(YANGGAO, posted, LeadEvent.CLAIM);

    JsonNode won = run(entry, backup, first);
    assertThat(won.get("result").asText()).isEqualTo("OK");
    // asked again (the owner left after its backup took the value): the same answer, no second
    // claim
    Map.Entry<String, String> promoted =
        new AbstractMap.SimpleEntry<>(posted.lead().id(), entry.getValue());
    JsonNode again0 = run(promoted, backup, first);
    assertThat(again0.get("result").asText()).isEqualTo("OK");
    assertThat(promoted.getValue()).isEqualTo(won.get("value").asText());
    assertThat(entry.getValue()).isEqualTo(won.get("value").asText());
    assertThat(backup.getValue())
        .as("the backup holds the owner's value")
        .isEqualTo(entry.getValue());

    JsonNode lost = run(entry, backup, second);
    assertThat(lost.get("result").asText()).isEqualTo("REFUSED");
    assertThat(lost.get("message").asText()).contains("owner 140222");
    assertThat(lost.get("value").asText()).isEqualTo(entry.getValue());
    assertThat(backup.getValue()).isEqualTo(entry.getValue());

    // an event the current state allows, signed against the old head, is stale: sign again
    SignedEnvelope late = transition(TIANZHEN, posted, LeadEvent.INVESTIGATE);
    JsonNode stale = run(entry, backup, late);
    assertThat(stale.get("result").asText()).isEqualTo("STALE");
    LeadRecord claimed = LeadRecord.parse(posted.lead().id(), stale.get("value").asText());
    JsonNode again = run(entry, backup, transition(TIANZHEN, claimed, LeadEvent.INVESTIGATE));
    assertThat(again.get("result").asText()).isEqualTo("OK");
    assertThat(backup.getValue()).isEqualTo(entry.getValue());
    // where every member reads it, the backup gets BackupWrite: the owner's value as it is
    Map.Entry<String, String> replica =
        new AbstractMap.SimpleEntry<>(posted.lead().id(), posted.json());
    new io.liaison.node.cluster.BackupWrite(entry.getValue()).process(replica);
    assertThat(replica.getValue()).isEqualTo(entry.getValue());
    assertThat(LeadRecord.parse(posted.lead().id(), backup.getValue()).status().version())
        .isEqualTo(3);
  }
}
