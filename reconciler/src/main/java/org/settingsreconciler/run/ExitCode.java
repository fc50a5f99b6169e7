package org.settingsreconciler.run;

/** Exit codes, the same for every command so pipelines can rely on them. */
public final class ExitCode {

  /** Success; for plan --detailed-exitcode and check: no changes, in sync. */
  public static final int OK = 0;

  /** Invalid input, a failed request, a refused apply, or any other error. */
  public static final int ERROR = 1;

  /** plan --detailed-exitcode: there are changes; check: drift. */
  public static final int CHANGES = 2;

  private ExitCode() {}
}
