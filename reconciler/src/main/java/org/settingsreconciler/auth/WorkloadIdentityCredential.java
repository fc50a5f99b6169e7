package org.settingsreconciler.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import java.nio.file.Path;
import org.settingsreconciler.graph.CredentialException;

/**
 * Workload identity federation: a token from a trusted identity provider is the client assertion, so no secret is
 * stored. The token comes from AZURE_FEDERATED_TOKEN_FILE (AKS; GitHub after azure/login), or else straight from
 * GitHub Actions' OIDC endpoint. It is read again when it expires. Needs AZURE_TENANT_ID and AZURE_CLIENT_ID. App-only.
 */
final class WorkloadIdentityCredential extends CachedCredential {

  private final SignInContext s;
  private final String clientId;
  private final String tenant;
  private final FederatedAssertion assertion;
  private final ConfidentialClientApplication app;

  WorkloadIdentityCredential(SignInContext s) throws CredentialException {
    super(s.clock());
    this.s = s;
    this.tenant = s.requireTenant();
    this.clientId =
        s.require(SignInContext.CLIENT_ID, "the client id of the app registration with the federated credential");
    this.assertion = new FederatedAssertion(source(s), s.clock(), s.secrets());
    this.app = Msal.confidential(s, clientId, tenant, ClientCredentialFactory.createFromCallback(assertion::get));
  }

  /** Whether the environment offers a federated token: the file, or GitHub's endpoint. */
  static boolean available(SignInContext s) {
    return s.has(FederatedTokenFile.VARIABLE)
        || (s.has(GitHubActionsToken.URL_VARIABLE) && s.has(GitHubActionsToken.TOKEN_VARIABLE));
  }

  private static AssertionSource source(SignInContext s) throws CredentialException {
    if (s.has(FederatedTokenFile.VARIABLE)) {
      return new FederatedTokenFile(Path.of(s.var(FederatedTokenFile.VARIABLE).orElseThrow()));
    }
    if (s.has(GitHubActionsToken.URL_VARIABLE) && s.has(GitHubActionsToken.TOKEN_VARIABLE)) {
      return new GitHubActionsToken(
          s.var(GitHubActionsToken.URL_VARIABLE).orElseThrow(), s.var(GitHubActionsToken.TOKEN_VARIABLE).orElseThrow());
    }
    throw new CredentialException(
        "workload-identity sign-in needs " + FederatedTokenFile.VARIABLE + ", or GitHub Actions' "
            + GitHubActionsToken.URL_VARIABLE + " and " + GitHubActionsToken.TOKEN_VARIABLE
            + " (give the workflow 'permissions: id-token: write')");
  }

  @Override
  protected AccessToken fetch() throws CredentialException {
    return Msal.clientCredentials(
        app, s.cloud().scope(), "sign-in with the " + assertion.description());
  }

  @Override
  public AuthMethod method() {
    return AuthMethod.WORKLOAD_IDENTITY;
  }

  @Override
  public String description() {
    return assertion.description() + " for app " + clientId + " in tenant " + tenant;
  }
}
