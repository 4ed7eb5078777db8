package io.liaison.client;

import static io.liaison.client.RecordedNode.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.access.Tokens;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenStoreTest {
  @TempDir Path dir;

  private static Tokens tokens(String resource) throws Exception {
    return Answers.READER.readValue(recorded(resource), Tokens.class);
  }

  @Test
  void eachNodeHasItsOwnEntryWhateverTheSpellingOfItsUrl() throws Exception {
    Path file = dir.resolve("liaison/tokens.json");
    FileTokenStore a = FileTokenStore.of(file, URI.create("http://127.0.0.1:8081/"));
    FileTokenStore b = FileTokenStore.of(file, URI.create("http://127.0.0.1:8083"));

    a.save(tokens("auth-login.json"));
    b.save(tokens("auth-refresh.json"));
    b.clear();

    assertThat(FileTokenStore.of(file, URI.create("http://127.0.0.1:8081")).load())
        .contains(tokens("auth-login.json"));
    assertThat(b.load()).isEmpty();
    assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("tokens.json", "tokens.json.lock");
  }

  @Test
  void aDamagedFileIsNoSessionAndIsReplacedOnTheNextSignIn() throws Exception {
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, "{\"http://n:1\": {\"accessToken\": 7}, garbage");
    FileTokenStore store = FileTokenStore.of(file, URI.create("http://n:1"));

    assertThat(store.load()).isEmpty();
    store.save(tokens("auth-login.json"));
    assertThat(store.load()).contains(tokens("auth-login.json"));
  }

  @Test
  void theFileIsUnderXdgConfigHomeElseUnderHome() {
    assertThat(FileTokenStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")))
        .isEqualTo(Path.of("/x/liaison/tokens.json"));
    assertThat(FileTokenStore.defaultFile(Map.of("HOME", "/h")))
        .isEqualTo(Path.of("/h/.config/liaison/tokens.json"));
  }
}
