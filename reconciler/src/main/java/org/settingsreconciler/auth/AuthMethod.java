package org.settingsreconciler.auth;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the tool signs in ({@code --auth}). {@link #AUTO} picks one by what the environment holds. */
public enum AuthMethod {
  AUTO("auto", "the first that the environment provides, in a fixed order"),
  TOKEN("token", "a ready access token in RECONCILER_ACCESS_TOKEN"),
  CLIENT_SECRET("client-secret", "an app registration's client secret (app-only)"),
  CERTIFICATE("certificate", "an app registration's certificate (app-only)"),
  WORKLOAD_IDENTITY("workload-identity", "a federated token from AKS or GitHub Actions (app-only)"),
  MANAGED_IDENTITY("managed-identity", "the Azure resource's managed identity (app-only)"),
  DEVICE_CODE("device-code", "a signed-in admin, from `login` (delegated)"),
  AZURE_CLI("azure-cli", "the Azure CLI's signed-in account (delegated, or whatever az login used)");

  private final String cliName;
  private final String summary;

  AuthMethod(String cliName, String summary) {
    this.cliName = cliName;
    this.summary = summary;
  }

  /** The name users type after {@code --auth}. */
  public String cliName() {
    return cliName;
  }

  public String summary() {
    return summary;
  }

  public static AuthMethod parse(String name) {
    for (AuthMethod m : values()) {
      if (m.cliName.equalsIgnoreCase(name.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown sign-in method '" + name + "'; use one of " + names());
  }

  public static String names() {
    return Arrays.stream(values()).map(AuthMethod::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
