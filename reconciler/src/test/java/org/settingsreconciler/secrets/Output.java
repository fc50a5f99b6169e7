package org.settingsreconciler.secrets;

import java.nio.file.Path;

/**
 * Something the tool printed or wrote in a test, to be scanned for secrets.
 *
 * @param where what it is, for the failure message: "stderr of `reconciler plan ...`" or "FILE, written by ..."
 * @param text its content
 * @param file the file, or null for printed output
 * @param holdsSettingValues a file the README says holds settings' real values (see
 *     {@link Secret.Kind#VARIABLE_VALUE})
 */
public record Output(String where, String text, Path file, boolean holdsSettingValues) {

  public static Output printed(String where, String text) {
    return new Output(where, text, null, false);
  }

  public static Output written(Path file, String by, String text, boolean holdsSettingValues) {
    return new Output(file + ", written by " + by, text, file, holdsSettingValues);
  }

  public boolean written() {
    return file != null;
  }
}
