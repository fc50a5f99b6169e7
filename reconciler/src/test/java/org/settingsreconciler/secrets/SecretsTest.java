package org.settingsreconciler.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one redaction point: what it masks in output, and what it keeps in files that must hold real values. */
class SecretsTest {

  static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl";

  @Test
  void credentialsOfTheEnvironmentAreMaskedInEveryFormAlsoPerTenant() {
    Secrets s = Secrets.forEnvironment(Map.of("AZURE_CLIENT_SECRET", "my-secret/value+1", "AZURE_CLIENT_ID", "app-id-12",
        "RECONCILER_ACCESS_TOKEN_PROD", "prod-token-0123456789"));
    String b64 = Base64.getEncoder().withoutPadding().encodeToString("my-secret/value+1".getBytes(StandardCharsets.UTF_8));

    assertThat(s.mask("secret my-secret/value+1, encoded " + URLEncoder.encode("my-secret/value+1",
        StandardCharsets.UTF_8) + ", base64 " + b64 + ", prod prod-token-0123456789, app app-id-12"))
        .isEqualTo("secret ***, encoded ***, base64 ***, prod ***, app app-id-12");
  }

  @Test
  void shapesOfCredentialsAreMaskedWhereverSomethingIsPrinted() {
    Secrets s = new Secrets();

    assertThat(s.mask("token " + JWT + ", Authorization: Bearer abc.def-123 body "
        + "client_secret=xyz&refresh_token=rt123&scope=s, https://user:hunter2@example.com/path"))
        .isEqualTo("token ***, Authorization: Bearer *** body client_secret=***&refresh_token=***&scope=s, "
            + "https://***@example.com/path");
  }

  @Test
  void ordinaryTextThatOnlyLooksAlikeIsLeftAlone() {
    Secrets s = Secrets.forEnvironment(Map.of("AZURE_CLIENT_SECRET", "abc"));

    assertThat(s.mask("the abc of sign-in; Bearer instruments; mailto:adele@contoso.com; "
        + "https://graph.microsoft.com/beta/users/adele@contoso.com/profile; https://git@example.com/r"))
        .isEqualTo("the abc of sign-in; Bearer instruments; mailto:adele@contoso.com; "
            + "https://graph.microsoft.com/beta/users/adele@contoso.com/profile; https://git@example.com/r");
    assertThat(s.mask(null)).isNull();
  }

  @Test
  void filesWithRealValuesKeepSecretValuesButNeverCredentials() {
    Secrets s = new Secrets();
    s.addValue("correct horse battery staple");
    s.addCredential("token-obtained-at-run-time-42");

    String plan = "{\"description\":\"correct horse battery staple\",\"before\":\"token-obtained-at-run-time-42\","
        + "\"jwt\":\"" + JWT + "\"}";

    assertThat(s.maskCredentials(plan))
        .isEqualTo("{\"description\":\"correct horse battery staple\",\"before\":\"***\",\"jwt\":\"" + JWT + "\"}");
    assertThat(s.mask(plan)).isEqualTo("{\"description\":\"***\",\"before\":\"***\",\"jwt\":\"***\"}");
    assertThat(s.valuesIn(plan)).containsExactly("correct horse battery staple");
    assertThat(s.valuesIn("{}")).isEmpty();
  }
}
