package org.settingsreconciler.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an access token says about itself: its payload, decoded without checking the signature (Graph checks it; the
 * tool only wants to know what the token can do before it sends requests that are bound to fail).
 *
 * @param scopes delegated permissions ({@code scp}); empty for app-only tokens
 * @param roles application permissions ({@code roles}) of an app-only token
 * @param user the signed-in user's name ({@code upn}, {@code unique_name} or {@code preferred_username}), if any
 * @param appId the client application ({@code appid} or {@code azp})
 * @param expiresAt {@code exp}, or null
 */
public record TokenClaims(
    Set<String> scopes,
    Set<String> roles,
    boolean appOnly,
    String tenantId,
    String appId,
    String user,
    String audience,
    Instant expiresAt) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The claims of a JWT, or empty when the token is not one (opaque tokens exist, and test tokens). */
  public static Optional<TokenClaims> decode(String token) {
    Optional<JsonNode> payload = payload(token);
    if (payload.isEmpty()) {
      return Optional.empty();
    }
    JsonNode p = payload.get();
    Set<String> scopes = new LinkedHashSet<>();
    String scp = text(p, "scp");
    if (scp != null) {
      for (String s : scp.trim().split("\\s+")) {
        if (!s.isEmpty()) {
          scopes.add(s);
        }
      }
    }
    Set<String> roles = new LinkedHashSet<>();
    JsonNode r = p.get("roles");
    if (r != null && r.isArray()) {
      r.forEach(n -> roles.add(n.asString()));
    }
    // idtyp is optional; without it, a token with no delegated scopes was issued to an app, not a user.
    String idtyp = text(p, "idtyp");
    boolean appOnly = "app".equalsIgnoreCase(idtyp) || (scp == null && !"user".equalsIgnoreCase(idtyp));
    String user = first(p, "upn", "unique_name", "preferred_username");
    JsonNode exp = p.get("exp");
    Instant expiresAt = exp != null && exp.isNumber() ? Instant.ofEpochSecond(exp.asLong()) : null;
    return Optional.of(
        new TokenClaims(
            // In the token's order, so messages list them as the token does.
            Collections.unmodifiableSet(scopes),
            Collections.unmodifiableSet(roles),
            appOnly,
            text(p, "tid"),
            first(p, "appid", "azp"),
            appOnly ? null : user,
            text(p, "aud"),
            expiresAt));
  }

  /** The decoded payload of a JWT, if {@code token} is one. Shared with federated assertions (their expiry). */
  static Optional<JsonNode> payload(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.strip().split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(parts[1]);
      JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IllegalArgumentException | JacksonException e) {
      return Optional.empty();
    }
  }

  /** The permissions this token carries: delegated scopes, or application roles. */
  public Set<String> permissions() {
    return appOnly ? roles : scopes;
  }

  /**
   * Whether the token carries {@code permission} or one documented to include it: {@code X.ReadWrite[.All]}
   * includes {@code X.Read[.All]}, and the directory-wide permissions include the user ones.
   */
  public boolean has(String permission) {
    Set<String> granted = permissions();
    for (String candidate : PermissionNames.satisfying(permission)) {
      for (String g : granted) {
        if (g.equalsIgnoreCase(candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  /** "app-only (app X)" or "delegated (user Y)": who the token speaks for, for messages. */
  public String kind() {
    if (appOnly) {
      return "app-only" + (appId == null ? "" : " (app " + appId + ")");
    }
    return "delegated" + (user == null ? "" : " (" + user + ")");
  }

  private static String text(JsonNode p, String name) {
    JsonNode n = p.get(name);
    return n == null || n.isNull() || !n.isValueNode() ? null : n.asString();
  }

  private static String first(JsonNode p, String... names) {
    for (String n : names) {
      String v = text(p, n);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
