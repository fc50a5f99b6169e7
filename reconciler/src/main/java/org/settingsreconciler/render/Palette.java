package org.settingsreconciler.render;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How text output marks what it shows: in ANSI colours for a terminal, or plain. Which one a stream gets is decided
 * once, by the command line (cli.Colours: a terminal, no --no-color, no NO_COLOR); renderers only ask it to paint,
 * and paint only symbols, labels and verdicts, never a value.
 *
 * <p>Painted text does not hold the escape character itself: the run's output streams show every control character
 * that reaches them as {@code ?} (secrets.MaskingPrintStream), so that text from Graph cannot drive the terminal.
 * It holds a mark instead, made of private-use characters around a number drawn at random for this JVM, which
 * {@link #toAnsi} turns into the escape as the text leaves the tool (cli.PaintedStream), after that check. Text from
 * Graph cannot forge the mark without knowing the number.
 */
public enum Palette {
  PLAIN,
  ANSI;

  private static final String MARK = "\uE000" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "\uE001";

  /** The text with the marks painted text holds made ANSI escapes, for a terminal. */
  public static String toAnsi(String text) {
    return text.indexOf('\uE000') < 0 ? text : text.replace(MARK, "\u001b[");
  }

  /** A create: {@code +}. */
  public String added(String text) {
    return paint("32", text);
  }

  /** A delete: {@code -}. */
  public String removed(String text) {
    return paint("31", text);
  }

  /** An update: {@code ~}. */
  public String changed(String text) {
    return paint("33", text);
  }

  /** An action invoked on an item (block, unblock, ...). */
  public String action(String text) {
    return paint("36", text);
  }

  /** What went well: applied, no changes, no drift. */
  public String good(String text) {
    return paint("32", text);
  }

  /** What failed or destroys: FAILED, could not be read, DESTRUCTIVE, error. */
  public String bad(String text) {
    return paint("1;31", text);
  }

  /** What needs a look: drift, warnings, a change that may or may not have applied. */
  public String warn(String text) {
    return paint("33", text);
  }

  /** A summary's lead word: "Plan:". */
  public String strong(String text) {
    return paint("1", text);
  }

  private String paint(String sgr, String text) {
    return this == PLAIN || text.isEmpty() ? text : MARK + sgr + "m" + text + MARK + "0m";
  }
}
