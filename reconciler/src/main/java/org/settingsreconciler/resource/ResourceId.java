package org.settingsreconciler.resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.graph.VersionChoice;

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

  /**
   * The list path of a collection, or the object path of a singleton, with the user filled in, under the version
   * {@code versions} chooses for the resource: {@code /v1.0/admin/people/profileCardProperties}.
   */
  public String basePath(VersionChoice versions) {
    return basePath(descriptor, user, versions);
  }

  /** As {@link #basePath(VersionChoice)}, under {@code version}. */
  public String basePath(GraphVersion version) {
    return basePath(descriptor, user, version);
  }

  public static String basePath(ResourceDescriptor d, String user, VersionChoice versions) {
    return basePath(d, user, versions.choose(d.versions()));
  }

  private static String basePath(ResourceDescriptor d, String user, GraphVersion version) {
    return version.prefix() + (user == null ? d.path() : d.path().replace("{user}", segment(user)));
  }

  /**
   * The path of this object when its URL segment is known (the key for fixed ids, else the given Graph id), under
   * the version {@code versions} chooses for the resource.
   */
  public String objectPath(VersionChoice versions, String graphId) {
    return objectPath(versions.choose(descriptor.versions()), graphId);
  }

  /** As {@link #objectPath(VersionChoice, String)}, under {@code version}. */
  public String objectPath(GraphVersion version, String graphId) {
    return switch (descriptor.shape()) {
      case SINGLETON -> basePath(version);
      case FIXED_IDS, CATALOG -> basePath(version) + "/" + segment(key);
      case COLLECTION -> basePath(version) + "/" + segment(graphId);
    };
  }

  /**
   * Encodes one URL path segment. Graph accepts '@' in a UPN segment, and it reads better, so it stays.
   *
   * @throws IllegalArgumentException when {@code raw} cannot be one segment (see {@link #isOneSegment}): such an id
   *     is refused where it is read, so this only guards against a path that was never checked
   */
  public static String segment(String raw) {
    if (!isOneSegment(raw)) {
      throw new IllegalArgumentException("\"" + raw + "\" cannot be one segment of a URL path");
    }
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
  }

  /**
   * Whether {@code raw} can be one URL path segment. "." and ".." cannot: they are dot segments, which a client, a
   * proxy or Graph resolves, so that {@code /admin/people/profileCardProperties/..} names {@code /admin/people}, and
   * a DELETE or PATCH would go to a path nobody planned. Percent-encoding them does not make them safe: RFC 3986
   * (6.2.2.2) makes {@code %2E} the same as {@code .}, and whatever normalizes the path on the way may decode it and
   * then resolve it. So an id of that kind (Graph's, or a user's name) is refused where it is read, as an answer
   * the tool cannot use, and never goes on the wire. The empty string is not a segment either: it would address
   * the list itself.
   */
  public static boolean isOneSegment(String raw) {
    return raw != null && !raw.isEmpty() && !raw.equals(".") && !raw.equals("..");
  }

  /**
   * Quotes a key the way JSON quotes a string, so that any key reads back unambiguously. Characters that print as
   * nothing or act on the text around them are written as {@code \\u} escapes too: control characters (C0, DEL and
   * C1, where a terminal reads {@code \\u009b} as an escape) and format characters (bidirectional overrides, zero-width
   * and tag characters). Keys come from the tenant, and an interest named {@code \\u202eCF aeslehC} would otherwise
   * show in a plan as {@code "Chelsea FC"}.
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> appendVisible(b, c);
      }
    });
    return b.append('"').toString();
  }

  /**
   * Text from the tenant made safe to print on one line: what {@link #quote} escapes beyond JSON's quoting (control
   * and format characters), and line and paragraph separators, written as {@code \\u} escapes; everything else as
   * it is. For text that is not a key, such as a Graph id in a comment of exported YAML (where a control character
   * makes the file unreadable).
   */
  public static String visible(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> appendVisible(b, c));
    return b.toString();
  }

  private static void appendVisible(StringBuilder b, int c) {
    int type = Character.getType(c);
    if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR) {
      for (char unit : Character.toChars(c)) {
        b.append(String.format("\\u%04x", (int) unit));
      }
    } else {
      b.appendCodePoint(c);
    }
  }

  @Override
  public String toString() {
    return address();
  }
}
