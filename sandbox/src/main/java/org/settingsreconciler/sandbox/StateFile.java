package org.settingsreconciler.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.settingsreconciler.files.AtomicFiles;
import org.settingsreconciler.files.UnusableFileException;
import org.settingsreconciler.files.UserFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON file a sandbox keeps its tenant in, so that state survives restarts and separate processes sharing the
 * file see each other's changes. Writes go to a temporary file that is then moved over the old one, so a reader
 * never sees half a file (see files.AtomicFiles: owner-only, and never over a device, pipe or link). Changes by another process are noticed by comparing the file with what this process
 * last read or wrote; concurrent writers are last-writer-wins.
 */
final class StateFile {

  private final Path path;
  private byte[] lastSeen = new byte[0];
  /** The file's identity, time and size when last read or written: unchanged, it need not be read again. */
  private Object lastStamp;

  StateFile(Path path) {
    this.path = path.toAbsolutePath();
  }

  Path path() {
    return path;
  }

  /** Whether anything is at the path; one that is not a regular file is then refused by {@link #read}. */
  boolean exists() {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  JsonNode read() throws IOException {
    Object stamp = stamp();
    byte[] bytes = bytes();
    JsonNode parsed = parse(bytes);
    lastSeen = bytes;
    lastStamp = stamp;
    return parsed;
  }

  /** The file's state if someone else changed it since this process last read or wrote it. */
  Optional<JsonNode> readIfChanged() throws IOException {
    if (!exists()) {
      return Optional.empty();
    }
    // Every write is a move of a new file, so a file with the same identity, time and size is the one last seen:
    // a big tenant's file is then not read on every request.
    Object stamp = stamp();
    if (stamp != null && stamp.equals(lastStamp)) {
      return Optional.empty();
    }
    byte[] bytes = bytes();
    lastStamp = stamp;
    if (Arrays.equals(bytes, lastSeen)) {
      return Optional.empty();
    }
    JsonNode parsed = parse(bytes);
    lastSeen = bytes;
    return Optional.of(parsed);
  }

  void write(JsonNode state) throws IOException {
    byte[] bytes = SandboxJson.prettyBytes(state);
    try {
      AtomicFiles.writeOwnerOnly(path, bytes);
    } catch (UnusableFileException e) {
      throw new IOException("sandbox state file " + path + ": " + e.getMessage(), e);
    }
    lastSeen = bytes;
    lastStamp = stamp();
  }

  /** The file's bytes; a device, pipe or link (it would be replaced on the next write) is refused, not read. */
  private byte[] bytes() throws IOException {
    try {
      return UserFile.read(path, UserFile.Kind.SANDBOX_STATE);
    } catch (UnusableFileException e) {
      throw new IOException("sandbox state file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Identity (inode where the file system has one), modification time and size; null if unknown. */
  private Object stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return a.fileKey() == null ? null : List.of(a.fileKey(), a.lastModifiedTime(), a.size());
    } catch (IOException e) {
      return null;
    }
  }

  private JsonNode parse(byte[] bytes) throws IOException {
    try {
      return SandboxJson.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new IOException("sandbox state file " + path + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
