package org.settingsreconciler.secrets;

/**
 * Something the tool printed or wrote in a test, to be scanned for secrets.
 *
 * @param where what it is, for the failure message: "stderr of plan ..." or "file ... written by apply ..."
 * @param text its content
 * @param written a file, rather than printed output
 * @param holdsSettingValues a file the README says holds settings' real values (see
 *     {@link Secret.Kind#VARIABLE_VALUE})
 */
public record Output(String where, String text, boolean written, boolean holdsSettingValues) {

  public static Output printed(String where, String text) {
    return new Output(where, text, false, false);
  }

  public static Output written(String where, String text, boolean holdsSettingValues) {
    return new Output(where, text, true, holdsSettingValues);
  }
}
