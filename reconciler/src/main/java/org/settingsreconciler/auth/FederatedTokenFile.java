package org.settingsreconciler.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.settingsreconciler.files.UnusableFileException;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.graph.CredentialException;

/**
 * AZURE_FEDERATED_TOKEN_FILE: a file holding a federated token, rewritten by its owner before the token expires
 * (the AKS workload identity webhook does so about hourly).
 */
final class FederatedTokenFile implements AssertionSource {

  static final String VARIABLE = "AZURE_FEDERATED_TOKEN_FILE";

  private final Path path;

  FederatedTokenFile(Path path) {
    this.path = path;
  }

  @Override
  public String read() throws CredentialException {
    String token;
    try {
      token = new String(UserFile.read(path, UserFile.Kind.FEDERATED_TOKEN), StandardCharsets.UTF_8).strip();
    } catch (UnusableFileException e) {
      throw new CredentialException(
          "cannot read the federated token file " + path + " (" + VARIABLE + "): " + e.getMessage());
    } catch (IOException e) {
      throw new CredentialException(
          "cannot read the federated token file " + path + " (" + VARIABLE + "): " + e.getClass().getSimpleName());
    }
    if (token.isEmpty()) {
      throw new CredentialException("the federated token file " + path + " (" + VARIABLE + ") is empty");
    }
    return token;
  }

  @Override
  public String description() {
    return "federated token file " + path;
  }
}
