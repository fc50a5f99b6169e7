package org.settingsreconciler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.settingsreconciler.render.Palette;

/**
 * The last stream before the real stdout or stderr: turns the marks of painted text into ANSI escapes (see
 * {@link Palette}), after the run's masking streams have shown every control character from elsewhere as {@code ?}.
 * Those streams hand on whole lines (or a prompt) in one print, so a mark is never split between two.
 */
final class PaintedStream extends PrintStream {

  PaintedStream(PrintStream target) {
    super(target, true, StandardCharsets.UTF_8);
  }

  @Override
  public void print(String s) {
    super.print(s == null ? null : Palette.toAnsi(s));
  }

  @Override
  public void print(Object obj) {
    print(String.valueOf(obj));
  }
}
