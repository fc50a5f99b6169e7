package org.settingsreconciler.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.settingsreconciler.resource.MetadataConformance.Finding;

/**
 * The one list of the ways the tool differs from Microsoft's metadata and docs, {@code docs/metadata-differences.md}.
 * Its table under {@value #CHECKED_HEADING} is what {@link MetadataConformanceTest} holds the findings against; the
 * rest of the file (differences from the docs) is for people and is not read here.
 */
final class MetadataDifferences {

  /** Maven runs tests in the module directory; docs/ sits at the top of the repository. */
  static final Path FILE = Path.of("..", "docs", "metadata-differences.md");

  /** The file as people find it, from the top of the repository. */
  static final String NAME = "docs/metadata-differences.md";

  static final String CHECKED_HEADING = "Checked against Microsoft's metadata";

  static final List<String> COLUMNS = List.of("Where", "Difference", "Status", "Source", "Reason");

  /**
   * One row. {@code where} may start with {@code *.} to stand for the same property of every resource.
   *
   * @param status "deliberate", or "to fix: " and the issue item that will fix it
   */
  record Row(String where, String difference, String status, String source, String reason) {
    boolean matches(Finding f) {
      boolean place =
          where.startsWith("*.") ? f.where().endsWith(where.substring(1)) : where.equals(f.where());
      return place && difference.equals(f.difference());
    }

    boolean deliberate() {
      return status.equals("deliberate");
    }

    String markdown() {
      return "| `" + where + "` | " + difference + " | " + status + " | " + source + " | " + reason + " |";
    }
  }

  private MetadataDifferences() {}

  /** The rows of the table that follows the heading {@value #CHECKED_HEADING}. */
  static List<Row> checkedRows() {
    return table(CHECKED_HEADING, COLUMNS).stream()
        .map(v -> new Row(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4)))
        .toList();
  }

  /** The cells of the first table under {@code heading}, whose header must be {@code columns} (compared by start). */
  static List<List<String>> table(String heading, List<String> columns) {
    String text;
    try {
      text = Files.readString(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Node doc = Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(text);
    boolean underHeading = false;
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        underHeading = plain(h).equals(heading);
      } else if (underHeading && n instanceof TableBlock table) {
        return rows(table, columns);
      }
    }
    throw new IllegalStateException(NAME + " has no table under the heading '" + heading + "'");
  }

  private static List<List<String>> rows(TableBlock table, List<String> columns) {
    List<List<String>> cells = new ArrayList<>();
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        List<String> values = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          values.add(plain(cell).strip());
        }
        if (!(section instanceof TableBody)) {
          boolean same = values.size() == columns.size()
              && java.util.stream.IntStream.range(0, columns.size()).allMatch(i -> values.get(i).startsWith(columns.get(i)));
          if (!same) {
            throw new IllegalStateException(NAME + ": the table's columns must be " + columns + ", not " + values);
          }
          continue;
        }
        cells.add(values);
      }
    }
    return cells;
  }

  /** The text of a node with code spans as their literal text and all other markup dropped. */
  private static String plain(Node node) {
    StringBuilder out = new StringBuilder();
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        out.append(t.getLiteral());
      } else if (n instanceof Code c) {
        out.append(c.getLiteral());
      } else {
        out.append(plain(n));
      }
    }
    return out.toString();
  }
}
