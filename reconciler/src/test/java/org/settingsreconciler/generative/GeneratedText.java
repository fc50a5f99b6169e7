package org.settingsreconciler.generative;

import java.util.SplittableRandom;

/**
 * Strings for any {@code Edm.String}: Graph stores whatever a client sent, so a tenant value may hold anything text
 * can. Drawn from pieces that have tripped YAML, JSON, URL and terminal code before: quotes, slashes and backslashes,
 * what YAML reads as something other than a string ({@code yes}, {@code null}, {@code ~}, {@code 0x1F}), YAML's
 * indicators ({@code : }, {@code #}, {@code - }, {@code *anchor}, {@code !tag}), the tool's own {@code ${...}}
 * references, line breaks YAML folds, astral characters, combining marks, right-to-left text and invisible format
 * characters, leading and trailing spaces, and the empty string.
 */
final class GeneratedText {

  /** Each piece alone is a value that has to survive a round trip; joined, they make harder ones. */
  static final String[] PIECES = {
    "", " ", "  ", "'", "\"", "''", "it's", "say \"hi\"", "'both' \"kinds\"",
    "/", "a/b", "//c", "\\", "C:\\temp\\", "\\n", "\\u0041", "\\\"",
    ": ", "a: b", "key:", ":", "#", " #not a comment", "#c", "a#b", "- ", "-", "- item", "--- ", "---", "...", "? ", "?",
    "yes", "no", "Yes", "NO", "on", "off", "y", "n", "true", "false", "True", "FALSE", "null", "Null", "NULL", "~",
    "0", "1", "-1", "007", "0.5", "1e3", "0x1F", "0o17", ".inf", "-.Inf", ".nan", "+1", "1_000", "2026-01-01",
    "12:30:00", "*anchor", "&anchor", "!tag", "!!str", "!!binary", "%YAML 1.2", "@at", "`tick`", "|", ">", "|-",
    "{", "}", "[", "]", "{}", "[]", ",", "a, b", "{a: 1}", "[x, y]", "&", "*", "!", "<<",
    "${env:HOME}", "${var:X}", "$${var:X}", "$", "${", "$$", "${x}",
    "\t", "tab\there", "line\nbreak", "two\n\nlines", "trailing\n", "cr\rhere", "crlf\r\n", "\u0085", "\u2028",
    "\u2029", "\uFEFF", "\u00A0", "\u0007", "\u001B[31mred", "\u007F", "\u0000",
    "é", "Ωmega", "日本語", "中文", "한국어", "Ελληνικά", "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD834\uDD1E",
    "\uD83C\uDDFA\uD83C\uDDF8", "e\u0301", "a\u0308\u0304", "\u0301lead", "Z\u0336\u0310a\u0337",
    "עברית", "العربية", "\u202Eevil", "\u200Fmark", "\u200B", "\u2066iso\u2069", "İstanbul", "ß", "ﬁ", "\u212A",
    "<script>", "&amp;", "%20", "%", "100%", "a+b", "a?b=c&d=e", "http://example.com/p?q=1#f",
    "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='x')",
  };

  private static final String[] WORDS = {
    "Travel", "travel", "Chelsea FC", "Photography", "Cost Center", "Dept", "x", "Marketing", "Sales & Ops",
  };

  private GeneratedText() {}

  /** Any string, the empty one included. */
  static String any(SplittableRandom r) {
    int shape = r.nextInt(10);
    if (shape < 3) {
      return PIECES[r.nextInt(PIECES.length)];
    }
    if (shape == 3) {
      return WORDS[r.nextInt(WORDS.length)];
    }
    if (shape == 4) {
      return " ".repeat(1 + r.nextInt(2)) + joined(r) + " ".repeat(r.nextInt(3));
    }
    if (shape == 5 && r.nextInt(8) == 0) {
      return joined(r).repeat(20 + r.nextInt(40)); // long: past the dumper's line width
    }
    return joined(r);
  }

  /** A string that is not empty. */
  static String nonEmpty(SplittableRandom r) {
    String s = any(r);
    return s.isEmpty() ? WORDS[r.nextInt(WORDS.length)] : s;
  }

  /** A GUID, in lower case or (as some clients write them) upper case. */
  static String guid(SplittableRandom r) {
    String g = new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    return r.nextInt(5) == 0 ? g.toUpperCase(java.util.Locale.ROOT) : g;
  }

  private static String joined(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    int parts = 1 + r.nextInt(4);
    for (int i = 0; i < parts; i++) {
      b.append(r.nextBoolean() ? PIECES[r.nextInt(PIECES.length)] : WORDS[r.nextInt(WORDS.length)]);
    }
    return b.toString();
  }
}
