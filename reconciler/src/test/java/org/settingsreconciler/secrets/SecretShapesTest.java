package org.settingsreconciler.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as a secret: by the variable's name, or by the value's shape; never ids, flags or short values. */
class SecretShapesTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
    "ANYTHING|eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl",
    "ANYTHING|Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789",
    "ANYTHING|ghp_abcdefghijklmnopqrstuvwxyz012345",
    "ANYTHING|https://store.blob.core.windows.net/c?sv=2022&sig=abcdef123456",
    "ANYTHING|https://user:hunter22@example.com/path",
    "ANYTHING|-----BEGIN PRIVATE KEY-----MIIEvQIBADANBg",
    "ANYTHING|q8R2fT9vLm4Zx7Kp1Wn3Yb6Hc5Jd0Ge",
    "CLIENT_SECRET|correct horse battery staple",
    "GRAPH_TOKEN|plain words but named a token",
    "DB_PASSWORD|Summer2026!",
  })
  void secrets(String name, String value) {
    assertThat(SecretShapes.looksSecret(name, value)).isTrue();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
    "PILOT_GROUP|Copilot Pilot",
    "GROUP_ID|edbfe4fb-ec70-4300-928f-dbb2ae86c981",
    "API_TOKEN|true",
    "SECRET_COUNT|12345678",
    "SECRET|short",
    "WEB_URL|https://www.chelseafc.com/en/teams/men",
    "SOURCE|https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='contosohr1')",
    "DESCRIPTION|World's greatest football club",
    "POLICY_VALUE|{\"enabled\":true,\"level\":2}",
  })
  void notSecrets(String name, String value) {
    assertThat(SecretShapes.looksSecret(name, value)).isFalse();
  }

  @Test
  void masksAreAppliedLongestFirstAndToJsonEscapedAndMultiLineForms() {
    Secrets s = new Secrets();
    s.addValue("abc\"defghij\nklmnopqrstu");
    assertThat(s.mask("x abc\\\"defghij\\nklmnopqrstu y")).isEqualTo("x *** y");
    assertThat(s.mask("line klmnopqrstu")).isEqualTo("line ***");
  }
}
