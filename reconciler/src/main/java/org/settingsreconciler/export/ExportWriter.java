package org.settingsreconciler.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.load.VariableSubstitution;
import org.settingsreconciler.state.CurrentState;

/**
 * Writes an export as its users are read: each batch of users (a page of the tenant's, for {@code --all-users}) is
 * turned into YAML lines and dropped, so memory holds the page being written, not the tenant's users. The header
 * (whether the export is complete, its warnings) and the tenant-wide sections are only known at the end; the users'
 * lines wait for them in memory while they are few, and in an owner-only temporary file past
 * {@link #IN_MEMORY_CHARS}. The YAML is exactly what writing every user at once would write.
 */
public final class ExportWriter {

  /** Users' lines kept in memory before they move to a file: an export of a few thousand users needs no file. */
  static final int IN_MEMORY_CHARS = 1 << 20;

  private final Exporter exporter;
  private final int inMemoryChars;
  private final Exporter.Findings findings = new Exporter.Findings();
  private final StringBuilder inMemory = new StringBuilder();
  private Path file;
  private Writer toFile;
  private int users;
  private boolean usersListBroken;

  public ExportWriter(Exporter exporter) {
    this(exporter, IN_MEMORY_CHARS);
  }

  /** @param inMemoryChars how much of the users' YAML is held before it moves to a file (tests make it small) */
  ExportWriter(Exporter exporter, int inMemoryChars) {
    this.exporter = exporter;
    this.inMemoryChars = inMemoryChars;
  }

  /** Writes these users, in this order, from what was read of them; {@code state} may be dropped afterwards. */
  public void users(List<String> names, CurrentState state) {
    if (names.isEmpty()) {
      return;
    }
    Map<String, Object> page = new LinkedHashMap<>();
    for (String user : names) {
      page.put(VariableSubstitution.literal(user), exporter.user(user, state, findings));
    }
    users += names.size();
    // The users section of these users alone, without its first line ("users:"): block YAML written section by
    // section joins into the YAML of the whole section.
    String yaml = YamlWriter.write(Map.of(Exporter.USERS, page));
    append(yaml.substring(yaml.indexOf('\n') + 1));
  }

  /**
   * The tenant's user list broke before its end (a page failed, or its paging went wrong): users past the break are
   * missing, so the header must not promise the export is whole.
   */
  public void usersListBroken() {
    usersListBroken = true;
  }

  /**
   * Drops what was written: for a read that failed before {@link #finish}, so that the users' temporary file (the
   * tenant's settings) goes now, not when the JVM exits.
   */
  public void discard() {
    try {
      if (toFile != null) {
        toFile.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the export's temporary file " + file, e);
    } finally {
      toFile = null;
      file = null;
      inMemory.setLength(0);
    }
  }

  /** The temporary file the users' lines are in once past the limit, else null. */
  Path spoolFile() {
    return file;
  }

  /** How many users have been written. */
  public int usersWritten() {
    return users;
  }

  /**
   * The export: the header, the tenant-wide sections from {@code tenantWide}, the users where the registry puts
   * them. Delete its file with {@link ExportedYaml#close()} once it is written out.
   */
  public ExportResult finish(CurrentState tenantWide, String origin, Map<String, String> groupNames) {
    Map<String, Object> root = exporter.tenantWide(tenantWide, groupNames, findings);
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    boolean passed = false;
    for (Map.Entry<String, Object> e : root.entrySet()) {
      if (e.getKey().equals(Exporter.USERS)) {
        passed = true;
      } else if (!(e.getValue() instanceof Map<?, ?> m && m.isEmpty())) {
        (passed ? after : before).put(e.getKey(), e.getValue());
      }
    }
    try {
      if (toFile != null) {
        toFile.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export's users to " + file, e);
    }
    String head = Exporter.header(origin, findings, usersListBroken);
    String tail = "";
    if (users == 0) {
      head += before.isEmpty() && after.isEmpty() ? "{}\n" : YamlWriter.write(before.isEmpty() ? after : before);
      tail = before.isEmpty() || after.isEmpty() ? "" : YamlWriter.write(after);
    } else {
      head += (before.isEmpty() ? "" : YamlWriter.write(before)) + Exporter.USERS + ":\n";
      tail = after.isEmpty() ? "" : YamlWriter.write(after);
    }
    return new ExportResult(new ExportedYaml(head, inMemory, file, tail), findings.notes(), findings.failures(),
        findings.warnings());
  }

  private void append(String yaml) {
    try {
      if (toFile == null && inMemory.length() + yaml.length() > inMemoryChars) {
        file = ownerOnlyTempFile();
        toFile = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        toFile.append(inMemory);
        inMemory.setLength(0);
        inMemory.trimToSize();
      }
      if (toFile != null) {
        toFile.write(yaml);
      } else {
        inMemory.append(yaml);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export's users to a temporary file", e);
    }
  }

  /** A temporary file only its owner can read: it holds the tenant's settings. */
  private static Path ownerOnlyTempFile() throws IOException {
    Path f = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? Files.createTempFile("reconciler-export-", ".yaml",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile("reconciler-export-", ".yaml");
    f.toFile().deleteOnExit();
    return f;
  }
}
