package io.liaison.node.cluster;

import com.hazelcast.core.HazelcastInstance;

/**
 * Whether this member sees a majority of the configured cluster. Writes that must not happen on
 * both sides of a network split (claims, accepting a hand-over) need it; a minority side keeps
 * serving reads and accepting posts and other transitions, which merge deterministically.
 */
public final class Quorum {
  private final HazelcastInstance hazelcast;
  private final int expected;

  public Quorum(HazelcastInstance hazelcast, int expected) {
    this.hazelcast = hazelcast;
    this.expected = Math.max(1, expected);
  }

  public int needed() {
    return expected / 2 + 1;
  }

  /** Data members seen (a lite member, which anyone on the link can start, holds no data). */
  public int present() {
    return (int)
        hazelcast.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).count();
  }

  public boolean has() {
    return present() >= needed();
  }
}
