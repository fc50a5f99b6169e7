package org.settingsreconciler.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The user's configuration directory for this tool: {@code $XDG_CONFIG_HOME/settings-reconciler}, else
 * {@code %APPDATA%\settings-reconciler} on Windows, else {@code $HOME/.config/settings-reconciler}. Only the CLI's
 * environment is consulted: with none of these set there is no such directory (and so no saved sign-in).
 */
public final class ConfigDir {

  static final String NAME = "settings-reconciler";

  private ConfigDir() {}

  public static Optional<Path> of(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, NAME));
    }
    String appData = env.get("APPDATA");
    if (appData != null && !appData.isBlank()) {
      return Optional.of(Path.of(appData, NAME));
    }
    String home = env.get("HOME");
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home, ".config", NAME));
    }
    return Optional.empty();
  }

  /** Creates the directory (0700) if it is missing; whether the file system has POSIX permissions. */
  public static boolean createOwnerOnly(Path dir) throws IOException {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        try {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
          // created meanwhile
        }
      } else {
        Files.createDirectories(dir);
      }
    }
    return posix;
  }

  /**
   * Writes a file of the config directory readable by its owner only, in the directory made 0700, through the one
   * atomic writer ({@link AtomicFiles}). The sign-in and the ledger of recent creates are written this way.
   */
  public static void writeOwnerOnly(Path file, String content) throws IOException {
    createOwnerOnly(file.toAbsolutePath().getParent());
    AtomicFiles.writeOwnerOnly(file, content.getBytes(StandardCharsets.UTF_8));
  }
}
