package org.settingsreconciler.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.settingsreconciler.graph.CredentialException;
import org.settingsreconciler.secrets.Secrets;
import tools.jackson.databind.JsonNode;

/**
 * Keeps a federated assertion while it is valid and reads a new one when it expires: both sources hand out
 * short-lived tokens (GitHub's last minutes; the AKS file is rotated), and Entra refuses an expired one.
 */
final class FederatedAssertion {

  /** Read a new assertion this long before the old one expires. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

  private final AssertionSource source;
  private final Clock clock;
  private final Secrets secrets;
  private String cached;
  private Instant expiresAt;

  /** @param secrets the run's: each assertion read is a credential, masked wherever it would appear */
  FederatedAssertion(AssertionSource source, Clock clock, Secrets secrets) {
    this.source = source;
    this.clock = clock;
    this.secrets = secrets;
  }

  synchronized String get() throws CredentialException {
    // An assertion without a readable expiry is never reused.
    if (cached == null || expiresAt == null || !clock.instant().isBefore(expiresAt.minus(RENEW_BEFORE))) {
      cached = source.read();
      secrets.addCredential(cached);
      expiresAt = expiryOf(cached);
    }
    return cached;
  }

  static Instant expiryOf(String jwt) {
    return TokenClaims.payload(jwt)
        .map(p -> p.get("exp"))
        .filter(JsonNode::isNumber)
        .map(n -> Instant.ofEpochSecond(n.asLong()))
        .orElse(null);
  }

  String description() {
    return source.description();
  }
}
