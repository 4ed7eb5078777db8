package io.liaison.node;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps off the tests' console the warnings that clustered tests cause on purpose — a node stopped
 * or killed drops its connections, the grid moves partitions while members come and go, forged grid
 * values are quarantined and repaired — and that say nothing about a failure (logback-test.xml;
 * they stay in the test JVM's log file).
 */
public final class QuietConsole extends Filter<ILoggingEvent> {
  private static final String[] EXPECTED = {
    "com.hazelcast.internal.server.tcp.", // "Removing connection to endpoint …" (a member left)
    "com.hazelcast.internal.cluster.impl.MembershipManager", // "… is suspected to be dead"
    "com.hazelcast.internal.partition.", // migrations retried while members change
    // the hostile-link tests forge thousands of grid values on purpose: every one is quarantined
    // and repaired with a warning (a CI run printed 3,900 of them); the tests count them through
    // liaison_quarantined_total and the repaired state instead
    "io.liaison.node.trust.Quarantine",
    "io.liaison.node.cluster.GridReconciler",
  };

  @Override
  public FilterReply decide(ILoggingEvent event) {
    for (String prefix : EXPECTED) {
      if (event.getLoggerName().startsWith(prefix)) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
