package org.settingsreconciler.resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
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

  /**
   * What a path under the tenant's organization object holds for its id ({@code /organization/{organization}/...}):
   * the tenant's id, which the run learns from its token or {@code GET /organization} (never from the YAML).
   */
  public static final String ORGANIZATION = "{organization}";

  /** Where no organization id is at hand: for the paths of every resource not under the organization object. */
  private static final Supplier<String> NO_ORGANIZATION = () -> null;

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
      return "users[" + quote(user) + "]." + String.join(".", d.yamlPath());
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
    return basePath(descriptor, user, version, NO_ORGANIZATION);
  }

  public static String basePath(ResourceDescriptor d, String user, VersionChoice versions) {
    return basePath(d, user, versions, NO_ORGANIZATION);
  }

  /** As {@link #basePath(ResourceDescriptor, String, VersionChoice)}, with the organization id it is given. */
  public static String basePath(ResourceDescriptor d, String user, VersionChoice versions,
      Supplier<String> organization) {
    return basePath(d, user, versions.choose(d.versions()), organization);
  }

  /**
   * The path under {@code version} with the user and, for a resource under the organization object, the tenant's
   * organization id filled in; {@code organization} is asked only then.
   *
   * @throws IllegalStateException when the resource is under the organization object and its id is not known: a
   *     path holding {@code {organization}} must never be sent
   */
  private static String basePath(ResourceDescriptor d, String user, GraphVersion version,
      Supplier<String> organization) {
    String path = user == null ? d.path() : d.path().replace("/users/{user}", userPath(user));
    if (d.underOrganization()) {
      String id = organization.get();
      if (id == null) {
        throw new IllegalStateException(d.type() + ": the tenant's organization id, which its path holds, is unknown");
      }
      path = path.replace(ORGANIZATION, segment(id));
    }
    return version.prefix() + path;
  }

  /**
   * The path of this object when its URL segment is known (the key for fixed ids, else the given Graph id), under
   * the version {@code versions} chooses for the resource.
   */
  public String objectPath(VersionChoice versions, String graphId) {
    return objectPath(versions, graphId, NO_ORGANIZATION);
  }

  /**
   * As {@link #objectPath(VersionChoice, String)}, with the tenant's organization id {@code organization} gives
   * filled in where the path holds {@link #ORGANIZATION} (it is asked only then).
   */
  public String objectPath(VersionChoice versions, String graphId, Supplier<String> organization) {
    return objectPath(versions.choose(descriptor.versions()), graphId, organization);
  }

  /** As {@link #objectPath(VersionChoice, String)}, under {@code version}. */
  public String objectPath(GraphVersion version, String graphId) {
    return objectPath(version, graphId, NO_ORGANIZATION);
  }

  private String objectPath(GraphVersion version, String graphId, Supplier<String> organization) {
    String base = basePath(descriptor, user, version, organization);
    return switch (descriptor.shape()) {
      case SINGLETON -> base;
      case FIXED_IDS -> base + "/" + segment(key);
      // A catalog's item as Graph spells its id where that is known (its own read answered it), else as the YAML
      // does: the key matches ignoring case, and a write should name the item as Graph gave it.
      case CATALOG -> base + "/" + segment(graphId != null && descriptor.key().matchForm(graphId)
          .equals(descriptor.key().matchForm(key)) ? graphId : key);
      case COLLECTION -> descriptor.key().alternateKey()
          ? base + alternateKey(descriptor.key().property(), graphId)
          : base + "/" + segment(graphId);
    };
  }

  /**
   * The OData alternate-key suffix of a list segment that names one item: {@code (sourceId='hr1')}. The value is an
   * OData string literal (a quote doubled) whose characters are percent-encoded like a segment's, so the key can hold
   * anything and still name exactly this item.
   */
  public static String alternateKey(String property, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an empty key names no item");
    }
    // Not a segment of its own, so "." and ".." are no dot segments here: they are keys like any other.
    return "(" + property + "='" + encoded(value.replace("'", "''")) + "')";
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
    return encoded(raw);
  }

  /**
   * {@code /users/{name}} for one user, by id or principal name. A name that begins with {@code $} goes in
   * parentheses and single quotes instead, with no slash after {@code /users}: {@code /users('$adele@contoso.com')},
   * as user-get.md (v1.0 and beta, "HTTP request") asks, since a segment that begins with {@code $} is one of OData's
   * own ({@code $count}, {@code $ref}); a quote in it is doubled, as in any OData string literal.
   *
   * @throws IllegalArgumentException as {@link #segment}
   */
  public static String userPath(String user) {
    if (!user.startsWith("$")) {
      return "/users/" + segment(user);
    }
    return "/users('" + encoded(user.replace("'", "''")).replace("%24", "$") + "')";
  }

  private static String encoded(String raw) {
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
