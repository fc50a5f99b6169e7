package org.settingsreconciler.update;

/**
 * Line arithmetic on a file's text, for edits that must cover whole lines. A line break is {@code \n} or
 * {@code \r\n}; "line end" is where the break starts, so the break itself stays outside a line's content.
 */
final class TextLines {

  private TextLines() {}

  static int lineStart(String t, int at) {
    int nl = t.lastIndexOf('\n', at - 1);
    return nl + 1;
  }

  /** Where the line holding {@code at} ends: its line break, or the end of the text. */
  static int lineEnd(String t, int at) {
    int nl = t.indexOf('\n', at);
    if (nl < 0) {
      return t.length();
    }
    return nl > at && t.charAt(nl - 1) == '\r' ? nl - 1 : nl;
  }

  /** The start of the next line, or the end of the text when this is the last line. */
  static int nextLineStart(String t, int at) {
    int nl = t.indexOf('\n', at);
    return nl < 0 ? t.length() : nl + 1;
  }

  /** The start of the line before the one starting at {@code lineStart}, or -1 on the first line. */
  static int previousLineStart(String t, int lineStart) {
    return lineStart == 0 ? -1 : lineStart(t, lineStart - 1);
  }

  static boolean onlySpaces(String t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (t.charAt(i) != ' ' && t.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Whether the line starting at {@code lineStart} holds nothing but spaces (an empty last line counts). */
  static boolean blank(String t, int lineStart) {
    return onlySpaces(t, lineStart, lineEnd(t, lineStart));
  }

  /** The number of leading spaces of the line starting at {@code lineStart}. */
  static int indent(String t, int lineStart) {
    int i = lineStart;
    while (i < t.length() && t.charAt(i) == ' ') {
      i++;
    }
    return i - lineStart;
  }

  /** Whether the line starting at {@code lineStart} is a comment and nothing else. */
  static boolean commentOnly(String t, int lineStart) {
    int i = lineStart;
    int end = lineEnd(t, lineStart);
    while (i < end && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
      i++;
    }
    return i < end && t.charAt(i) == '#';
  }

  static String spaces(int n) {
    return " ".repeat(Math.max(0, n));
  }
}
