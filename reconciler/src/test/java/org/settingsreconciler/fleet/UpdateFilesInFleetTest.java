package org.settingsreconciler.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.secrets.InProcessCli;

/**
 * check --update-files in a tenant built from layers: only the tenant's own literal values are rewritten. A value a
 * shared base layer sets, one written with a variable, and one written as a group name are listed as not updated.
 */
class UpdateFilesInFleetTest {

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void onlyTheTenantsOwnLiteralValuesAreRewritten() throws IOException {
    String baseline = "people:\n  pronouns:\n    isEnabledInOrganization: true\n";
    write("baseline/people.yaml", baseline);
    write("tenants/prod/tenant.yaml", """
        tenantId: 2f6d8a1c-3e70-4b61-8d2e-0c3f4a7eb915
        bases: [../../baseline]
        variables: {PRONUNCIATION: "true"}
        sandboxSeed: seed.json
        """);
    String own = """
        people:
          namePronunciation:
            isEnabledInOrganization: ${var:PRONUNCIATION}
          itemInsights:
            isEnabledInOrganization: true
            disabledForGroup: {group: Opt-out}
        """;
    Path ownFile = write("tenants/prod/settings.yaml", own);
    write("tenants/prod/seed.json", """
        {"resources": {
           "people.pronouns": {"isEnabledInOrganization": false},
           "people.namePronunciation": {"isEnabledInOrganization": false},
           "people.itemInsights": {"isEnabledInOrganization": false,
                                   "disabledForGroup": "22222222-2222-2222-2222-222222222222"}},
         "groups": [{"id": "11111111-1111-1111-1111-111111111111", "displayName": "Opt-out"},
                    {"id": "22222222-2222-2222-2222-222222222222", "displayName": "Someone else"}]}
        """);
    Path state = dir.resolve("state.json");

    InProcessCli.Result run = InProcessCli.run(Map.of(), "check", dir.resolve("tenants/prod").toString(),
        "--sandbox", "--sandbox-state", state.toString(), "--update-files");
    String stderr = run.err();

    assertThat(run.exit()).as(run.out() + stderr).isEqualTo(2);
    assertThat(stderr)
        .contains("people.pronouns: isEnabledInOrganization: set by layer baseline at " + dir.resolve("baseline/people.yaml")
            + ":3:30, which other tenants may share")
        .contains("people.namePronunciation: isEnabledInOrganization: written with a variable (${var:PRONUNCIATION})")
        .contains("people.itemInsights: disabledForGroup: written as the group name \"Opt-out\"")
        .contains("updated 1 file ");
    assertThat(Files.readString(dir.resolve("baseline/people.yaml"))).isEqualTo(baseline);
    assertThat(Files.readString(ownFile)).isEqualTo(own.replace(
        "itemInsights:\n    isEnabledInOrganization: true", "itemInsights:\n    isEnabledInOrganization: false"));
    assertThat(stderr).doesNotContain("The updated files are invalid");
  }
}
