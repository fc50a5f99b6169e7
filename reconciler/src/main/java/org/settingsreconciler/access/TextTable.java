package org.settingsreconciler.access;

import java.util.ArrayList;
import java.util.List;

/** Rows of cells as left-aligned columns, indented two spaces, for the {@code permissions} report. */
final class TextTable {

  private TextTable() {}

  static List<String> render(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder(" ");
      for (int i = 0; i < r.length; i++) {
        b.append(' ').append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s ", r[i]));
      }
      out.add(b.toString().stripTrailing());
    }
    return out;
  }
}
