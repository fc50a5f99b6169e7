package org.settingsreconciler.auth;

import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import java.net.MalformedURLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.settingsreconciler.graph.CredentialException;

/**
 * Delegated sign-in of an admin with the device code flow: the tool shows a code, the admin enters it at
 * microsoft.com/devicelogin on any device. Tokens are kept in the {@link TokenCacheFile}, so later runs use the
 * access token while it is valid and then the refresh token, silently. Needs a public client app registration
 * (AZURE_CLIENT_ID; "Allow public client flows") with the delegated permissions the settings need.
 */
final class DeviceCodeCredential extends CachedCredential {

  /** Entra's alias for "any work or school tenant", used when no tenant is given. */
  static final String ANY_ORGANIZATION = "organizations";

  private final SignInContext s;
  private final TokenCacheFile cache;
  private final String clientId;
  private final String tenant;
  private final boolean mayPrompt;
  private final PublicClientApplication app;

  /**
   * @param mayPrompt whether a run may start the device code flow when the cache cannot serve it (never in auto,
   *     never without a person to follow it)
   */
  DeviceCodeCredential(SignInContext s, TokenCacheFile cache, boolean mayPrompt) throws CredentialException {
    super(s.clock());
    this.s = s;
    this.cache = cache;
    this.mayPrompt = mayPrompt;
    Optional<SavedLogin> login = cache.login().filter(l -> l.fits(s));
    this.clientId =
        s.var(SignInContext.CLIENT_ID)
            .or(() -> login.map(SavedLogin::clientId))
            .orElseThrow(
                () -> new CredentialException(
                    "device code sign-in needs " + SignInContext.CLIENT_ID + ": the client id of a public client app "
                        + "registration (Authentication: 'Allow public client flows') with the delegated permissions "
                        + "the settings need (see `reconciler permissions PATH`)"));
    // A saved login's own authority first: msal4j finds its cached access token only under that authority.
    this.tenant =
        login.map(SavedLogin::tenant).or(() -> Optional.ofNullable(s.tenant())).orElse(ANY_ORGANIZATION);
    try {
      this.app =
          PublicClientApplication.builder(clientId)
              .authority(s.authority(tenant))
              .instanceDiscovery(false)
              .validateAuthority(false)
              .setTokenCacheAccessAspect(cache.aspect())
              .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new CredentialException("the sign-in authority " + s.authority(tenant) + " is not valid");
    }
  }

  @Override
  protected AccessToken fetch() throws CredentialException {
    Optional<IAccount> account = account();
    if (account.isPresent()) {
      try {
        // The authority is given explicitly: otherwise msal4j rebuilds it from the account's environment, which
        // holds the host without its port (only an authority override such as a test server has one).
        SilentParameters p =
            SilentParameters.builder(Set.of(s.cloud().scope()), account.get()).authorityUrl(s.authority(tenant)).build();
        return Msal.toToken(app.acquireTokenSilently(p).get());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof MsalInteractionRequiredException)) {
          throw Msal.failure("refreshing the saved sign-in", e);
        }
        // The refresh token expired or was revoked: only a new sign-in helps.
      } catch (MalformedURLException e) {
        throw new CredentialException("the sign-in authority " + s.authority(tenant) + " is not valid");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CredentialException("interrupted while refreshing the saved sign-in");
      }
    }
    if (!mayPrompt) {
      throw new CredentialException(
          (account.isPresent() ? "the saved sign-in has expired" : "not signed in")
              + ": run `reconciler login` (device code) first"
              + (s.cloud() == Cloud.global ? "" : " with --cloud " + s.cloud().name()));
    }
    return signIn();
  }

  /** Always runs the device code flow, and saves who signed in. */
  AccessToken signIn() throws CredentialException {
    DeviceCodeFlowParameters p =
        DeviceCodeFlowParameters.builder(Set.of(s.cloud().scope()), code -> s.prompts().println(code.message()))
            .build();
    IAuthenticationResult result;
    try {
      // No timeout of ours: the flow ends when the code expires (about 15 minutes), as Entra decides.
      result = app.acquireToken(p).get();
    } catch (ExecutionException e) {
      throw Msal.failure("device code sign-in", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialException("device code sign-in was interrupted");
    }
    IAccount a = result.account();
    cache.saveLogin(
        new SavedLogin(
            clientId, tenant, s.cloud(), s.authorityHost(), a == null ? null : a.username(),
            a == null ? null : a.homeAccountId()));
    return Msal.toToken(result);
  }

  private Optional<IAccount> account() {
    Set<IAccount> accounts = app.getAccounts().join();
    Optional<SavedLogin> login = cache.login();
    if (login.isPresent()) {
      // The saved login names its account; a login for another cloud, tenant or app serves nothing here.
      String home = login.get().homeAccountId();
      if (!login.get().fits(s) || home == null) {
        return Optional.empty();
      }
      return accounts.stream().filter(a -> home.equals(a.homeAccountId())).findFirst();
    }
    return accounts.size() == 1 ? accounts.stream().findFirst() : Optional.empty();
  }

  @Override
  public AuthMethod method() {
    return AuthMethod.DEVICE_CODE;
  }

  @Override
  public String description() {
    String user = cache.login().filter(l -> l.fits(s)).map(SavedLogin::username).orElse(null);
    return "device code sign-in" + (user == null ? "" : " of " + user) + " (app " + clientId + ", cache "
        + cache.path() + ")";
  }
}
