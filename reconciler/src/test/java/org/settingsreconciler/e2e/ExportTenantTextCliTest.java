package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * Tenant text that means something to the tool's own YAML: export writes it so that it reads back as itself, so the
 * export validates and plans to no changes (found by the generative round trip, issue 14 item 4). {@code ${...}} is
 * the tool's variable syntax, so a tenant's {@code ${var:X}} is written {@code $${var:X}}, in values, keys and group
 * names alike; text holding NEL, LS or PS is double-quoted, as a literal block loses them; and text from the tenant in
 * the export's header comments (a duplicate's Graph ids, the tenant's name) is written with its control characters
 * escaped, as a comment cannot hold them and stay YAML.
 */
class ExportTenantTextCliTest {

  private static final String ADELE = "adele.vance@contoso.com";

  @TempDir Path tmp;

  @Test
  void textHoldingDollarBraceExportsAsALiteralThatPlansToNoChanges() throws IOException {
    Path state = tenant("""
        {"resources": {
           "copilot.policySettings": {"microsoft.copilot.allowwebsearch": {"value": "${var:PIN}", "policyId": "$${x}"}},
           "people.itemInsights": {"isEnabledInOrganization": true,
                                   "disabledForGroup": "0a1b2c3d-0000-4000-8000-00000000000a"}},
         "groups": [{"id": "0a1b2c3d-0000-4000-8000-00000000000a", "displayName": "${env:HOME} team"}],
         "users": {"%s": {"interests": [
           {"displayName": "${var:X}", "description": "see ${env:HOME} and $${y}"}]}}}
        """.formatted(ADELE));
    Path exported = tmp.resolve("export.yaml");

    Run export = CliRunner.sandbox(state, "export", "--out", exported.toString(), "--user", ADELE, "--group-names");
    assertThat(export.exit()).as(export.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml)
        .contains("value: $${var:PIN}")
        .contains("policyId: $$${x}")
        .contains("group: $${env:HOME} team")
        .contains("$${var:X}:")
        .contains("description: see $${env:HOME} and $$${y}");

    Run validate = CliRunner.run(Map.of(), "validate", exported.toString());
    assertThat(validate.exit()).as(validate + "\n" + yaml).isZero();
    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.exit()).as(plan + "\n" + yaml).isZero();
    assertThat(plan.out()).contains("No changes");
  }

  @Test
  void controlCharactersFromTheTenantInHeaderCommentsAreEscaped() throws IOException {
    // An interest twice, one copy's Graph id holding ESC and NUL; and a tenant name with ESC in it.
    Path state = tenant("""
        {"organization": {"displayName": "Contoso\\u001b[2J"},
         "users": {"%s": {"interests": [
           {"id": "first\\u001b[31m", "displayName": "Travel"},
           {"id": "second\\u0000", "displayName": "travel"}]}}}
        """.formatted(ADELE));
    Path exported = tmp.resolve("export.yaml");

    Run export = CliRunner.sandbox(state, "export", "--out", exported.toString(), "--user", ADELE);
    assertThat(export.exit()).as(export.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml)
        .contains("(ids first\\u001b[31m, second\\u0000;")
        .doesNotContain("\u001b").doesNotContain("\u0000");

    Run validate = CliRunner.run(Map.of(), "validate", exported.toString());
    assertThat(validate.exit()).as(validate + "\n" + yaml).isZero();
    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.exit()).as(plan + "\n" + yaml).isZero();
  }

  @Test
  void textWithANextLineOrLineSeparatorExportsQuotedAndReadsBackWhole() throws IOException {
    // Next to a line break, YAML's literal block (the dumper's choice for such text) lost NEL and LS: the interest
    // came back named "" and its description cut short.
    Path state = tenant("""
        {"users": {"%s": {"interests": [
          {"displayName": "\\n\\u0085", "description": "a\\n\\u2028"},
          {"displayName": "Chess", "description": "\\u2029\\n"}]}}}
        """.formatted(ADELE));
    Path exported = tmp.resolve("export.yaml");

    Run export = CliRunner.sandbox(state, "export", "--out", exported.toString(), "--user", ADELE);
    assertThat(export.exit()).as(export.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml).contains("? \"\\n\\N\"").contains("description: \"a\\n\u2028\"")
        .contains("description: \"\u2029\\n\"");

    Run validate = CliRunner.run(Map.of(), "validate", exported.toString());
    assertThat(validate.exit()).as(validate + "\n" + yaml).isZero();
    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.exit()).as(plan + "\n" + yaml).isZero();
  }

  private Path tenant(String json) throws IOException {
    return Files.writeString(tmp.resolve("tenant.json"), json);
  }
}
