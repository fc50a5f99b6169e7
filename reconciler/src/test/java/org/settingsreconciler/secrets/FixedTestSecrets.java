package org.settingsreconciler.secrets;

import java.util.List;

/**
 * The test secrets with fixed values. They must never appear in anything the tool prints or writes, in any test,
 * whichever test handed them over: a leak that surfaces in another test's output is still a leak.
 */
public final class FixedTestSecrets {

  public static final String CLIENT_SECRET = "scan-client-secret-0123456789";
  public static final String PFX_PASSWORD = "pfx-test-password";
  public static final String GITHUB_TOKEN = "scan-github-request-token-0123456789";
  public static final String IDENTITY_HEADER = "scan-identity-header-0123456789";
  public static final String STATIC_TOKEN = "scan-static-token-0123456789";
  /** The access token of the WireMock end-to-end tests (e2e.WireHarness). */
  public static final String E2E_TOKEN = "e2e-secret-token-7Fq2xZ";

  static final List<Secret> ALL = List.of(
      fixed(CLIENT_SECRET, "the fixed client secret"),
      fixed(PFX_PASSWORD, "the fixed PFX password"),
      fixed(GITHUB_TOKEN, "the fixed GitHub OIDC request token"),
      fixed(IDENTITY_HEADER, "the fixed managed identity header"),
      fixed(STATIC_TOKEN, "the fixed static access token"),
      fixed(E2E_TOKEN, "the e2e access token"));

  private FixedTestSecrets() {}

  private static Secret fixed(String value, String origin) {
    return new Secret(value, origin, Secret.Kind.CREDENTIAL);
  }
}
