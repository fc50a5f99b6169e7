package org.settingsreconciler.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import org.settingsreconciler.graph.CredentialException;

/** An app registration's client secret: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET. App-only. */
final class ClientSecretCredential extends CachedCredential {

  static final String SECRET = "AZURE_CLIENT_SECRET";

  private final SignInContext s;
  private final String clientId;
  private final String tenant;
  private final ConfidentialClientApplication app;

  ClientSecretCredential(SignInContext s) throws CredentialException {
    super(s.clock());
    this.s = s;
    this.tenant = s.requireTenant();
    this.clientId = s.require(SignInContext.CLIENT_ID, "the application (client) id of the app registration");
    String secret = s.require(SECRET, "a client secret of the app registration");
    this.app = Msal.confidential(s, clientId, tenant, ClientCredentialFactory.createFromSecret(secret));
  }

  @Override
  protected AccessToken fetch() throws CredentialException {
    return Msal.clientCredentials(app, s.cloud().scope(), "sign-in with the client secret");
  }

  @Override
  public AuthMethod method() {
    return AuthMethod.CLIENT_SECRET;
  }

  @Override
  public String description() {
    return "client secret of app " + clientId + " in tenant " + tenant;
  }
}
