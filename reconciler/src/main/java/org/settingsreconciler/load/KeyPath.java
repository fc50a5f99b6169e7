package org.settingsreconciler.load;

/**
 * A key path as a person writes it, turned into the JSON Pointer the loader keys everything by. Keys are joined
 * with dots; a key holding dots, brackets or quotes is written {@code ["..."]}, as plan addresses write collection
 * keys: {@code copilot.policySettings["microsoft.copilot.allowwebsearch"].value} is
 * {@code /copilot/policySettings/microsoft.copilot.allowwebsearch/value}.
 */
final class KeyPath {

  private KeyPath() {}

  /** The JSON Pointer of a key path; throws IllegalArgumentException saying what is wrong. */
  static String toPointer(String path) {
    StringBuilder pointer = new StringBuilder();
    int i = 0;
    boolean needKey = true;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '[') {
        if (!path.startsWith("[\"", i)) {
          throw new IllegalArgumentException("a bracketed key is written [\"key\"]");
        }
        int close = path.indexOf("\"]", i + 2);
        if (close < 0) {
          throw new IllegalArgumentException("a [\" is not closed by \"]");
        }
        pointer.append(SourceMap.child("", path.substring(i + 2, close)));
        i = close + 2;
        needKey = false;
      } else if (c == '.') {
        if (needKey) {
          throw new IllegalArgumentException("an empty key (two dots, or a dot at the start)");
        }
        i++;
        needKey = true;
        if (i == path.length()) {
          throw new IllegalArgumentException("a dot at the end");
        }
      } else {
        if (!needKey) {
          throw new IllegalArgumentException("keys after a bracket need a dot");
        }
        int end = i;
        while (end < path.length() && ".[]\"".indexOf(path.charAt(end)) < 0) {
          end++;
        }
        if (end < path.length() && (path.charAt(end) == ']' || path.charAt(end) == '"')) {
          throw new IllegalArgumentException("unexpected " + path.charAt(end) + "; quote keys as [\"key\"]");
        }
        pointer.append(SourceMap.child("", path.substring(i, end)));
        i = end;
        needKey = false;
      }
    }
    if (pointer.length() == 0) {
      throw new IllegalArgumentException("an empty key path");
    }
    return pointer.toString();
  }
}
