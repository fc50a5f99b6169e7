package org.settingsreconciler.graph;

import java.util.Map;

/** A bearer token handed over in the environment variable {@value #VARIABLE}, as pipelines often do. */
public final class StaticTokenProvider implements AccessTokenProvider {

  public static final String VARIABLE = "RECONCILER_ACCESS_TOKEN";

  private final String token;

  private StaticTokenProvider(String token) {
    this.token = token;
  }

  public static StaticTokenProvider of(String token) {
    return new StaticTokenProvider(token);
  }

  public static AccessTokenProvider fromEnvironment(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return () -> {
        throw new CredentialException(
            "no credentials: set " + VARIABLE + " to a Microsoft Graph access token, or use --sandbox to run "
                + "against the built-in sandbox tenant");
      };
    }
    return new StaticTokenProvider(value.strip());
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public String toString() {
    return "StaticTokenProvider[token redacted]";
  }
}
