package org.settingsreconciler.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way the tool writes files: the bytes go to a temporary file beside the target, created readable by its
 * owner only, which is then moved over it, so a reader sees the old file or the new one, never half of one. A target
 * that exists must be a regular file: a device, named pipe, directory or symbolic link is refused, never replaced
 * (as root, a move over {@code /dev/null} would replace the device node).
 */
public final class AtomicFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private AtomicFiles() {}

  /**
   * Writes a new file, or replaces a regular one, readable by its owner only: saved plans, reports, exported YAML, the
   * sandbox's state and the token cache hold a tenant's settings or tokens. Missing parent directories are created.
   */
  public static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
    writeOwnerOnly(file, out -> out.write(bytes));
  }

  /** What a file is to hold, written to its temporary file as it is made (an export too large to hold whole). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * As {@link #writeOwnerOnly(Path, byte[])}, for content written as it is made: it goes to the temporary file,
   * which replaces the target only once all of it is there.
   */
  public static void writeOwnerOnly(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    checkReplaceable(target);
    Files.createDirectories(target.getParent());
    replace(target, content, null);
  }

  /**
   * Replaces the content of an existing file the user keeps (desired-state YAML), keeping its permissions. A
   * symbolic link is followed, so the link stays a link and the file it points to gets the new content; that file
   * must be a regular one.
   */
  public static void rewrite(Path file, byte[] bytes) throws IOException {
    Path target = file.toRealPath();
    checkReplaceable(target);
    Set<PosixFilePermission> permissions = null;
    try {
      permissions = Files.getPosixFilePermissions(target);
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the new file inherits the folder's ACL, as the old one did.
    }
    replace(target, out -> out.write(bytes), permissions);
  }

  /**
   * Throws unless {@code file} is missing or a regular file (a symbolic link is not followed): checked where an output
   * path is given, before anything is sent, and again right before each write.
   */
  public static void checkReplaceable(Path file) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return;
    }
    if (!a.isRegularFile()) {
      throw new UnusableFileException("not a regular file: it is " + UserFile.typeOf(file, a)
          + ", which is never replaced; name a regular file");
    }
  }

  /**
   * The start of a file name, for the temporary file's: at most 64 bytes in UTF-8, so the temporary name stays within
   * the 255 bytes file systems allow whatever the target's characters, and cut between code points (half a surrogate
   * pair is no file name).
   */
  private static String start(String name) {
    int end = 0;
    int bytes = 0;
    while (end < name.length()) {
      int c = name.codePointAt(end);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (bytes > 64) {
        break;
      }
      end += Character.charCount(c);
    }
    return name.substring(0, end);
  }

  /** @param permissions the new file's, or null for owner-only */
  private static void replace(Path target, Content content, Set<PosixFilePermission> permissions) throws IOException {
    Path dir = target.getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    String name = target.getFileName().toString();
    String prefix = "." + start(name) + ".";
    // Created owner-only, so the content is never readable by others, not even for a moment.
    Path temp = posix
        ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
        : Files.createTempFile(dir, prefix, ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        content.writeTo(out);
      }
      if (posix && permissions != null) {
        Files.setPosixFilePermissions(temp, permissions);
      }
      checkReplaceable(target); // again, as close to the move as can be
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
