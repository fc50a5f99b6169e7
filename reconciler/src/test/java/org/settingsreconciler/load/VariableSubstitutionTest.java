package org.settingsreconciler.load;

import org.settingsreconciler.secrets.Secrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import tools.jackson.databind.JsonNode;

/** ${env:NAME} and ${var:NAME}: set, unset, typed, quoted, escaped, and checked by the schema after substitution. */
class VariableSubstitutionTest {

  @TempDir Path dir;

  private Path file;

  private DesiredState load(String yaml, Map<String, String> env, Map<String, String> vars) throws Exception {
    file = Files.writeString(dir.resolve("desired.yaml"), yaml);
    return new DesiredStateLoader(new Variables(env, vars, new Secrets())).load(List.of(file));
  }

  private List<String> errors(String yaml, Map<String, String> env, Map<String, String> vars) {
    try {
      load(yaml, env, vars);
    } catch (ConfigException e) {
      return e.errors().stream().map(ConfigError::toString).map(s -> s.replace(file.toString(), "F")).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected errors");
  }

  private static JsonNode property(DesiredState state, String address, String name) {
    DesiredResource r = state.resources().stream().filter(x -> x.address().equals(address)).findFirst().orElseThrow();
    return r.properties().get(name);
  }

  @Test
  void setVariablesAreSubstitutedFromVarsAndTheEnvironment() throws Exception {
    DesiredState s = load("""
        people:
          itemInsights:
            disabledForGroup: {group: "${var:PILOT} (${env:STAGE})"}
        """, Map.of("STAGE", "prod"), Map.of("PILOT", "Copilot Pilot"));
    assertThat(property(s, "people.itemInsights", "disabledForGroup").get("group").asString())
        .isEqualTo("Copilot Pilot (prod)");
  }

  @Test
  void aWholePlainReferenceTakesItsYamlTypeAndAQuotedOneStaysText() throws Exception {
    DesiredState s = load("""
        people:
          pronouns:
            isEnabledInOrganization: ${var:ON}
        copilot:
          policySettings:
            microsoft.copilot.allowwebsearch:
              value: "${var:WEB}"
        """, Map.of(), Map.of("ON", "true", "WEB", "1"));
    assertThat(property(s, "people.pronouns", "isEnabledInOrganization").isBoolean()).isTrue();
    assertThat(property(s, "copilot.policySettings[\"microsoft.copilot.allowwebsearch\"]", "value").asString())
        .isEqualTo("1");
  }

  @Test
  void aPlainNumberWhereTextIsNeededFailsTheSchemaAtTheReference() {
    assertThat(errors("""
        copilot:
          policySettings:
            microsoft.copilot.allowwebsearch:
              value: ${var:WEB}
        """, Map.of(), Map.of("WEB", "1")))
        .singleElement().asString().startsWith(
            "F:4:14: copilot.policySettings[\"microsoft.copilot.allowwebsearch\"].value: "
            + "must be a string");
  }

  @Test
  void aValueOfTheWrongKindIsReportedWhereTheReferenceIsWritten() {
    assertThat(errors("people:\n  pronouns:\n    isEnabledInOrganization: ${var:ON}\n", Map.of(), Map.of("ON", "yes")))
        .containsExactly("F:3:30: people.pronouns.isEnabledInOrganization: must be a boolean, not a string ('yes'; "
            + "YAML 1.2 booleans are true and false)");
  }

  @Test
  void unsetVariablesAreErrorsAtValidateTime() {
    assertThat(errors("""
        people:
          itemInsights:
            disabledForGroup: {group: "${var:PILOT}"}
          pronouns:
            isEnabledInOrganization: ${env:PRONOUNS_ON}
        """, Map.of(), Map.of()))
        .containsExactly(
            "F:3:31: people.itemInsights.disabledForGroup.group: ${var:PILOT} is not set: give --var PILOT=VALUE, a "
                + "--var-file, or variables: in tenant.yaml",
            "F:5:30: people.pronouns.isEnabledInOrganization: ${env:PRONOUNS_ON} is not set: the environment has no "
                + "variable PRONOUNS_ON");
  }

  @Test
  void malformedReferencesAndReferencesInKeysAreErrors() {
    assertThat(errors("""
        users:
          ${var:WHO}@contoso.com:
            interests:
              Chess: {description: "${var:1X} and ${env:OPEN"}
        """, Map.of(), Map.of("WHO", "adele")))
        .anySatisfy(e -> assertThat(e).contains("F:2:3: users[\"${var:WHO}@contoso.com\"]: variables are not substituted in "
            + "keys"))
        .anySatisfy(e -> assertThat(e).contains("${var:1X} is not a valid reference"))
        .anySatisfy(e -> assertThat(e).contains("unterminated variable reference: ${env:OPEN"));
  }

  @Test
  void doubledDollarWritesALiteralAndOtherBracesAreLeftAlone() throws Exception {
    DesiredState s = load("""
        users:
          adele@contoso.com:
            interests:
              Templates:
                description: "costs $${var:X} and ${HOME} and $5"
        """, Map.of(), Map.of());
    assertThat(s.resources().get(0).properties().get("description").asString())
        .isEqualTo("costs ${var:X} and ${HOME} and $5");
  }

  @Test
  void aNullOrEmptyValueFromAWholeReferenceIsNull() throws Exception {
    DesiredState s = load("people:\n  itemInsights:\n    disabledForGroup: ${var:NONE}\n", Map.of(), Map.of("NONE", ""));
    assertThat(property(s, "people.itemInsights", "disabledForGroup").isNull()).isTrue();
  }

  @Test
  void secretLookingValuesAreRegisteredForMaskingWhenUsed() throws Exception {
    Secrets secrets = new Secrets();
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl";
    file = Files.writeString(dir.resolve("d.yaml"),
        "users:\n  a@contoso.com:\n    interests:\n      X: {description: \"${env:LEAK} ${var:PLAIN}\"}\n");
    new DesiredStateLoader(new Variables(Map.of("LEAK", jwt, "UNUSED_SECRET", "zzzzzzzzzzzz"),
        Map.of("PLAIN", "Chelsea Football Club"), secrets)).load(List.of(file));
    assertThat(secrets.mask("see " + jwt + " and Chelsea Football Club and zzzzzzzzzzzz"))
        .isEqualTo("see *** and Chelsea Football Club and zzzzzzzzzzzz");
  }

  @Test
  void withoutVariablesEveryReferenceIsUnset() {
    Path f = dir.resolve("x.yaml");
    assertThatThrownBy(() -> new DesiredStateLoader().load(List.of(Files.writeString(f,
        "people:\n  pronouns:\n    isEnabledInOrganization: ${var:X}\n"))))
        .isInstanceOf(ConfigException.class);
  }
}
