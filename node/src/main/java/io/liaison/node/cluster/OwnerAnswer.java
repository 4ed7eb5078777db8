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
 * registers the factory where it is wired); a subclass gives its class id and its results.
 */
public abstract class OwnerAnswer<E extends Enum<E>> implements IdentifiedDataSerializable {
  private final Class<E> results;
  private E result;
  private String value;
  private String kind;
  private String message;

  /** For the grid's factory. */
  protected OwnerAnswer(Class<E> results) {
    this.results = results;
  }

  protected OwnerAnswer(Class<E> results, E result, String value, String kind, String message) {
    this.results = results;
    this.result = Objects.requireNonNull(result, "result");
    this.value = value;
    this.kind = kind;
    this.message = message;
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
