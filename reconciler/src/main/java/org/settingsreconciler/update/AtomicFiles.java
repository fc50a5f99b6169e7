package org.settingsreconciler.update;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file's content so that a reader sees the old file or the new one, never half of one: the bytes go to
 * a temporary file beside it, which is then moved over it. The file keeps its permissions; a symbolic link is
 * followed, so the link stays a link.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  static void write(Path file, byte[] bytes) throws IOException {
    Path target = file.toRealPath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the new file inherits the folder's ACL, as the old one did.
      }
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
