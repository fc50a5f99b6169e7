package org.settingsreconciler.auth;

import org.settingsreconciler.graph.CredentialException;

/**
 * A credential whose every token is added to the run's secrets before anyone gets it, so that a service echoing the
 * token (Graph in an error message, a proxy in a page) never gets it printed or written.
 */
final class TokensMasked implements Credential {

  private final Credential credential;
  private final SignInContext s;

  TokensMasked(Credential credential, SignInContext s) {
    this.credential = credential;
    this.s = s;
  }

  @Override
  public String token() throws CredentialException {
    String token = credential.token();
    s.secrets().addCredential(token);
    return token;
  }

  @Override
  public AuthMethod method() {
    return credential.method();
  }

  @Override
  public String description() {
    return credential.description();
  }

  @Override
  public String toString() {
    return credential.toString();
  }
}
