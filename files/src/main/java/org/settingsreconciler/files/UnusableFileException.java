package org.settingsreconciler.files;

import java.io.IOException;

/**
 * A file the tool will not read or replace: missing, not a regular file, or larger than its kind may be. The message
 * says why without the path, so callers can lead it with the path and what the file is for.
 */
public final class UnusableFileException extends IOException {

  public UnusableFileException(String message) {
    super(message);
  }
}
