package org.settingsreconciler.resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One managed object: a descriptor plus, where the descriptor needs them, the user and the key. It knows the
 * object's address (what users read and target) and its Graph paths.
 *
 * <p>Addresses quote keys, since keys hold dots and spaces: {@code copilot.enhancedPersonalization},
 * {@code copilot.policySettings["microsoft.copilot.allowwebsearch"]},
 * {@code users["adele@contoso.com"].interests["Chelsea FC"]}.
 *
 * @param user the user principal name for user-scoped resources, else null
 * @param key the fixed id or collection key, else null
 */
public record ResourceId(ResourceDescriptor descriptor, String user, String key) {

  public ResourceId {
    Objects.requireNonNull(descriptor);
    if ((descriptor.scope() == Scope.USER) != (user != null)) {
      throw new IllegalArgumentException(descriptor.type() + ": user " + user);
    }
    if ((descriptor.shape() == Shape.SINGLETON) != (key == null)) {
      throw new IllegalArgumentException(descriptor.type() + ": key " + key);
    }
  }

  public static ResourceId singleton(ResourceDescriptor d) {
    return new ResourceId(d, null, null);
  }

  /** The address of the whole collection (or fixed-id set) this object belongs to. */
  public String scopeAddress() {
    return scopeAddress(descriptor, user);
  }

  public static String scopeAddress(ResourceDescriptor d, String user) {
    if (d.scope() == Scope.USER) {
      return "users[" + quote(user) + "]." + d.yamlName();
    }
    return d.type();
  }

  public String address() {
    return key == null ? scopeAddress() : scopeAddress() + "[" + quote(key) + "]";
  }

  /** The list path of a collection, or the object path of a singleton, with the user filled in. */
  public String basePath() {
    return basePath(descriptor, user);
  }

  public static String basePath(ResourceDescriptor d, String user) {
    return user == null ? d.path() : d.path().replace("{user}", segment(user));
  }

  /** The path of this object when its URL segment is known: the key for fixed ids, else the given Graph id. */
  public String objectPath(String graphId) {
    return switch (descriptor.shape()) {
      case SINGLETON -> basePath();
      case FIXED_IDS -> basePath() + "/" + segment(key);
      case COLLECTION -> basePath() + "/" + segment(graphId);
    };
  }

  /** Encodes one URL path segment. Graph accepts '@' in a UPN segment, and it reads better, so it stays. */
  public static String segment(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
  }

  /** Quotes a key the way JSON quotes a string, so that any key reads back unambiguously. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  @Override
  public String toString() {
    return address();
  }
}
