package org.settingsreconciler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void removesSecretValuesJwtsBearerTokensAndFormSecrets() {
    Redactor r = Redactor.forEnvironment(Map.of("AZURE_CLIENT_SECRET", "my-secret-value", "AZURE_CLIENT_ID", "id"));
    String jwt = TestJwt.appOnly("PeopleSettings.Read.All");

    String out = r.scrub("secret my-secret-value, token " + jwt + ", Authorization: Bearer abc.def "
        + "body client_secret=xyz&refresh_token=rt123&scope=s");

    assertThat(out).doesNotContain("my-secret-value", jwt, "abc.def", "xyz", "rt123")
        .contains("scope=s")
        .isEqualTo("secret [redacted], token [redacted], Authorization: Bearer [redacted] body "
            + "client_secret=[redacted]&refresh_token=[redacted]&scope=s");
  }

  @Test
  void leavesOrdinaryTextAndShortValuesAlone() {
    Redactor r = Redactor.forEnvironment(Map.of("AZURE_CLIENT_SECRET", "abc"));

    assertThat(r.scrub("the abc of sign-in: AADSTS7000215")).isEqualTo("the abc of sign-in: AADSTS7000215");
    assertThat(r.scrub(null)).isNull();
  }
}
