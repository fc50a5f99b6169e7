package org.settingsreconciler.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * An export's YAML, which for every user of a large tenant is larger than is wise to hold: the lines before the
 * users (header and tenant-wide sections), the users' lines as they were written, kept in a file once they grow past
 * a little (see {@link ExportWriter}), and the tenant-wide lines after them. It is written out by copying, never
 * held whole; {@link #text()} is for small exports and tests.
 */
public final class ExportedYaml implements AutoCloseable {

  private final String head;
  private final StringBuilder usersInMemory;
  private final Path usersFile;
  private final String tail;

  ExportedYaml(String head, StringBuilder usersInMemory, Path usersFile, String tail) {
    this.head = head;
    this.usersInMemory = usersInMemory;
    this.usersFile = usersFile;
    this.tail = tail;
  }

  /** The file the users' lines were kept in, or null while they fitted in memory. */
  Path usersFile() {
    return usersFile;
  }

  /** The whole YAML to {@code out}, the users' lines copied a buffer at a time. */
  public void writeTo(Writer out) throws IOException {
    out.write(head);
    if (usersFile != null) {
      try (BufferedReader in = Files.newBufferedReader(usersFile, StandardCharsets.UTF_8)) {
        in.transferTo(out);
      }
    }
    out.append(usersInMemory);
    out.write(tail);
    out.flush();
  }

  /** Each line of the YAML, without its line break, in order; for checks that look at every value. */
  public void eachLine(Consumer<String> line) {
    head.lines().forEach(line);
    if (usersFile != null) {
      try (BufferedReader in = Files.newBufferedReader(usersFile, StandardCharsets.UTF_8)) {
        in.lines().forEach(line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    usersInMemory.toString().lines().forEach(line);
    tail.lines().forEach(line);
  }

  /** The whole YAML as one string: for small exports and tests. */
  public String text() {
    java.io.StringWriter s = new java.io.StringWriter();
    try {
      writeTo(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }

  /** Deletes the file the users' lines were kept in, if there is one. */
  @Override
  public void close() {
    if (usersFile != null) {
      try {
        Files.deleteIfExists(usersFile);
      } catch (IOException e) {
        usersFile.toFile().deleteOnExit();
      }
    }
  }
}
