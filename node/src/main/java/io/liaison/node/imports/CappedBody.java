package io.liaison.node.imports;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that fails with {@link TooLarge} as soon as more than {@code max} bytes have come,
 * whether the client announced a length or sent it chunked: the byte past the limit is never handed
 * on (nor written to disk), and the source is paused so that the client is held by TCP until the
 * answer closes the connection.
 */
final class CappedBody implements ReadStream<Buffer> {
  private final ReadStream<Buffer> in;
  private final long max;
  private long seen;
  private boolean over;
  private Handler<Throwable> failed;

  CappedBody(ReadStream<Buffer> in, long max) {
    this.in = in;
    this.max = max;
  }

  /** More than the limit came. */
  static final class TooLarge extends RuntimeException {
    TooLarge(long max) {
      super("more than " + max + " bytes", null, false, false);
    }
  }

  @Override
  public CappedBody exceptionHandler(Handler<Throwable> handler) {
    failed = handler;
    in.exceptionHandler(handler);
    return this;
  }

  @Override
  public CappedBody handler(Handler<Buffer> handler) {
    if (handler == null) {
      in.handler(null);
      return this;
    }
    in.handler(
        b -> {
          if (over) {
            return;
          }
          seen += b.length();
          if (seen > max) {
            over = true;
            in.pause();
            if (failed != null) {
              failed.handle(new TooLarge(max));
            }
            return;
          }
          handler.handle(b);
        });
    return this;
  }

  @Override
  public CappedBody pause() {
    in.pause();
    return this;
  }

  @Override
  public CappedBody resume() {
    if (!over) {
      in.resume();
    }
    return this;
  }

  @Override
  public CappedBody fetch(long amount) {
    if (!over) {
      in.fetch(amount);
    }
    return this;
  }

  @Override
  public CappedBody endHandler(Handler<Void> handler) {
    in.endHandler(handler);
    return this;
  }
}
