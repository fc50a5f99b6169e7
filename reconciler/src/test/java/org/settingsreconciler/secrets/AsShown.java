package org.settingsreconciler.secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as a Markdown or XML reader shows it: character references ({@code &#95;}, {@code &lt;}) and a table cell's
 * escaped pipes undone. The tool escapes such characters on the way out, so a secret holding one is written in a form
 * that differs from the secret, yet a pull-request comment or CI page shows it as it was.
 */
public final class AsShown {

  private static final Pattern REFERENCE = Pattern.compile("&#(\\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});");

  private AsShown() {}

  public static String of(String text) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      int c = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
      m.appendReplacement(b, Matcher.quoteReplacement(Character.isValidCodePoint(c) ? Character.toString(c) : "?"));
    }
    m.appendTail(b);
    return b.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("\\|", "|").replace("&amp;", "&");
  }
}
