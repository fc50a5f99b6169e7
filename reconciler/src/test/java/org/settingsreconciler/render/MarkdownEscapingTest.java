package org.settingsreconciler.render;

import org.settingsreconciler.text.MarkdownText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant and YAML data cannot break the Markdown: parsed as GitHub-flavoured Markdown (CommonMark with GFM tables),
 * every value comes back exactly as written, every table row keeps its cells, and the only HTML is the tool's own.
 */
class MarkdownEscapingTest {

  private static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private static final String NASTY = "a | b \\| c `d` ``e`` <script>alert(1)</script> & *f* _g_ [h](i) $j$ ~k~ @l";

  @ParameterizedTest
  @ValueSource(strings = {NASTY, "`", "`starts", "ends`", " spaced ", "pipe|", "back\\", "\\|", "<b>", "&amp;"})
  void aCodeSpanAndATableCellShowTheValueAsWritten(String value) {
    assertThat(codeLiterals(GFM.parse("x " + MarkdownText.code(value) + " y"))).containsExactly(value);
    Node table = GFM.parse("| a | b |\n|---|---|\n| " + MarkdownText.cell(value) + " | z |\n");
    List<TableRow> rows = rows(table);
    assertThat(rows).hasSize(2);
    assertThat(cells(rows.get(1))).hasSize(2);
    assertThat(codeLiterals(cells(rows.get(1)).get(0))).containsExactly(value);
  }

  @Test
  void aFenceIsLongerThanAnyBacktickRunInTheLines() {
    String block = MarkdownText.fenced("diff", List.of(" ```", "+````x", "-<b>"));
    assertThat(block).startsWith("`````diff\n").endsWith("\n`````\n");
    Node doc = GFM.parse(block + "\nafter\n");
    assertThat(doc.getFirstChild()).isInstanceOf(org.commonmark.node.FencedCodeBlock.class);
    assertThat(((org.commonmark.node.FencedCodeBlock) doc.getFirstChild()).getLiteral())
        .isEqualTo(" ```\n+````x\n-<b>\n");
  }

  @Test
  void plainTextCannotStartMarkupOrEndARow() {
    Node doc = GFM.parse("| a |\n|---|\n| " + MarkdownText.text(NASTY + "\nnext") + " |\n");
    List<TableRow> rows = rows(doc);
    assertThat(rows).hasSize(2);
    assertThat(cells(rows.get(1))).hasSize(1);
    assertThat(nodes(doc, HtmlInline.class)).isEmpty();
    assertThat(nodes(doc, Link.class)).isEmpty();
    assertThat(nodes(doc, Emphasis.class)).isEmpty();
    assertThat(MarkdownText.html("</code></summary><script>\n\nx")).isEqualTo(
        "<code>&lt;/code&gt;&lt;/summary&gt;&lt;script&gt;  x</code>");
  }

  @Test
  void theWholePlanKeepsItsStructureWithHostileValues() throws Exception {
    String markdown = new PlanMarkdownRenderer("plan").render(PlanFixtures.plan("full"), "the <b>sandbox</b> | tenant");
    Node doc = GFM.parse(markdown);
    for (Node table : nodes(doc, TableBlock.class)) {
      List<TableRow> rows = rows(table);
      int columns = cells(rows.get(0)).size();
      rows.forEach(r -> assertThat(cells(r)).hasSize(columns));
    }
    assertThat(nodes(doc, HtmlInline.class)).isEmpty();
    assertThat(nodes(doc, Link.class)).isEmpty();
    assertThat(codeLiterals(doc)).contains(
        "\"Pipes | <b>tags</b> & `ticks` $x$ *stars* [link](https://example.com) @octocat\"");
    Pattern tag = Pattern.compile("</?([a-zA-Z]+)");
    for (Node block : nodes(doc, HtmlBlock.class)) {
      Matcher m = tag.matcher(((HtmlBlock) block).getLiteral());
      while (m.find()) {
        assertThat(m.group(1)).isIn("details", "summary", "b", "code");
      }
    }
    assertThat(markdown).contains("Against the &lt;b&gt;sandbox&lt;/b&gt; &#124; tenant.");
  }

  static List<String> codeLiterals(Node root) {
    return nodes(root, Code.class).stream().map(n -> ((Code) n).getLiteral()).toList();
  }

  static List<TableRow> rows(Node table) {
    return nodes(table, TableRow.class).stream().map(TableRow.class::cast).toList();
  }

  static List<Node> cells(TableRow row) {
    return nodes(row, TableCell.class);
  }

  static List<Node> nodes(Node root, Class<? extends Node> type) {
    List<Node> out = new ArrayList<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
      if (type.isInstance(n)) {
        out.add(n);
      }
      out.addAll(nodes(n, type));
    }
    return out;
  }
}
