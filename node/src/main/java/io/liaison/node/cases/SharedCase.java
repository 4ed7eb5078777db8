package io.liaison.node.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.cases.CaseRecord;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.Verification;
import io.liaison.node.store.RecordFacts;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.RecordCheck;
import io.liaison.node.trust.TrustService;
import io.liaison.search.SearchDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A case as it travels on the grid ({@code liaison.cases}) and sits in the store: one signed {@code
 * case.version} envelope per version, the first naming {@link Hashes#GENESIS} and each later one
 * the hash of the version before ({@code prevHash}), all signed by the owning bureau. The grid
 * value is the JSON array of the envelopes; {@link #hash()} of that text is the anti-entropy
 * digest. The pool id is {@link SearchDocument#caseId} (the index uses the same id).
 */
public record SharedCase(List<SignedEnvelope> envelopes, List<CaseRecord> versions, String json) {
  public static final String KIND = "case";
  public static final String VERSION = "case.version";
  private static final TypeReference<List<SignedEnvelope>> LIST = new TypeReference<>() {};

  /**
   * The records last parsed or built, by id, each with its JSON: the search indexer reads back a
   * record the grid listener (or the sharing request) has just parsed and stored, and parsing the
   * text again (envelopes, payload trees, case records) was ~7% of the indexer's time at 200
   * cases/s. A record is a pure function of its id and text (and immutable), so a hit needs only an
   * equal text; a miss parses. Bounded, but by more than the indexer lags: a register import signs
   * the next batch of 500 while one is committed, and the grid intake verifies the next batch while
   * the indexer reads the one before, so at 512 the indexer of the importing node missed nearly
   * every record (7 % of its time spent parsing again in an import of 2,000 rows) and a receiving
   * node's missed when it fell a batch behind. 2,048 records (four batches; 7.4 KB each as parsed
   * from the import bench's cases, so ~15 MB) keep the second parse away unless the indexer falls
   * more than four batches behind.
   */
  private static final int RECENT = 2_048;

  private static final Map<String, SharedCase> RECENT_RECORDS =
      new LinkedHashMap<>(RECENT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SharedCase> eldest) {
          return size() > RECENT;
        }
      };

  public SharedCase {
    envelopes = List.copyOf(envelopes);
    versions = List.copyOf(versions);
    Objects.requireNonNull(json, "json");
    if (envelopes.isEmpty() || envelopes.size() != versions.size()) {
      throw new IllegalArgumentException("one envelope per version");
    }
  }

  /** The pool id: {@code case:<bureau>:<case number>}. */
  public String id() {
    return idOf(current());
  }

  public static String idOf(CaseRecord c) {
    return SearchDocument.caseId(c.bureau(), c.caseNumber());
  }

  /** The newest version. */
  public CaseRecord current() {
    return versions.get(versions.size() - 1);
  }

  public SignedEnvelope first() {
    return envelopes.get(0);
  }

  public SignedEnvelope last() {
    return envelopes.get(envelopes.size() - 1);
  }

  public String hash() {
    return Hashes.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The payload of one version. */
  public static ObjectNode payload(CaseRecord c) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", VERSION);
    p.set("case", Json.mapper().valueToTree(c));
    return p;
  }

  /** The record of a case's first version (already signed). */
  public static SharedCase first(SignedEnvelope env) {
    CaseRecord c = caseOf(env, 0);
    return build(idOf(c), List.of(env), serialise(List.of(env)));
  }

  /** This record with one more version (already signed against {@link #last()}). */
  public SharedCase append(SignedEnvelope env) {
    List<SignedEnvelope> more = new ArrayList<>(envelopes);
    more.add(env);
    return build(id(), more, serialise(more));
  }

  /** Whether {@code other} continues this record (this record's envelopes are its prefix). */
  public boolean isPrefixOf(SharedCase other) {
    if (other.envelopes.size() < envelopes.size()) {
      return false;
    }
    for (int i = 0; i < envelopes.size(); i++) {
      if (!envelopes.get(i).signature().equals(other.envelopes.get(i).signature())) {
        return false;
      }
    }
    return true;
  }

  /** The row the store keeps: kind {@value #KIND}, origin the owning bureau. */
  public StoredRecord stored() {
    return new StoredRecord(
        id(),
        KIND,
        current().bureau().code(),
        first().signedAt(),
        hash(),
        json,
        // a case needs no cluster-wide decision: it leaves the grid a retention after its last
        // version (see docs/architecture.md, "Retention on the grid")
        RecordFacts.settled(last().signedAt().toEpochMilli()));
  }

  /**
   * Parses {@code json} as the record of case {@code key}: structure, chain, schema and ownership,
   * but not signatures (see {@link #verify}).
   *
   * @throws Rejected with a reason if anything is wrong
   */
  public static SharedCase parse(String key, String json) {
    SharedCase known;
    synchronized (RECENT_RECORDS) {
      known = RECENT_RECORDS.get(key);
    }
    if (known != null && known.json.equals(json)) {
      return known;
    }
    List<SignedEnvelope> envs;
    try {
      envs = Json.mapper().readValue(json, LIST);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new Rejected("MALFORMED", "not a list of signed envelopes");
    }
    if (envs == null || envs.isEmpty()) {
      throw new Rejected("MALFORMED", "no envelopes");
    }
    return build(key, envs, json);
  }

  private static SharedCase build(String key, List<SignedEnvelope> envs, String json) {
    List<CaseRecord> versions = new ArrayList<>(envs.size());
    for (int i = 0; i < envs.size(); i++) {
      SignedEnvelope env = envs.get(i);
      CaseRecord c = caseOf(env, i);
      String prev = i == 0 ? Hashes.GENESIS : envs.get(i - 1).hash();
      if (!env.prevHash().equals(prev)) {
        throw new Rejected("CHAIN", "version " + (i + 1) + " does not follow the one before");
      }
      if (c.version() != i + 1) {
        throw new Rejected("CHAIN", "envelope " + i + " carries version " + c.version());
      }
      if (!c.bureau().equals(env.signer())) {
        throw new Rejected("MISMATCH", "case of " + c.bureau() + " signed by " + env.signer());
      }
      if (!idOf(c).equals(key)) {
        throw new Rejected("MISMATCH", "case " + idOf(c) + " stored under " + key);
      }
      versions.add(c);
    }
    SharedCase rec = new SharedCase(envs, versions, json);
    synchronized (RECENT_RECORDS) {
      RECENT_RECORDS.put(key, rec);
    }
    return rec;
  }

  private static CaseRecord caseOf(SignedEnvelope env, int i) {
    JsonNode p = env.payload();
    if (!VERSION.equals(p.path("type").asText())) {
      throw new Rejected("MALFORMED", "envelope " + i + " is not a case version");
    }
    try {
      return Json.mapper().treeToValue(p.get("case"), CaseRecord.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new Rejected("SCHEMA", "envelope " + i + " does not hold a valid case");
    }
  }

  /**
   * Parses and verifies a grid or store value for {@code key}: every signature against the roster,
   * then {@link #parse}. Never throws for bad input.
   */
  public static RecordCheck<SharedCase> verify(String key, String json, TrustService trust) {
    SharedCase rec;
    try {
      rec = parse(key, json);
    } catch (Rejected r) {
      return new RecordCheck.Rejected<>(r.reason(), r.getMessage());
    }
    for (int i = 0; i < rec.envelopes().size(); i++) {
      if (trust.verify(rec.envelopes().get(i)) instanceof Verification.Invalid inv) {
        return new RecordCheck.Rejected<>(
            inv.reason().name(), "envelope " + i + ": " + inv.detail());
      }
    }
    return new RecordCheck.Accepted<>(rec);
  }

  static String serialise(List<SignedEnvelope> envs) {
    try {
      return Json.mapper().writeValueAsString(envs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise case record", e);
    }
  }

  /** A value that cannot be accepted as a case record, with a stable reason code. */
  public static final class Rejected extends RuntimeException {
    private final String reason;

    public Rejected(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
