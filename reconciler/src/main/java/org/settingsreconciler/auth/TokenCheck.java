package org.settingsreconciler.auth;

import java.time.Instant;
import java.util.Optional;

/** Whether a signed-in token can serve Graph at all, before any request: checked right after sign-in. */
public final class TokenCheck {

  private TokenCheck() {}

  /**
   * What makes the token unusable for Graph at all: another audience (a token for Azure Resource Manager, say), a
   * token for another cloud's Graph, or expired. A token that is not a JWT ({@code claims} empty) is Graph's to judge.
   */
  public static Optional<String> problem(Optional<TokenClaims> claims, Cloud cloud, Instant now) {
    if (claims.isEmpty()) {
      return Optional.empty();
    }
    TokenClaims c = claims.get();
    if (c.audience() != null && !Cloud.isGraphAudience(c.audience())) {
      return Optional.of(
          "the access token is for " + c.audience() + ", not Microsoft Graph: get one for "
              + cloud.graphHost() + " (with the Azure CLI: az account get-access-token --resource-type ms-graph)");
    }
    if (c.audience() != null && !cloud.isAudience(c.audience())) {
      // Tokens are not interchangeable between clouds.
      return Optional.of(
          "the access token is for " + c.audience() + ", but this run is for --cloud " + cloud.name() + " ("
              + cloud.graphHost() + ")");
    }
    if (c.expiresAt() != null && !now.isBefore(c.expiresAt())) {
      return Optional.of("the access token expired at " + c.expiresAt() + ": get a new one");
    }
    return Optional.empty();
  }
}
