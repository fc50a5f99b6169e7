package org.settingsreconciler.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of the things a test hands the tool are secrets, and of which kind. */
class HandedSecretsTest {

  static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl";

  @TempDir Path dir;

  @Test
  void theVariablesTheToolSignsInWithAreCredentialsAndPlacesAreNotSecrets() throws Exception {
    Path federated = Files.writeString(dir.resolve("federated-token"), JWT + "\n");

    assertThat(HandedSecrets.of(Map.of(
            "RECONCILER_ACCESS_TOKEN_PROD", "test-token-prod-0123",
            "AZURE_CLIENT_SECRET", "Xy8Q~k3JdP0aLm7RzT2vWq9NcB5fHs1GyE4uIo6",
            "AZURE_FEDERATED_TOKEN_FILE", federated.toString(),
            "ACTIONS_ID_TOKEN_REQUEST_URL", "https://token.actions.example/oidc?api-version=2.0",
            "AZURE_CLIENT_ID", "11111111-2222-3333-4444-555555555555",
            "RECONCILER_DEBUG", "1")))
        .extracting(Secret::origin, Secret::kind)
        .containsExactlyInAnyOrder(
            tuple("the federated token in AZURE_FEDERATED_TOKEN_FILE", Secret.Kind.CREDENTIAL),
            tuple("RECONCILER_ACCESS_TOKEN_PROD in the environment", Secret.Kind.CREDENTIAL),
            tuple("AZURE_CLIENT_SECRET in the environment", Secret.Kind.CREDENTIAL));
  }

  @Test
  void secretLookingVariablesAreVariableValuesWhereverTheyComeFrom() throws Exception {
    Path vars = Files.writeString(dir.resolve("vars.yaml"), "DB_PASSWORD: Summer2026!\nPILOT: Copilot Pilot\n");

    assertThat(HandedSecrets.of(Map.of("LEAK", JWT, "PILOT_GROUP", "Copilot Pilot"),
            "plan", "x.yaml", "--var", "API_TOKEN=plain words but named a token", "--var=LEVEL=2",
            "--var-file", vars.toString()))
        .extracting(Secret::origin).containsExactlyInAnyOrder(
            "LEAK in the environment", "--var API_TOKEN", "DB_PASSWORD in --var-file vars.yaml");
    assertThat(HandedSecrets.of(Map.of("LEAK", JWT))).extracting(Secret::kind)
        .containsExactly(Secret.Kind.VARIABLE_VALUE);
  }

  @Test
  void aCredentialTooShortToLookForFailsTheRunRatherThanGoUnscanned() {
    assertThatThrownBy(() -> HandedSecrets.of(Map.of("RECONCILER_ACCESS_TOKEN", "t")))
        .hasMessageContaining("RECONCILER_ACCESS_TOKEN in the environment is 1 characters long");
  }
}
