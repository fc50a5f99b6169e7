package org.settingsreconciler.auth;

import org.settingsreconciler.files.ConfigDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheFileTest {

  @TempDir Path tmp;

  @Test
  void isWrittenOwnerOnlyAndReadBack() throws Exception {
    Path path = tmp.resolve("config/settings-reconciler/token-cache.json");
    SavedLogin login = new SavedLogin("client", "organizations", Cloud.usgov, "https://login.microsoftonline.us",
        "admin@contoso.com", "oid.tid");

    TokenCacheFile.open(path).saveLogin(login);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
    assertThat(TokenCacheFile.open(path).login()).contains(login);
    assertThat(login.homeTenant()).isEqualTo("tid");
    try (var files = Files.list(path.getParent())) {
      assertThat(files).as("no temporary file left behind").hasSize(1);
    }
  }

  @Test
  void aDamagedOrMissingFileIsAnEmptyCache() throws Exception {
    Path path = tmp.resolve("token-cache.json");
    assertThat(TokenCacheFile.open(path).login()).isEmpty();
    Files.writeString(path, "{not json");
    assertThat(TokenCacheFile.open(path).login()).isEmpty();
  }

  @Test
  void theConfigDirectoryFollowsXdgThenAppDataThenHome() {
    assertThat(ConfigDir.of(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h"))).contains(Path.of("/x/settings-reconciler"));
    assertThat(ConfigDir.of(Map.of("APPDATA", "/a", "HOME", "/h"))).contains(Path.of("/a/settings-reconciler"));
    assertThat(ConfigDir.of(Map.of("HOME", "/h"))).contains(Path.of("/h/.config/settings-reconciler"));
    assertThat(ConfigDir.of(Map.of())).as("only the CLI's environment counts").isEmpty();
    assertThat(TokenCacheFile.forEnvironment(Map.of()).login()).isEmpty();
  }
}
