package org.settingsreconciler.cli;

import java.util.Map;
import org.settingsreconciler.render.Palette;

/**
 * Whether a run colours its stdout and its stderr, each decided on its own: only a terminal is coloured, and not
 * even a terminal when NO_COLOR is set to anything non-empty (https://no-color.org) or --no-color was given (which
 * reaches here as a terminal whose output is not one, see {@link Terminal#withoutColour}). Files, pipes, JSON and
 * Markdown are never coloured: their writers take {@link Palette#PLAIN}.
 */
record Colours(Palette out, Palette err) {

  static final Colours NONE = new Colours(Palette.PLAIN, Palette.PLAIN);

  static Colours of(Terminal terminal, Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return NONE;
    }
    return new Colours(terminal.outIsTerminal() ? Palette.ANSI : Palette.PLAIN,
        terminal.errIsTerminal() ? Palette.ANSI : Palette.PLAIN);
  }
}
