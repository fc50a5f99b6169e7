package org.settingsreconciler.apply;

import java.util.Locale;

/** What finally happened to one planned change in an apply: what the text says and the report records. */
public enum ApplyStatus {
  /** Graph accepted it, and (unless --no-verify) the tenant shows it. */
  APPLIED("applied", false),
  /** Graph accepted it, but the tenant still did not show it after the last read-back: Graph can lag. */
  APPLIED_NOT_VISIBLE("applied, not yet visible", false),
  /** A create not sent: a fresh read right before the POSTs shows the item (another run made it meanwhile). */
  ALREADY_PRESENT("already present", false),
  /** A create not sent: another run sent it moments ago and Graph does not show it yet (see CreateLedger). */
  HELD_BACK("held back", false),
  /** Graph refused it. */
  FAILED("FAILED", true),
  /** Graph's answer was lost and the tenant did not show the change: it may or may not have been made. */
  MAYBE_APPLIED("MAYBE APPLIED", true),
  /** Never sent: refused before sending, or an earlier change to the same address did not work. */
  NOT_ATTEMPTED("not attempted", true),
  /** Applied, then undone by --rollback-on-failure. */
  ROLLED_BACK("rolled back", true),
  /** Applied, and undoing it with --rollback-on-failure did not work: it is still applied. */
  ROLLBACK_FAILED("ROLLBACK FAILED", true);

  private final String label;
  private final boolean failsTheRun;

  ApplyStatus(String label, boolean failsTheRun) {
    this.label = label;
    this.failsTheRun = failsTheRun;
  }

  /** How the text output names it; upper case where something needs the reader's attention. */
  public String label() {
    return label;
  }

  /** How the JSON report names it: applied, applied_not_visible, failed, ... */
  public String reportName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether it makes apply exit 1: anything but a change that is now applied. */
  public boolean failsTheRun() {
    return failsTheRun;
  }
}
