package io.liaison.node.lead;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.liaison.node.cluster.GridConfig;
import java.io.IOException;
import java.util.Objects;

/**
 * What the partition owner answers for a transition ({@link TransitionProcessor}), sent back as
 * {@code IdentifiedDataSerializable} under {@link GridConfig#FACTORY_ID} (the node registers the
 * factory where it is wired). Every {@link #value} is a verified lead record, except that of {@link
 * Result#UNVERIFIED} (the grid's value as found, for the requester's compare-and-set repair only).
 */
public final class TransitionOutcome implements IdentifiedDataSerializable {
  public static final int CLASS_ID = 4;

  /** How the owner decided. */
  public enum Result {
    /** Appended (or appended already by the same transition): {@code value} is the new record. */
    OK,
    /** Signed against an older head the lifecycle would allow: sign again on {@code value}. */
    STALE,
    /**
     * The lifecycle refuses it on {@code value} ({@code kind}, {@code message}); without a value,
     * the transition itself was refused (malformed, or not trusted by the owner's roster).
     */
    REFUSED,
    /** The grid holds no value under the lead's key. */
    NOT_FOUND,
    /** Signed against a head that is not on {@code value}'s chain: the requester knows more. */
    BEHIND,
    /** The grid's value does not verify and the owner remembers none: repair, then ask again. */
    UNVERIFIED
  }

  private Result result;
  private String value;
  private String kind;
  private String message;

  /** For the grid's factory. */
  public TransitionOutcome() {}

  private TransitionOutcome(Result result, String value, String kind, String message) {
    this.result = Objects.requireNonNull(result, "result");
    this.value = value;
    this.kind = kind;
    this.message = message;
  }

  static TransitionOutcome of(Result result, String value) {
    return new TransitionOutcome(result, value, null, null);
  }

  static TransitionOutcome refused(String kind, String message, String value) {
    return new TransitionOutcome(Result.REFUSED, value, kind, message);
  }

  public Result result() {
    return result;
  }

  /** The lead record the decision was made on or produced; null where there is none. */
  public String value() {
    return value;
  }

  /** Why it was refused ({@code TransitionRefused.Kind}, MALFORMED, UNTRUSTED); else null. */
  public String kind() {
    return kind;
  }

  /** The refusal in words; else null. */
  public String message() {
    return message;
  }

  @Override
  public int getFactoryId() {
    return GridConfig.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(result.name());
    out.writeString(value);
    out.writeString(kind);
    out.writeString(message);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    result = Result.valueOf(in.readString());
    value = in.readString();
    kind = in.readString();
    message = in.readString();
  }

  @Override
  public String toString() {
    return "TransitionOutcome[" + result + (kind == null ? "" : " " + kind + ": " + message) + "]";
  }
}
