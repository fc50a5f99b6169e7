package org.settingsreconciler.resource;

import java.util.Objects;
import java.util.Optional;

/**
 * What one operation on a resource needs, as Microsoft's docs state it (the facts and their sources are in
 * docs/permissions.md): the least-privileged delegated permission, the least-privileged application permission (null
 * where app-only tokens are not supported), and the least-privileged Microsoft Entra role the signed-in user needs
 * for a delegated call ({@link #NO_ROLE} where the docs name none). App-only tokens carry no directory role.
 */
public record Access(String delegated, String application, String role) {

  /** The role of an operation for which Microsoft's docs name no directory role; printed as it is. */
  public static final String NO_ROLE = "none named";

  public Access {
    Objects.requireNonNull(delegated, "delegated permission");
    Objects.requireNonNull(role, "role: name the docs' least-privileged role, or NO_ROLE");
  }

  /** The same permission for delegated and app-only tokens. */
  public static Access delegatedOrApp(String permission, String role) {
    return new Access(permission, permission, role);
  }

  /** Delegated tokens only: the docs list application permissions as not supported. */
  public static Access delegatedOnly(String permission, String role) {
    return new Access(permission, null, role);
  }

  public boolean appOnly() {
    return application != null;
  }

  /** The permission a token of this kind needs; null for an app-only token where app-only is not supported. */
  public String permission(boolean appOnlyToken) {
    return appOnlyToken ? application : delegated;
  }

  /** The role the docs name, if any. */
  public Optional<String> namedRole() {
    return NO_ROLE.equals(role) ? Optional.empty() : Optional.of(role);
  }
}
