package org.settingsreconciler.update;

/**
 * Replaces the characters {@code [start, end)} of a file's text with {@code text}; {@code start == end} inserts.
 * Offsets index the text without its byte order mark. Line breaks in {@code text} are written as {@code \n}; the
 * editor turns them into the file's own line ending.
 */
record YamlEdit(int start, int end, String text) {

  YamlEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
    }
  }

  static YamlEdit insert(int at, String text) {
    return new YamlEdit(at, at, text);
  }

  static YamlEdit delete(int start, int end) {
    return new YamlEdit(start, end, "");
  }
}
