package org.settingsreconciler.auth;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.graph.CredentialException;
import org.settingsreconciler.secrets.Secrets;

/**
 * Everything a credential may consult: the chosen method, tenant and cloud, the environment (the CLI's, never
 * {@code System.getenv}), where to show sign-in prompts, and whether someone is there to follow them.
 *
 * @param tenant {@code --tenant}, else AZURE_TENANT_ID, else null
 * @param prompts where device code instructions and notes go (stderr: stdout may be a plan being piped)
 * @param interactive whether a person can follow a device code prompt now
 * @param secrets the run's secrets: every token and assertion the sign-in obtains is added, so that an echo of it
 *     anywhere is masked
 */
public record SignInContext(
    AuthMethod method,
    String tenant,
    Cloud cloud,
    Map<String, String> env,
    PrintStream prompts,
    boolean interactive,
    Clock clock,
    Secrets secrets) {

  public static final String TENANT_ID = "AZURE_TENANT_ID";
  public static final String CLIENT_ID = "AZURE_CLIENT_ID";
  public static final String AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";

  /**
   * Builds the context; {@code tenantOption} is {@code --tenant} and wins over AZURE_TENANT_ID. The tokens signed in
   * with go to {@code secrets}, the run's redaction point, which the prompts stream masks.
   */
  public static SignInContext of(
      AuthMethod method,
      String tenantOption,
      Cloud cloud,
      Map<String, String> env,
      PrintStream prompts,
      boolean interactive,
      Secrets secrets) {
    String tenant = blankToNull(tenantOption);
    if (tenant == null) {
      tenant = blankToNull(env.get(TENANT_ID));
    }
    return new SignInContext(method, tenant, cloud, env, prompts, interactive, Clock.systemUTC(),
        secrets);
  }

  public SignInContext withMethod(AuthMethod m) {
    return new SignInContext(m, tenant, cloud, env, prompts, interactive, clock, secrets);
  }

  public SignInContext withClock(Clock c) {
    return new SignInContext(method, tenant, cloud, env, prompts, interactive, c, secrets);
  }

  /** An environment variable, stripped; empty when unset or blank. */
  public Optional<String> var(String name) {
    return Optional.ofNullable(blankToNull(env.get(name)));
  }

  public boolean has(String name) {
    return var(name).isPresent();
  }

  /** A variable a method cannot do without; the message names it and what it is for. */
  public String require(String name, String what) throws CredentialException {
    return var(name)
        .orElseThrow(
            () -> new CredentialException(
                method.cliName() + " sign-in needs " + name + " (" + what + ")"));
  }

  /** The tenant, which app-only sign-in cannot do without. */
  public String requireTenant() throws CredentialException {
    if (tenant == null) {
      throw new CredentialException(
          method.cliName() + " sign-in needs the tenant: set " + TENANT_ID + " or give --tenant (a tenant id or "
              + "domain such as contoso.onmicrosoft.com)");
    }
    return tenant;
  }

  /**
   * Entra's sign-in host: the cloud's, unless AZURE_AUTHORITY_HOST overrides it (as Azure Identity allows, e.g. for
   * a private endpoint or a test authority).
   */
  public String authorityHost() {
    String host = var(AUTHORITY_HOST).orElse(cloud.authorityHost());
    return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
  }

  /** The authority URL for a tenant, as msal4j wants it: {@code https://login.microsoftonline.com/<tenant>/}. */
  public String authority(String tenantOrAlias) {
    return authorityHost() + "/" + tenantOrAlias + "/";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
