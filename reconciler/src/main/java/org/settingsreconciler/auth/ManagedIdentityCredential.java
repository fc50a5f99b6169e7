package org.settingsreconciler.auth;

import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import java.util.List;
import org.settingsreconciler.graph.CredentialException;

/**
 * The managed identity of the Azure resource the tool runs on (App Service, Functions, Container Apps, Azure Arc,
 * Cloud Shell, or a VM through IMDS), via msal4j. A user-assigned identity is chosen by its client id in
 * AZURE_CLIENT_ID, as Azure Identity does; otherwise the system-assigned one is used. App-only.
 */
final class ManagedIdentityCredential extends CachedCredential {

  /** Set where msal4j finds a managed identity endpoint other than IMDS; auto picks managed identity only then. */
  static final List<String> ENDPOINT_VARIABLES = List.of("IDENTITY_ENDPOINT", "MSI_ENDPOINT");

  private final SignInContext s;
  private final String clientId;
  private final ManagedIdentityApplication app;

  ManagedIdentityCredential(SignInContext s) throws CredentialException {
    super(s.clock());
    this.s = s;
    this.clientId = s.var(SignInContext.CLIENT_ID).orElse(null);
    MsalEnvironment.use(s.env());
    ManagedIdentityId id =
        clientId == null ? ManagedIdentityId.systemAssigned() : ManagedIdentityId.userAssignedClientId(clientId);
    this.app = ManagedIdentityApplication.builder(id).build();
  }

  static boolean available(SignInContext s) {
    return ENDPOINT_VARIABLES.stream().anyMatch(s::has);
  }

  @Override
  protected AccessToken fetch() throws CredentialException {
    // msal4j keeps managed identity tokens in a JVM-wide cache; this credential caches its own, and a forced
    // refresh keeps a token from one endpoint or identity from ever being handed to another.
    ManagedIdentityParameters p =
        ManagedIdentityParameters.builder(s.cloud().graphHost()).forceRefresh(true).build();
    try {
      return Msal.toToken(Msal.await(app.acquireTokenForManagedIdentity(p), "managed identity sign-in"));
    } catch (CredentialException e) {
      throw e;
    } catch (Exception e) {
      throw Msal.failure("managed identity sign-in", e);
    }
  }

  @Override
  public AuthMethod method() {
    return AuthMethod.MANAGED_IDENTITY;
  }

  @Override
  public String description() {
    return clientId == null
        ? "system-assigned managed identity"
        : "user-assigned managed identity " + clientId;
  }
}
