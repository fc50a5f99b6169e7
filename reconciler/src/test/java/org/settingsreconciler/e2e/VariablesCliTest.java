package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/** --var, --var-file and ${env:...} through the CLI; unset variables fail validate; secrets are never printed. */
class VariablesCliTest {

  static final String SECRET = "Xy8Q~k3JdP0aLm7RzT2vWq9NcB5fHs1GyE4uIo6";

  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("desired.yaml"), text);
  }

  @Test
  void varVarFileAndEnvironmentFillThePlanAndVarWins() throws Exception {
    Path desired = yaml("""
        people:
          pronouns:
            isEnabledInOrganization: ${var:PRONOUNS}
          itemInsights:
            disabledForGroup: {group: "${var:OPT_OUT}"}
          namePronunciation:
            isEnabledInOrganization: ${env:PRONUNCIATION}
        """);
    Path vars = Files.writeString(dir.resolve("vars.yaml"), "PRONOUNS: false\nOPT_OUT: People Insights Opt-out\n");

    Run plan = CliRunner.run(Map.of("PRONUNCIATION", "true"), "plan", desired.toString(), "--var-file",
        vars.toString(), "--var", "PRONOUNS=true", "--sandbox");

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .contains("~ isEnabledInOrganization: false -> true    # " + desired + ":3:30")
        .contains("-> \"People Insights Opt-out\" (9b0f5c1e-2d4a-4e6b-8c3f-7a1d2e5b6c90)")
        .contains("~ isEnabledInOrganization: false -> true    # " + desired + ":7:30");
  }

  @Test
  void validateFailsOnAnUnsetVariableWithItsPlace() throws Exception {
    Path desired = yaml("people:\n  pronouns:\n    isEnabledInOrganization: ${var:PRONOUNS}\n");
    Run validate = CliRunner.run(Map.of(), "validate", desired.toString());
    assertThat(validate.exit()).isEqualTo(1);
    assertThat(validate.err()).contains("error: " + desired + ":3:30: people.pronouns.isEnabledInOrganization: "
        + "${var:PRONOUNS} is not set");
  }

  @Test
  void aBadVarOrVarFileIsAnError() throws Exception {
    Path desired = yaml("people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Run badVar = CliRunner.run(Map.of(), "validate", desired.toString(), "--var", "1X=2");
    assertThat(badVar.exit()).isEqualTo(1);
    assertThat(badVar.err()).contains("--var takes NAME=VALUE");

    Path vars = Files.writeString(dir.resolve("vars.yaml"), "GOOD: 1\nLIST: [a, b]\n");
    Run badFile = CliRunner.run(Map.of(), "validate", desired.toString(), "--var-file", vars.toString());
    assertThat(badFile.exit()).isEqualTo(1);
    assertThat(badFile.err()).contains(vars + ":2:7: LIST: a variable's value must be a string, number or boolean");
  }

  @Test
  void aSecretLookingValueIsMaskedInPlansAndErrors() throws Exception {
    Path desired = yaml("""
        users:
          adele.vance@contoso.com:
            interests:
              Chelsea FC:
                description: "leaked: ${env:AZURE_CLIENT_SECRET}"
        """);
    Map<String, String> env = Map.of("AZURE_CLIENT_SECRET", SECRET);
    for (String format : new String[] {"text", "json", "markdown"}) {
      Run plan = CliRunner.run(env, "plan", desired.toString(), "--sandbox", "--format", format);
      assertThat(plan.exit()).as(plan.toString()).isZero();
      assertThat(plan.out() + plan.err()).as(format).doesNotContain(SECRET).contains("leaked: ***");
    }

    Path wrongType = yaml("people:\n  pronouns:\n    isEnabledInOrganization: ${var:API_TOKEN}\n");
    Run error = CliRunner.run(Map.of(), "validate", wrongType.toString(), "--var", "API_TOKEN=" + SECRET);
    assertThat(error.exit()).isEqualTo(1);
    assertThat(error.err()).doesNotContain(SECRET).contains("must be a boolean, not a string ('***'");
  }

  @Test
  void aKeyWritesALiteralDollarBraceAsValuesDoAndAReferenceInAKeyIsStillAnError() throws Exception {
    // An interest Graph holds as "${var:X} club" can be named (export writes it so); its values keep their places.
    Path literal = yaml("""
        users:
          adele.vance@contoso.com:
            interests:
              $${var:X} club:
                description: $${env:HOME}
        """);
    Run plan = CliRunner.run(Map.of(), "plan", literal.toString(), "--sandbox");
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .contains("+ users[\"adele.vance@contoso.com\"].interests[\"${var:X} club\"] will be created")
        .contains("+ description: \"${env:HOME}\"    # " + literal + ":5:22");

    Path reference = yaml("users:\n  adele.vance@contoso.com:\n    interests:\n      ${var:X}: {}\n");
    Run refused = CliRunner.run(Map.of(), "validate", reference.toString(), "--var", "X=chess");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains(reference + ":4:7: users[\"adele.vance@contoso.com\"].interests[\"${var:X}\"]: "
        + "variables are not substituted in keys; write the key out ($${ for a literal ${)");

    Path twice = yaml("users:\n  adele.vance@contoso.com:\n    interests:\n      ${x}: {}\n      $${x}: {}\n");
    Run clash = CliRunner.run(Map.of(), "validate", twice.toString());
    assertThat(clash.exit()).isEqualTo(1);
    assertThat(clash.err()).contains(twice + ":5:7: users[\"adele.vance@contoso.com\"].interests[\"$${x}\"]: reads as the "
        + "key '${x}' ($${ is a literal ${), which this mapping already has");
  }

  @Test
  void helpShowsTheReferenceSyntaxLiterally() {
    Run help = CliRunner.run(Map.of(), "plan", "--help");
    assertThat(help.out()).contains("Set ${var:NAME} in the YAML").contains("Read ${var:NAME} values");
  }
}
