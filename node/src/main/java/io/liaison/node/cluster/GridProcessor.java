package io.liaison.node.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;

/**
 * An entry processor of our string-valued grid maps that carries one string argument to the
 * partition owner, serialised as {@code IdentifiedDataSerializable} under {@link
 * GridConfig#FACTORY_ID} (never Java serialisation). A subclass gives its class id, a no-argument
 * constructor for the factory and {@link #process}; its answer {@code R} is a string or a type of
 * its own that is serialised the same way.
 */
public abstract class GridProcessor<R>
    implements EntryProcessor<String, String, R>, IdentifiedDataSerializable {
  /** The argument, set by the sender's constructor or read from the wire. */
  protected String arg;

  protected GridProcessor() {}

  protected GridProcessor(String arg) {
    this.arg = arg;
  }

  @Override
  public final int getFactoryId() {
    return GridConfig.FACTORY_ID;
  }

  @Override
  public final void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(arg);
  }

  @Override
  public final void readData(ObjectDataInput in) throws IOException {
    arg = in.readString();
  }
}
