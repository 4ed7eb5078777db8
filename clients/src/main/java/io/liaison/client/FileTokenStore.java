package io.liaison.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.access.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The tokens of one node in a JSON file shared by all nodes ({@code {"<node URL>": {tokens}}}), so
 * that one sign-in serves every later run of the command line: by default {@code
 * ~/.config/liaison/tokens.json} (or under {@code $XDG_CONFIG_HOME}). The file is readable by its
 * owner only (mode 600, its directory 700) and is replaced atomically, under a lock on a sibling
 * {@code .lock} file, so that runs against different nodes do not lose each other's entries.
 */
public final class FileTokenStore implements TokenStore {
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path file;
  private final String key;

  private FileTokenStore(Path file, String key) {
    this.file = file;
    this.key = key;
  }

  /** The entry of {@code node} in {@code file}. */
  public static FileTokenStore of(Path file, URI node) {
    Objects.requireNonNull(file, "file");
    return new FileTokenStore(file, key(node));
  }

  /**
   * Where the command line keeps tokens: {@code $XDG_CONFIG_HOME/liaison/tokens.json} when that is
   * set, else {@code $HOME/.config/liaison/tokens.json} ({@code env} is the process environment).
   */
  public static Path defaultFile(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
    return config.resolve("liaison").resolve("tokens.json");
  }

  /** A node URL as a key: without a trailing slash, so that both spellings find one entry. */
  static String key(URI node) {
    String s = node.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  public Path file() {
    return file;
  }

  @Override
  public Optional<Tokens> load() {
    JsonNode entry = readAll().path(key);
    if (!entry.isObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Answers.READER.treeToValue(entry, Tokens.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged entry is as good as none: sign in again
    }
  }

  @Override
  public void save(Tokens tokens) {
    Objects.requireNonNull(tokens, "tokens");
    update(all -> all.set(key, Json.mapper().valueToTree(tokens)));
  }

  @Override
  public void clear() {
    update(all -> all.remove(key));
  }

  private ObjectNode readAll() {
    try {
      JsonNode n = Answers.READER.readTree(Files.readAllBytes(file));
      return n instanceof ObjectNode o ? o : Json.mapper().createObjectNode();
    } catch (NoSuchFileException e) {
      return Json.mapper().createObjectNode();
    } catch (IOException e) {
      return Json.mapper().createObjectNode(); // unreadable: start afresh on the next save
    }
  }

  private void update(Consumer<ObjectNode> change) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, attributes(OWNER_DIR));
      }
      Path lockFile = dir.resolve(file.getFileName() + ".lock");
      try (FileChannel ch =
              FileChannel.open(
                  lockFile,
                  Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                  attributes(OWNER_FILE));
          FileLock lock = ch.lock()) {
        ObjectNode all = readAll();
        change.accept(all);
        Path tmp = Files.createTempFile(dir, ".tokens", ".tmp", attributes(OWNER_FILE));
        try {
          Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
          move(tmp);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void move(Path tmp) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<?>[] attributes(Set<PosixFilePermission> perms) {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
        : new FileAttribute<?>[0];
  }
}
