package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * A precedence list names profile sources by URL under any Graph version, so lists are compared by the sources they
 * name, in order: the tenant's beta URLs are the YAML's v1.0 ones.
 */
class SourceUrlVersionsCliTest {

  private static final String BETA = "https://graph.microsoft.com/beta/admin/people/profileSources";
  private static final String V1 = "https://graph.microsoft.com/v1.0/admin/people/profileSources";
  private static final String ENTRA = "(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";
  private static final String HR = "(sourceId='contosohr1')";

  @TempDir Path dir;
  Path state;

  @BeforeEach
  void tenantHoldsBetaUrls() throws IOException {
    state = Files.writeString(dir.resolve("tenant.json"), """
        {"resources": {
          "people.profileSources": [
            {"id": "s-1", "sourceId": "contosohr1", "kind": "Custom", "displayName": "Contoso HR",
             "webUrl": null, "localizations": []}],
          "people.profilePropertySettings": [
            {"id": "pps-1", "name": "skills", "displayName": "skills",
             "prioritizedSourceUrls": ["%s%s", "%s%s"]}]}}
        """.formatted(BETA, HR, BETA, ENTRA));
  }

  private Path desired(String... urls) throws IOException {
    return Files.writeString(dir.resolve("people.yaml"), "people:\n  profilePropertySettings:\n    skills:\n"
        + "      prioritizedSourceUrls: [\"" + String.join("\", \"", urls) + "\"]\n");
  }

  @Test
  void theSameSourcesInTheSameOrderUnderAnotherVersionAreNoChange() throws IOException {
    Run withEntra = CliRunner.sandbox(state, "plan", desired(V1 + HR, V1 + ENTRA).toString(), "--detailed-exitcode");
    assertThat(withEntra.exit()).as(withEntra.toString()).isZero();
    assertThat(withEntra.out()).contains("No changes");

    Run appended = CliRunner.sandbox(state, "plan", desired(V1 + HR).toString(), "--detailed-exitcode");
    assertThat(appended.exit()).as("Graph appends the Entra ID source: " + appended).isZero();
  }

  @Test
  void orderStillCounts() throws IOException {
    Run plan = CliRunner.sandbox(state, "plan", desired(V1 + ENTRA, V1 + HR).toString(), "--detailed-exitcode");

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("~ people.profilePropertySettings[\"skills\"] will be updated");
  }

  @Test
  void theNoteShowsTheListTheTenantHoldsAfterApply() throws IOException {
    // A new list without the Entra ID source: the write goes to v1.0, so Graph appends the source under /v1.0.
    Path yaml = Files.writeString(dir.resolve("travel.yaml"), "people:\n  profilePropertySettings:\n    travel:\n      prioritizedSourceUrls: [\""
        + BETA + HR + "\"]\n");

    Run plan = CliRunner.sandbox(state, "plan", yaml.toString());
    Run apply = CliRunner.sandbox(state, "apply", yaml.toString(), "--auto-approve");

    String held = "[\"" + BETA + HR + "\",\"" + V1 + ENTRA + "\"]";
    assertThat(plan.out()).as(plan.toString()).contains("after apply: " + held);
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(Files.readString(state).replaceAll("\\s", "")).contains("\"prioritizedSourceUrls\":" + held);
  }
}
