package org.settingsreconciler.tenant;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guard for runs of many tenants: a bearer token issued for one tenant must not be used for another. Entra
 * access tokens are JWTs naming their tenant in the {@code tid} claim; the claim is read (not verified: Graph does
 * that) and compared with tenant.yaml's id before any request. Tokens that are not JWTs are left to Graph.
 */
public final class TokenTenantCheck {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TokenTenantCheck() {}

  /** Why the token must not be used for this tenant, or empty when it may (or cannot be told). */
  public static Optional<String> problem(String token, String tenantId) {
    return tenantOf(token)
        .filter(tid -> !tid.equalsIgnoreCase(tenantId))
        .map(tid -> "the access token was issued for tenant " + tid + ", but tenant.yaml names " + tenantId
            + "; nothing was sent. Give this tenant its own token (see credentials in the README)");
  }

  static Optional<String> tenantOf(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.strip().split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      JsonNode tid = claims == null ? null : claims.get("tid");
      return tid != null && tid.isString() ? Optional.of(tid.asString()) : Optional.empty();
    } catch (IllegalArgumentException | JacksonException e) {
      return Optional.empty();
    }
  }
}
