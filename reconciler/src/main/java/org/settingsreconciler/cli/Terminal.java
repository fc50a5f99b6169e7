package org.settingsreconciler.cli;

import java.io.Console;

/** The interactive terminal, if there is one: apply asks for confirmation only where someone can answer. */
public interface Terminal {

  boolean interactive();

  /** Shows the prompt and reads one line; null at end of input. */
  String readLine(String prompt);

  static Terminal system() {
    Console console = System.console();
    return new Terminal() {
      @Override
      public boolean interactive() {
        return console != null;
      }

      @Override
      public String readLine(String prompt) {
        return console == null ? null : console.readLine("%s", prompt);
      }
    };
  }

  static Terminal none() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public String readLine(String prompt) {
        return null;
      }
    };
  }
}
