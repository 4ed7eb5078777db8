package io.liaison.client;

import java.net.URI;

/** The node could not be reached, or the connection broke before a complete answer arrived. */
public final class NodeUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final URI node;

  public NodeUnreachableException(URI node, Throwable cause) {
    super("cannot reach the node at " + node + ": " + reason(cause), cause);
    this.node = node;
  }

  public URI node() {
    return node;
  }

  private static String reason(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    if (cause instanceof java.net.http.HttpConnectTimeoutException) {
      return "connection timed out";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    return cause.getClass().getSimpleName();
  }
}
