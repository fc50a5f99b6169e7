package org.settingsreconciler.auth;

import java.time.Clock;
import java.time.Duration;
import org.settingsreconciler.graph.CredentialException;

/**
 * Keeps a token until shortly before it expires, so a run with many requests signs in once. Subclasses only say
 * how to get a fresh one.
 */
public abstract class CachedCredential implements Credential {

  /** Renew this long before expiry, so a token never expires between being handed out and reaching Graph. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

  private final Clock clock;
  private AccessToken cached;

  protected CachedCredential(Clock clock) {
    this.clock = clock;
  }

  @Override
  public final synchronized String token() throws CredentialException {
    if (cached == null || !clock.instant().isBefore(cached.expiresAt().minus(RENEW_BEFORE))) {
      cached = fetch();
    }
    return cached.value();
  }

  /** A fresh token. Messages of the exception name what to fix and never hold a secret. */
  protected abstract AccessToken fetch() throws CredentialException;

  protected Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + description() + "]";
  }
}
