package org.settingsreconciler.auth;

/**
 * Who {@code login} signed in, kept beside the token cache so later runs find the account without asking: no
 * secret here (the refresh token is in msal4j's part of the file).
 *
 * @param tenant the tenant id the user signed in to
 * @param authorityHost the sign-in host used, so a run against another authority does not pick this login
 * @param homeAccountId msal4j's account key ({@code <object id>.<tenant id>})
 */
public record SavedLogin(
    String clientId, String tenant, Cloud cloud, String authorityHost, String username, String homeAccountId) {

  /** Whether this login can serve a run with these settings. */
  boolean fits(SignInContext s) {
    return cloud == s.cloud()
        && authorityHost.equalsIgnoreCase(s.authorityHost())
        && (s.tenant() == null || s.tenant().equalsIgnoreCase(tenant))
        && s.var(SignInContext.CLIENT_ID).map(clientId::equalsIgnoreCase).orElse(true);
  }
}
