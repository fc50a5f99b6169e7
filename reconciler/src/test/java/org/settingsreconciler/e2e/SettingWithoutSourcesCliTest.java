package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A named profile property setting whose YAML gives no prioritizedSourceUrls: v1.0's create page marks the list
 * "Required" (the sandbox refuses a create without it, as the docs say Graph does), so the create sends the list the
 * setting would hold anyway, the Entra ID source alone, and says so in the plan. An update leaves the list alone.
 */
class SettingWithoutSourcesCliTest {

  private static final String ENTRA_ID = "4ce763dd-9214-4eff-af7c-da491cc3782d";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void aCreateWithoutAListSendsTheEntraIdSourceAloneAndReplansEmpty() throws IOException {
    Path state = dir.resolve("tenant.json");
    Files.writeString(state, """
        {"resources": {"people.profilePropertySettings": [
          {"id": "pps-1", "name": "Hobbies", "displayName": "Hobbies", "prioritizedSourceUrls": [
            "https://graph.microsoft.com/v1.0/admin/people/profileSources(sourceId='hr1')"]}]}}
        """);
    Path desired = dir.resolve("desired.yaml");
    Files.writeString(desired, "people:\n  profilePropertySettings:\n    Travel: {}\n    Hobbies: {}\n");

    Run plan = CliRunner.sandbox(state, "plan", desired.toString(), "--format", "json");
    assertThat(plan.exit()).as(plan.toString()).isZero();
    JsonNode changes = JSON.readTree(plan.out()).get("changes");
    assertThat(changes).as("the existing setting's list is left as it is").hasSize(1);
    assertThat(changes.at("/0/address").asString()).isEqualTo("people.profilePropertySettings[\"Travel\"]");
    assertThat(changes.at("/0/body/prioritizedSourceUrls").toString())
        .isEqualTo("[\"https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='" + ENTRA_ID + "')\"]");

    Run apply = CliRunner.sandbox(state, "apply", desired.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("POST /v1.0/admin/people/profilePropertySettings");

    Run again = CliRunner.sandbox(state, "plan", desired.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");
  }
}
