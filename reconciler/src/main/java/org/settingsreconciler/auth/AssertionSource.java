package org.settingsreconciler.auth;

import org.settingsreconciler.graph.CredentialException;

/** Where a federated client assertion comes from: a file (AKS, azure/login) or GitHub Actions' OIDC endpoint. */
interface AssertionSource {

  /** A fresh assertion (a JWT issued by the federated identity provider). */
  String read() throws CredentialException;

  /** Where it comes from, for messages. */
  String description();
}
