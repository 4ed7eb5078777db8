package io.liaison.node.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Objects;

/**
 * What a partition owner answers for a change it decided (an entry processor's typed answer): how
 * it decided ({@code E}), the value the decision was made on or produced, and why it refused. Sent
 * back as {@code IdentifiedDataSerializable} under {@link GridConfig#FACTORY_ID} (the node
 * registers the factory where it is wired); a subclass gives its class id and its results, and is
 * made empty (for the grid's factory) then filled by {@link #answer} or {@link #refused}: {@code
 * new TransitionOutcome().answer(Result.OK, value)}. Every results enum has a {@code REFUSED}.
 *
 * @param <E> how the owner decided
 * @param <A> the subclass, which {@link #answer} and {@link #refused} return
 */
public abstract class OwnerAnswer<E extends Enum<E>, A extends OwnerAnswer<E, A>>
    implements IdentifiedDataSerializable {
  private final int classId;
  private final Class<E> results;
  private E result;
  private String value;
  private String kind;
  private String message;

  /** An empty answer (for the grid's factory, or to fill). */
  protected OwnerAnswer(int classId, Class<E> results) {
    this.classId = classId;
    this.results = results;
  }

  /**
   * This answer, decided {@code result} on or producing {@code value} (null where there is none).
   */
  public final A answer(E result, String value) {
    return fill(result, value, null, null);
  }

  /** This answer, refused ({@code REFUSED}) for {@code kind} ({@code message}) on {@code value}. */
  public final A refused(String kind, String message, String value) {
    return fill(Enum.valueOf(results, "REFUSED"), value, kind, message);
  }

  @SuppressWarnings("unchecked")
  private A fill(E result, String value, String kind, String message) {
    this.result = Objects.requireNonNull(result, "result");
    this.value = value;
    this.kind = kind;
    this.message = message;
    return (A) this;
  }

  public E result() {
    return result;
  }

  /** The record the decision was made on or produced; null where there is none. */
  public String value() {
    return value;
  }

  /** Why it was refused (a refusal kind, MALFORMED, UNTRUSTED); else null. */
  public String kind() {
    return kind;
  }

  /** The refusal in words; else null. */
  public String message() {
    return message;
  }

  @Override
  public final int getFactoryId() {
    return GridConfig.FACTORY_ID;
  }

  @Override
  public final int getClassId() {
    return classId;
  }

  @Override
  public final void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(result.name());
    out.writeString(value);
    out.writeString(kind);
    out.writeString(message);
  }

  @Override
  public final void readData(ObjectDataInput in) throws IOException {
    result = Enum.valueOf(results, in.readString());
    value = in.readString();
    kind = in.readString();
    message = in.readString();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "["
        + result
        + (kind == null ? "" : " " + kind + ": " + message)
        + "]";
  }
}
