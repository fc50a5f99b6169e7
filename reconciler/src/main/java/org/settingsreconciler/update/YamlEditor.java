package org.settingsreconciler.update;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies edits to one file's text. Everything outside the edited ranges is copied unchanged, which is what keeps
 * comments, key order, quoting and blank lines byte for byte. Edits must not overlap: two edits of one range mean a
 * bug upstream, and guessing which wins could silently drop an accepted change.
 */
final class YamlEditor {

  private static final Comparator<YamlEdit> ORDER =
      Comparator.comparingInt(YamlEdit::start).thenComparingInt(YamlEdit::end);

  private YamlEditor() {}

  /**
   * The text with every edit applied. Insertions at one offset keep their given order.
   *
   * @param lineEnding the file's line ending ({@code \n} or {@code \r\n}), used for every line break inserted
   * @throws IllegalArgumentException when edits overlap or reach past the end of the text
   */
  static String apply(String text, List<YamlEdit> edits, String lineEnding) {
    List<YamlEdit> sorted = new ArrayList<>(edits);
    sorted.sort(ORDER); // stable: same-offset insertions stay in order
    StringBuilder out = new StringBuilder(text.length() + 256);
    int pos = 0;
    for (YamlEdit e : sorted) {
      if (e.start() < pos) {
        throw new IllegalArgumentException("overlapping edits at offset " + e.start());
      }
      if (e.end() > text.length()) {
        throw new IllegalArgumentException("edit past the end of the text at offset " + e.end());
      }
      out.append(text, pos, e.start()).append(withLineEnding(e.text(), lineEnding));
      pos = e.end();
    }
    return out.append(text, pos, text.length()).toString();
  }

  /** Text reused from the file may already hold the file's line endings, so normalise before converting. */
  static String withLineEnding(String s, String lineEnding) {
    String lf = s.replace("\r\n", "\n");
    return lineEnding.equals("\n") ? lf : lf.replace("\n", lineEnding);
  }
}
