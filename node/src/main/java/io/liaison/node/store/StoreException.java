package io.liaison.node.store;

/** The durable store failed; nothing of the failed operation was committed. */
public final class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
