package org.settingsreconciler.auth;

import org.settingsreconciler.graph.CredentialException;
import org.settingsreconciler.graph.StaticTokenProvider;

/** A ready Graph token in RECONCILER_ACCESS_TOKEN, as pipelines that get tokens elsewhere hand it over. */
final class StaticTokenCredential implements Credential {

  static final String VARIABLE = StaticTokenProvider.VARIABLE;

  private final String token;

  StaticTokenCredential(SignInContext s) throws CredentialException {
    this.token =
        s.var(VARIABLE)
            .orElseThrow(() -> new CredentialException("token sign-in needs " + VARIABLE + " (a Graph access token)"));
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public AuthMethod method() {
    return AuthMethod.TOKEN;
  }

  @Override
  public String description() {
    return "the access token in " + VARIABLE;
  }

  @Override
  public String toString() {
    return "StaticTokenCredential[token redacted]";
  }
}
