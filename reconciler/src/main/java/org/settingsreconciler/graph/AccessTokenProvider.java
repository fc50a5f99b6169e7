package org.settingsreconciler.graph;

/**
 * Where bearer tokens come from. Sign-in methods (static token, client secret, device code, ...) implement this;
 * the client only ever asks for a token right before it sends.
 */
@FunctionalInterface
public interface AccessTokenProvider {

  /** A valid access token for Graph. The token must never be printed, logged or saved. */
  String token() throws CredentialException;
}
