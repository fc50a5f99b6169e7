package org.settingsreconciler.text;

import java.util.List;

/**
 * Puts tenant and YAML data into GitHub-flavoured Markdown so it shows as written and can neither break the layout
 * (a {@code |} ending a table cell, a backtick ending a code span, a fence closing a code block) nor inject HTML,
 * links or math. Everything that is not literal text from this tool goes through here.
 */
public final class MarkdownText {

  private MarkdownText() {}

  /**
   * Text that renders literally anywhere: in paragraphs, table cells and raw HTML blocks such as
   * {@code <summary>}. HTML-significant characters and the Markdown punctuation that could start inline syntax
   * become character references, which CommonMark always treats as literal text; a line break becomes a space, so
   * a value cannot end a table row or an HTML block. Public for the redaction point (secrets.Secrets), which must
   * recognise a secret in this form too.
   */
  public static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\n', '\r' -> b.append(' ');
        case '\\', '`', '*', '_', '[', ']', '|', '~', '$' -> b.append("&#").append((int) c).append(';');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Inline code outside tables. A code span shows its content literally (no HTML, links, mentions or math); its
   * fence is one backtick longer than any run of backticks in the value, so the value cannot end it.
   */
  public static String code(String s) {
    String flat = s.replace('\n', ' ').replace('\r', ' ');
    if (flat.isEmpty()) {
      return "<code></code>";
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    // A space on each side is stripped again by the parser; it keeps a backtick at either end off the fence.
    boolean pad = flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" "));
    return pad ? fence + " " + flat + " " + fence : fence + flat + fence;
  }

  /**
   * Inline code in a table cell. As {@link #code}, and a {@code |} is escaped: GFM splits rows at every pipe not
   * preceded by a backslash, even inside code spans, then drops that backslash.
   */
  public static String cell(String s) {
    return code(s.replace("|", "\\|"));
  }

  /**
   * Inline code inside a raw HTML block (a {@code <summary>}), where Markdown is not parsed, so escaping markup is
   * enough; a line break becomes a space, as a blank line would end the HTML block.
   */
  public static String html(String s) {
    StringBuilder b = new StringBuilder("<code>");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.append("</code>").toString();
  }

  /** A fenced code block whose fence is longer than any backtick run in the lines, so no line can close it. */
  public static String fenced(String info, List<String> lines) {
    int longest = 0;
    for (String line : lines) {
      int run = 0;
      for (int i = 0; i < line.length(); i++) {
        run = line.charAt(i) == '`' ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    StringBuilder b = new StringBuilder(fence).append(info).append('\n');
    for (String line : lines) {
      b.append(line.replace('\r', ' ')).append('\n');
    }
    return b.append(fence).append('\n').toString();
  }
}
