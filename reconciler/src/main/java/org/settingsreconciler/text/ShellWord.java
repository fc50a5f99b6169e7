package org.settingsreconciler.text;

/** A value as one word of a POSIX shell command line, for the commands the tool suggests running. */
public final class ShellWord {

  private ShellWord() {}

  /** {@code value} as is when the shell takes it literally, else in single quotes (a quote inside as '\''). */
  public static String quoted(String value) {
    if (!value.isEmpty() && value.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
