package org.settingsreconciler.cli;

import picocli.CommandLine.Option;

/** {@code --recreate-pending}, shared by plan, apply and check: see apply.CreateLedger. */
final class PendingOptions {

  @Option(
      names = "--recreate-pending",
      description = "Create again the items an earlier apply created in the last minutes that Graph does not show "
          + "yet. By default they are held back, so a run right after another makes no duplicates.")
  boolean recreatePending;
}
