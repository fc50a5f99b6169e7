package org.settingsreconciler.auth;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import java.nio.file.Path;
import org.settingsreconciler.graph.CredentialException;

/**
 * An app registration's certificate: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH (PEM with the
 * key, or PFX) and AZURE_CLIENT_CERTIFICATE_PASSWORD (PFX only). msal4j signs a client assertion with the key for
 * every token request. App-only.
 */
final class ClientCertificateCredential extends CachedCredential {

  static final String PATH = "AZURE_CLIENT_CERTIFICATE_PATH";
  static final String PASSWORD = "AZURE_CLIENT_CERTIFICATE_PASSWORD";

  private final SignInContext s;
  private final String clientId;
  private final String tenant;
  private final Path path;
  private final ConfidentialClientApplication app;

  ClientCertificateCredential(SignInContext s) throws CredentialException {
    super(s.clock());
    this.s = s;
    this.tenant = s.requireTenant();
    this.clientId = s.require(SignInContext.CLIENT_ID, "the application (client) id of the app registration");
    this.path = Path.of(s.require(PATH, "a PEM file with the certificate and its private key, or a PFX file"));
    this.app =
        Msal.confidential(s, clientId, tenant, CertificateFile.load(path, s.var(PASSWORD).orElse(null)));
  }

  @Override
  protected AccessToken fetch() throws CredentialException {
    return Msal.clientCredentials(app, s.cloud().scope(), "sign-in with the certificate " + path);
  }

  @Override
  public AuthMethod method() {
    return AuthMethod.CERTIFICATE;
  }

  @Override
  public String description() {
    return "certificate " + path + " of app " + clientId + " in tenant " + tenant;
  }
}
