package org.settingsreconciler.run;

/** A mistake in how the tool was called or what it was given: printed as one line, exit 1, no stack trace. */
public final class UserError extends RuntimeException {

  public UserError(String message) {
    super(message);
  }
}
