package org.settingsreconciler.auth;

/**
 * Who {@code login} signed in, kept beside the token cache so later runs find the account without asking: no
 * secret here (the refresh token is in msal4j's part of the file).
 *
 * @param tenant the tenant of the authority the sign-in used ({@code organizations}, or the one given): later
 *     runs use the same authority, because msal4j files cached access tokens under it
 * @param authorityHost the sign-in host used, so a run against another authority does not pick this login
 * @param homeAccountId msal4j's account key ({@code <object id>.<tenant id>})
 */
public record SavedLogin(
    String clientId, String tenant, Cloud cloud, String authorityHost, String username, String homeAccountId) {

  /** The tenant id of the signed-in account (its home tenant), from the account key. */
  public String homeTenant() {
    return homeAccountId != null && homeAccountId.contains(".")
        ? homeAccountId.substring(homeAccountId.indexOf('.') + 1)
        : tenant;
  }

  /** Whether this login can serve a run with these settings. */
  boolean fits(SignInContext s) {
    return cloud == s.cloud()
        && authorityHost.equalsIgnoreCase(s.authorityHost())
        && (s.tenant() == null || s.tenant().equalsIgnoreCase(tenant) || s.tenant().equalsIgnoreCase(homeTenant()))
        && s.var(SignInContext.CLIENT_ID).map(clientId::equalsIgnoreCase).orElse(true);
  }
}
