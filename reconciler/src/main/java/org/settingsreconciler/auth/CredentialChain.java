package org.settingsreconciler.auth;

import java.util.List;
import java.util.function.Supplier;
import org.settingsreconciler.graph.CredentialException;

/**
 * Chooses the credential for {@code --auth}. With {@code auto}, the first method the environment provides wins, in
 * this fixed order (the order of {@link #AUTO_ORDER}); the choice only looks at what is set, it never tries a
 * method and falls back, so the same environment always gives the same sign-in and its error:
 *
 * <ol>
 *   <li>token: RECONCILER_ACCESS_TOKEN is set</li>
 *   <li>client-secret: AZURE_CLIENT_SECRET is set</li>
 *   <li>certificate: AZURE_CLIENT_CERTIFICATE_PATH is set</li>
 *   <li>workload-identity: AZURE_FEDERATED_TOKEN_FILE is set, or GitHub Actions' ACTIONS_ID_TOKEN_REQUEST_URL and
 *       _TOKEN are set together with AZURE_CLIENT_ID</li>
 *   <li>managed-identity: IDENTITY_ENDPOINT or MSI_ENDPOINT is set (App Service, Functions, Container Apps, Arc,
 *       Cloud Shell); a VM's IMDS is not probed: choose it with --auth managed-identity</li>
 *   <li>device-code: `reconciler login` saved a sign-in for this cloud (used silently; auto never prompts)</li>
 *   <li>azure-cli: az is on the PATH</li>
 * </ol>
 */
public final class CredentialChain {

  public static final List<AuthMethod> AUTO_ORDER =
      List.of(
          AuthMethod.TOKEN,
          AuthMethod.CLIENT_SECRET,
          AuthMethod.CERTIFICATE,
          AuthMethod.WORKLOAD_IDENTITY,
          AuthMethod.MANAGED_IDENTITY,
          AuthMethod.DEVICE_CODE,
          AuthMethod.AZURE_CLI);

  private CredentialChain() {}

  /** The credential for {@code s.method()}; builds it (reads files, checks variables) but sends nothing. */
  public static Credential select(SignInContext s) throws CredentialException {
    // Read only if device code is asked about: a run with a ready token or an app secret never loads msal4j's cache.
    Supplier<TokenCacheFile> cache = new Supplier<>() {
      private TokenCacheFile file;

      @Override
      public TokenCacheFile get() {
        if (file == null) {
          file = TokenCacheFile.forEnvironment(s.env());
        }
        return file;
      }
    };
    if (s.method() != AuthMethod.AUTO) {
      return build(s, false, cache);
    }
    for (AuthMethod m : AUTO_ORDER) {
      if (offered(s, m, cache)) {
        return build(s.withMethod(m), true, cache);
      }
    }
    throw new CredentialException(
        "no credentials found. Sign in one of these ways (docs/guides/sign-in.md): `reconciler login` (an admin, "
            + "device code, needs AZURE_CLIENT_ID); `az login` (Azure CLI); AZURE_TENANT_ID, AZURE_CLIENT_ID and "
            + "AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH (an app); RECONCILER_ACCESS_TOKEN (a ready Graph "
            + "token); or --sandbox to try the tool with no tenant");
  }

  /** Whether the environment offers method {@code m}, judged by what is set, without any request. */
  static boolean offered(SignInContext s, AuthMethod m, Supplier<TokenCacheFile> cache) {
    return switch (m) {
      case TOKEN -> s.has(StaticTokenCredential.VARIABLE);
      case CLIENT_SECRET -> s.has(ClientSecretCredential.SECRET);
      case CERTIFICATE -> s.has(ClientCertificateCredential.PATH);
      case WORKLOAD_IDENTITY -> s.has(FederatedTokenFile.VARIABLE)
          || (WorkloadIdentityCredential.available(s) && s.has(SignInContext.CLIENT_ID));
      case MANAGED_IDENTITY -> ManagedIdentityCredential.available(s);
      case DEVICE_CODE -> cache.get().login().filter(l -> l.fits(s)).isPresent();
      case AZURE_CLI -> AzureCliCredential.find(s).isPresent();
      case AUTO -> false;
    };
  }

  private static Credential build(SignInContext s, boolean byAuto, Supplier<TokenCacheFile> cache)
      throws CredentialException {
    return switch (s.method()) {
      case TOKEN -> new StaticTokenCredential(s);
      case CLIENT_SECRET -> new ClientSecretCredential(s);
      case CERTIFICATE -> new ClientCertificateCredential(s);
      case WORKLOAD_IDENTITY -> new WorkloadIdentityCredential(s);
      case MANAGED_IDENTITY -> new ManagedIdentityCredential(s);
      // Chosen by name, device code may prompt the person at the terminal; chosen by auto it only uses the cache.
      case DEVICE_CODE -> new DeviceCodeCredential(s, cache.get(), !byAuto && s.interactive());
      case AZURE_CLI -> new AzureCliCredential(s);
      case AUTO -> throw new IllegalArgumentException("auto is resolved above");
    };
  }
}
