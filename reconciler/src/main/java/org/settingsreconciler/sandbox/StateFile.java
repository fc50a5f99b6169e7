package org.settingsreconciler.sandbox;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON file a sandbox keeps its tenant in, so that state survives restarts and separate processes sharing the
 * file see each other's changes. Writes go to a temporary file that is then moved over the old one, so a reader
 * never sees half a file. Changes by another process are noticed by comparing the file with what this process
 * last read or wrote; concurrent writers are last-writer-wins.
 */
final class StateFile {

  private final Path path;
  private byte[] lastSeen = new byte[0];

  StateFile(Path path) {
    this.path = path.toAbsolutePath();
  }

  Path path() {
    return path;
  }

  boolean exists() {
    return Files.isRegularFile(path);
  }

  JsonNode read() throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    JsonNode parsed = parse(bytes);
    lastSeen = bytes;
    return parsed;
  }

  /** The file's state if someone else changed it since this process last read or wrote it. */
  Optional<JsonNode> readIfChanged() throws IOException {
    if (!exists()) {
      return Optional.empty();
    }
    byte[] bytes = Files.readAllBytes(path);
    if (Arrays.equals(bytes, lastSeen)) {
      return Optional.empty();
    }
    JsonNode parsed = parse(bytes);
    lastSeen = bytes;
    return Optional.of(parsed);
  }

  void write(JsonNode state) throws IOException {
    byte[] bytes = SandboxJson.prettyBytes(state);
    Path dir = path.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    lastSeen = bytes;
  }

  private JsonNode parse(byte[] bytes) throws IOException {
    try {
      return SandboxJson.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new IOException("sandbox state file " + path + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
