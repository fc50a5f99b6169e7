package org.settingsreconciler.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The interactive terminal, if there is one: apply asks for confirmation only where someone can answer; and whether
 * stdout and stderr are a terminal, where output may be coloured (see {@link Colours}). Tests pass their own.
 */
public interface Terminal {

  boolean interactive();

  /** Shows the prompt and reads one line; null at end of input. */
  String readLine(String prompt);

  /** Whether stdout is a terminal (not a file or a pipe). */
  default boolean outIsTerminal() {
    return false;
  }

  /** Whether stderr is a terminal (not a file or a pipe). */
  default boolean errIsTerminal() {
    return false;
  }

  static Terminal system() {
    Console console = System.console();
    boolean out = isTerminal(1, console != null);
    boolean err = isTerminal(2, console != null);
    return new Terminal() {
      @Override
      public boolean interactive() {
        return console != null;
      }

      @Override
      public String readLine(String prompt) {
        return console == null ? null : console.readLine("%s", prompt);
      }

      @Override
      public boolean outIsTerminal() {
        return out;
      }

      @Override
      public boolean errIsTerminal() {
        return err;
      }
    };
  }

  /**
   * Whether file descriptor {@code fd} is a terminal. Java 17 cannot ask isatty(3) of one stream: on Linux the
   * descriptor's link in /proc names its device (a pseudo-terminal under /dev/pts, a console under /dev/tty*);
   * elsewhere {@code console}, whether stdin and stdout both are (System.console()), is the best guess there is.
   */
  private static boolean isTerminal(int fd, boolean console) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
      return console;
    }
  }

  static Terminal none() {
    return unanswered(false, false);
  }

  /**
   * Where a fleet tenant beside others runs: no one to ask (its output is held back until it ends), but what it
   * prints reaches {@code fleet}'s stdout and stderr in the end, so it is coloured as theirs is.
   */
  static Terminal heldBack(Terminal fleet) {
    return unanswered(fleet.outIsTerminal(), fleet.errIsTerminal());
  }

  /** A terminal no one answers, whose stdout and stderr are terminals or not as given (for tests too). */
  static Terminal unanswered(boolean out, boolean err) {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public String readLine(String prompt) {
        return null;
      }

      @Override
      public boolean outIsTerminal() {
        return out;
      }

      @Override
      public boolean errIsTerminal() {
        return err;
      }
    };
  }

  /** {@code terminal} as it asks, with its output taken as not a terminal: for --no-color. */
  static Terminal withoutColour(Terminal terminal) {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return terminal.interactive();
      }

      @Override
      public String readLine(String prompt) {
        return terminal.readLine(prompt);
      }
    };
  }
}
