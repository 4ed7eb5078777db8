package io.liaison.node.attachment;

import io.liaison.api.BureauId;
import io.liaison.api.Problem;
import io.liaison.api.lead.AttachmentRef;
import io.liaison.crypto.Hashes;
import io.liaison.node.domain.Malformed;
import io.liaison.node.domain.NotFound;
import io.liaison.node.domain.Unavailable;
import io.liaison.node.http.ApiException;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lead attachments by content hash. The origin node keeps the bytes ({@code
 * <dataDir>/attachments/<sha256>}, fsync'd); another node fetches them on demand from the origin
 * over the clustered event bus ({@code liaison.attachments.<bureau>}), checks them against the hash
 * (the grid is not trusted) and keeps a copy. The origin relays only attachments of its own leads
 * that are open to all members; attachments of restricted leads are not relayed.
 */
public final class AttachmentService {
  private static final Logger LOG = LoggerFactory.getLogger(AttachmentService.class);
  private static final long MAX_BYTES = 20L * 1024 * 1024;

  private final Vertx vertx;
  private final StoreExecutor store;
  private final BureauId bureau;
  private final Path dir;

  public AttachmentService(Vertx vertx, StoreExecutor store, BureauId bureau, Path dataDir) {
    this.vertx = vertx;
    this.store = store;
    this.bureau = bureau;
    this.dir = dataDir.resolve("attachments");
  }

  public static long maxBytes() {
    return MAX_BYTES;
  }

  /** Serves this bureau's relayable attachments to the other nodes. */
  public Future<Void> listen() {
    return vertx
        .eventBus()
        .<String>consumer(address(bureau))
        .handler(
            msg -> {
              String hash = msg.body();
              if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                msg.fail(400, "bad hash");
                return;
              }
              relayable(hash)
                  .compose(ok -> ok ? read(hash) : Future.succeededFuture(null))
                  .onSuccess(
                      bytes -> {
                        if (bytes == null) {
                          msg.fail(404, "no relayable attachment " + hash);
                        } else {
                          msg.reply(bytes);
                        }
                      })
                  .onFailure(e -> msg.fail(500, "attachment unreadable"));
            })
        .completion();
  }

  /** Stores an upload of this node's officer and returns its reference. */
  public Future<AttachmentRef> put(Buffer body, String name, String contentType) {
    if (body == null || body.length() == 0) {
      throw new Malformed("empty-body", "the attachment is empty", null);
    }
    byte[] bytes = body.getBytes();
    String hash = Hashes.sha256Hex(bytes);
    AttachmentRef ref = new AttachmentRef(hash, name, contentType, bytes.length);
    return vertx
        .executeBlocking(
            () -> {
              write(hash, bytes);
              return ref;
            },
            false)
        .onSuccess(r -> LOG.info("attachment stored hash={} bytes={}", hash, bytes.length));
  }

  /** The bytes of an attachment: local copy, or fetched from its origin bureau and checked. */
  public Future<Buffer> get(String hash, BureauId origin) {
    if (!hash.matches("[0-9a-f]{64}")) {
      throw new NotFound("no attachment " + hash);
    }
    return vertx
        .executeBlocking(() -> Files.exists(file(hash)), false)
        .compose(
            local -> {
              if (local) {
                return read(hash);
              }
              if (origin == null || origin.equals(bureau)) {
                return Future.failedFuture(new NotFound("no attachment " + hash));
              }
              return vertx
                  .eventBus()
                  .<Buffer>request(
                      address(origin), hash, new DeliveryOptions().setSendTimeout(15_000))
                  .recover(
                      e -> {
                        int code = e instanceof ReplyException re ? re.failureCode() : 503;
                        return Future.failedFuture(
                            code == 404
                                ? new NotFound(
                                    "bureau " + origin + " has no relayable attachment " + hash)
                                : new Unavailable(
                                    "bureau " + origin + "'s node cannot be reached for " + hash));
                      })
                  .compose(
                      reply -> {
                        Buffer bytes = reply.body();
                        if (!Hashes.sha256Hex(bytes.getBytes()).equals(hash)) {
                          return Future.failedFuture(
                              new ApiException(
                                  Problem.of(
                                      "attachment-mismatch",
                                      "Attachment failed verification",
                                      502,
                                      "the bytes from bureau " + origin + " do not match " + hash,
                                      null)));
                        }
                        return vertx.executeBlocking(
                            () -> {
                              write(hash, bytes.getBytes());
                              return bytes;
                            },
                            false);
                      });
            });
  }

  private Future<Boolean> relayable(String hash) {
    return store.call(s -> s.openLeadCites(bureau.code(), hash));
  }

  private Future<Buffer> read(String hash) {
    return vertx.executeBlocking(() -> Buffer.buffer(Files.readAllBytes(file(hash))), false);
  }

  private void write(String hash, byte[] bytes) throws IOException {
    Files.createDirectories(dir);
    Path target = file(hash);
    if (Files.exists(target)) {
      return;
    }
    Path tmp = dir.resolve(hash + ".tmp");
    try (var ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(bytes));
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Path file(String hash) {
    return dir.resolve(hash);
  }

  static String address(BureauId b) {
    return "liaison.attachments." + b.code();
  }

  /** For tests and the view: the references of a lead. */
  public static List<String> hashes(List<AttachmentRef> refs) {
    return refs.stream().map(AttachmentRef::sha256).toList();
  }
}
