package org.settingsreconciler.auth;

import java.time.Instant;

/** A bearer token and when it expires. Its text form never shows the token. */
public record AccessToken(String value, Instant expiresAt) {

  @Override
  public String toString() {
    return "AccessToken[redacted, expires " + expiresAt + "]";
  }
}
