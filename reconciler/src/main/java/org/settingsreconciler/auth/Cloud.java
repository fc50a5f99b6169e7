package org.settingsreconciler.auth;

import java.util.Locale;

/**
 * The Microsoft clouds the tool can sign in to (docs/graph-facts.md section 9.4). The cloud decides the sign-in
 * authority,
 * the Graph root and the token scope together: tokens are not interchangeable between clouds. Lowercase constants,
 * as users type them: {@code --cloud usgov}.
 */
public enum Cloud {
  global("https://graph.microsoft.com", "https://login.microsoftonline.com"),
  usgov("https://graph.microsoft.us", "https://login.microsoftonline.us"),
  usgovdod("https://dod-graph.microsoft.us", "https://login.microsoftonline.us"),
  china("https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn");

  /** Microsoft Graph's application id: some tokens name it as their audience instead of the host. */
  static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

  private final String graphHost;
  private final String authorityHost;

  Cloud(String graphHost, String authorityHost) {
    this.graphHost = graphHost;
    this.authorityHost = authorityHost;
  }

  /** The Graph host without a path, e.g. {@code https://graph.microsoft.us}; also the managed identity resource. */
  public String graphHost() {
    return graphHost;
  }

  /**
   * The Graph root the tool talks to: this cloud's host, without a version, so each request carries its resource's
   * own (see graph.VersionChoice).
   */
  public String graphRoot() {
    return graphHost;
  }

  /** The one scope every credential asks for: the permissions granted to the app (or consented for the user). */
  public String scope() {
    return graphHost + "/.default";
  }

  /** Microsoft Entra's sign-in host for this cloud, without a tenant. */
  public String authorityHost() {
    return authorityHost;
  }

  /** Whether a token's {@code aud} claim names this cloud's Graph (its host, or Graph's application id). */
  public boolean isAudience(String aud) {
    if (aud == null) {
      return false;
    }
    String a = aud.toLowerCase(Locale.ROOT);
    a = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
    return a.equals(GRAPH_APP_ID) || a.equals(graphHost);
  }

  /** Whether a token's {@code aud} claim names Microsoft Graph (any cloud's host, or Graph's application id). */
  public static boolean isGraphAudience(String aud) {
    if (aud == null) {
      return false;
    }
    String a = aud.toLowerCase(Locale.ROOT);
    if (a.endsWith("/")) {
      a = a.substring(0, a.length() - 1);
    }
    if (a.equals(GRAPH_APP_ID)) {
      return true;
    }
    for (Cloud c : values()) {
      if (a.equals(c.graphHost)) {
        return true;
      }
    }
    return false;
  }
}
