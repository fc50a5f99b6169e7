package org.settingsreconciler.tenant;

import java.util.Locale;

/**
 * Which tenant a run reads and writes, and as whom: what plan headers and the apply prompt name, and what a saved
 * plan is bound to. The Graph URL alone is the same for every tenant of a cloud, so it cannot tell a reviewer (or
 * {@code apply --plan}) which tenant a plan is for.
 *
 * @param tenantId the directory (tenant) id: the token's {@code tid} claim, else the id {@code /organization}
 *     answers; null when neither is known
 * @param displayName the organization's display name from {@code /organization}, or null when it cannot be read
 *     (the token may lack the permission: the name is for people, the id is what binds)
 * @param graphRoot the Graph root the run talks to, or {@link #SANDBOX_ROOT} for the in-process sandbox (whose URL
 *     has a new port every run)
 * @param signedInAs the user or application the token speaks for, or a phrase such as "no sign-in (sandbox)"
 */
public record TenantIdentity(String tenantId, String displayName, String graphRoot, String signedInAs) {

  /** The Graph root recorded for runs against the built-in sandbox. */
  public static final String SANDBOX_ROOT = "sandbox";

  public boolean sandbox() {
    return SANDBOX_ROOT.equals(graphRoot);
  }

  /** The tenant as people name it: "Contoso (0f1e...)", or "tenant 0f1e...", or "an unidentified tenant". */
  public String tenant() {
    if (tenantId == null) {
      return displayName == null ? "an unidentified tenant" : shown(displayName) + " (id unknown)";
    }
    return displayName == null ? "tenant " + tenantId : shown(displayName) + " (" + tenantId + ")";
  }

  /**
   * A name as one line of plain text: the tenant's admins choose it, and a line break, a terminal escape or a
   * bidirectional override in it could make a heading or the apply prompt name another tenant, or hide the id.
   */
  private static String shown(String name) {
    StringBuilder b = new StringBuilder(name.length());
    name.codePoints().forEach(c -> {
      boolean hidden = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
      b.appendCodePoint(hidden ? '\uFFFD' : c);
    });
    return b.toString();
  }

  /**
   * One phrase for headings and the apply prompt: {@code https://graph.microsoft.com, tenant Contoso
   * (0f1e...), signed in as adele@contoso.com}, or {@code the sandbox tenant Contoso (sandbox) (...)}.
   */
  public String describe() {
    String where;
    if (tenantId == null && displayName == null) {
      String unknown = "tenant not known (the token names none and /organization could not be read)";
      where = sandbox() ? "the sandbox " + unknown : graphRoot + ", " + unknown;
    } else {
      // tenant() says "tenant" itself when it has only the id: "tenant 0f1e...", never "tenant tenant 0f1e...".
      String named = displayName == null ? tenant() : "tenant " + tenant();
      where = sandbox() ? "the sandbox " + named : graphRoot + ", " + named;
    }
    return signedInAs == null ? where : where + ", signed in as " + shown(signedInAs);
  }

  /**
   * Whether two Graph roots name the same service: scheme and host ignore case, a trailing slash and a user and
   * password ({@code https://user:pass@host}) are not part.
   */
  public static boolean sameRoot(String a, String b) {
    return normalRoot(a).equals(normalRoot(b));
  }

  /**
   * The Graph root without a user and password, as a saved plan records it: they say nothing of which service it is,
   * and a password must not be written to the file (masking it there would break the plan's seal).
   */
  public static String withoutUserInfo(String root) {
    int schemeEnd = root.indexOf("://");
    if (schemeEnd < 0) {
      return root;
    }
    int authorityEnd = root.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int at = root.indexOf(c, schemeEnd + 3);
      authorityEnd = at < 0 ? authorityEnd : Math.min(authorityEnd, at);
    }
    int at = root.lastIndexOf('@', authorityEnd - 1);
    return at < schemeEnd ? root : root.substring(0, schemeEnd + 3) + root.substring(at + 1);
  }

  private static String normalRoot(String root) {
    String r = withoutUserInfo(root.strip());
    while (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    int schemeEnd = r.indexOf("://");
    if (schemeEnd < 0) {
      return r;
    }
    int pathStart = r.indexOf('/', schemeEnd + 3);
    String authority = pathStart < 0 ? r : r.substring(0, pathStart);
    String path = pathStart < 0 ? "" : r.substring(pathStart);
    return authority.toLowerCase(Locale.ROOT) + path;
  }
}
