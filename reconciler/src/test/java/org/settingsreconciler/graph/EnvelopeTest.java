package org.settingsreconciler.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EnvelopeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static String unwrap(String body) {
    JsonNode n = Envelope.unwrapSingle(JSON.readTree(body));
    return n.toString();
  }

  @Test
  void theDocumentedWrappedShapeIsUnwrapped() {
    assertThat(unwrap("{\"value\":{\"@odata.type\":\"#x\",\"isEnabledInOrganization\":true}}"))
        .isEqualTo("{\"@odata.type\":\"#x\",\"isEnabledInOrganization\":true}");
    assertThat(unwrap("{\"@odata.context\":\"c\",\"value\":{\"a\":1}}")).isEqualTo("{\"a\":1}");
  }

  @Test
  void aBareObjectStaysAsItIs() {
    assertThat(unwrap("{\"isEnabledInOrganization\":true}")).isEqualTo("{\"isEnabledInOrganization\":true}");
  }

  @Test
  void aPolicySettingsStringValueIsNotAnEnvelope() {
    String policy = "{\"id\":\"microsoft.copilot.copilotchatpinning\",\"value\":\"1\",\"policyId\":null}";
    assertThat(unwrap(policy)).isEqualTo(policy);
  }

  @Test
  void anObjectValueBesideOtherPropertiesIsNotAnEnvelope() {
    String body = "{\"id\":\"x\",\"value\":{\"a\":1}}";
    assertThat(unwrap(body)).isEqualTo(body);
  }
}
