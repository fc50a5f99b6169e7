package org.settingsreconciler.graph;

/** No usable credential: the message says what to set, and never contains a secret. */
public final class CredentialException extends Exception {

  public CredentialException(String message) {
    super(message);
  }
}
