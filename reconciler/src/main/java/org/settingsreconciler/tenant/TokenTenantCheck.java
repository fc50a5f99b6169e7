package org.settingsreconciler.tenant;

import java.util.Optional;
import org.settingsreconciler.auth.TokenClaims;

/**
 * A guard for runs of many tenants: a bearer token issued for one tenant must not be used for another. Entra
 * access tokens are JWTs naming their tenant in the {@code tid} claim; it is compared with tenant.yaml's id before
 * any request. Tokens that are not JWTs, or name no tenant, are left to Graph.
 */
public final class TokenTenantCheck {

  private TokenTenantCheck() {}

  /** Why the token must not be used for this tenant, or empty when it may (or cannot be told). */
  public static Optional<String> problem(String token, String tenantId) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return TokenClaims.decode(token.strip())
        .map(TokenClaims::tenantId)
        .filter(tid -> !tid.equalsIgnoreCase(tenantId))
        .map(tid -> "the access token was issued for tenant " + tid + ", but tenant.yaml names " + tenantId
            + "; nothing was sent. Give this tenant its own token (see docs/guides/fleets-and-layers.md, credentials "
            + "per tenant)");
  }
}
