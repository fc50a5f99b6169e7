package org.settingsreconciler.apply;

import java.util.Locale;

/** What reading the tenant back after a write found. */
public enum Verification {
  /** The tenant shows the change. */
  VERIFIED,
  /** The tenant did not show it after the last read. */
  NOT_VISIBLE,
  /** The tenant could not be read: nothing is known about the write beyond Graph's answer. */
  COULD_NOT_VERIFY,
  /** Not read back: --no-verify. */
  SKIPPED,
  /** Nothing to read back: the change was not sent, or Graph refused it. */
  NONE;

  /** How the JSON report names it, or null for NONE. */
  public String reportName() {
    return this == NONE ? null : name().toLowerCase(Locale.ROOT);
  }
}
