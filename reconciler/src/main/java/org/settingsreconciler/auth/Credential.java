package org.settingsreconciler.auth;

import org.settingsreconciler.graph.AccessTokenProvider;

/** One way of getting Graph tokens, able to say what it is without saying anything secret. */
public interface Credential extends AccessTokenProvider {

  /** The sign-in method, for messages. */
  AuthMethod method();

  /** What this credential is, e.g. "client secret of app 1b2c... in tenant contoso.onmicrosoft.com": no secret. */
  String description();
}
