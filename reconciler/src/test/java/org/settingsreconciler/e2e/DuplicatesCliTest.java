package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant holding an interest twice (what two applies over a Graph that shows new items late leave behind): plan,
 * check and export name both copies' Graph ids and how to resolve it, in every format, and never say "No changes";
 * check counts it as drift where the YAML names the interest; with prune, apply deletes exactly the extra copy.
 * The sandbox tenant is the golden case plans/interests-duplicates: Travel twice (the second spelt "travel") and
 * Knitting twice.
 */
class DuplicatesCliTest {

  private static final Path SEED = Path.of("src/test/resources/plans/interests-duplicates/current.json");
  private static final String ADELE = "adele.vance@contoso.com";
  private static final String TRAVEL_1 = "1b7d2e4f-0a3c-4d5e-9f8a-7b6c5d4e3f21";
  private static final String TRAVEL_2 = "3d9f4a6b-2c5e-4f7a-9bac-9d8e7f6a5b43";
  private static final String KNITTING_1 = "2c8e3f5a-1b4d-4e6f-8a9b-8c7d6e5f4a32";
  private static final String KNITTING_2 = "4eaf5b7c-3d6f-4a8b-8cbd-ae9f8a7b6c54";
  private static final String TRAVEL = "users[\"" + ADELE + "\"].interests[\"Travel\"]";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;
  private Path state;

  @BeforeEach
  void tenant() throws IOException {
    state = Files.copy(SEED, tmp.resolve("tenant.json"));
  }

  private Path yaml(String text) throws IOException {
    return Files.writeString(tmp.resolve("desired.yaml"), text);
  }

  private Path travelOnly() throws IOException {
    return yaml("users:\n  " + ADELE + ":\n    interests:\n      Travel:\n        categories: [Leisure]\n");
  }

  private Run sandbox(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--sandbox", "--sandbox-state", state.toString()));
    return CliRunner.run(Map.of(), all.toArray(String[]::new));
  }

  @Test
  void planNamesBothCopiesAndHowToResolveThemInEveryFormatAndNeverSaysNoChanges() throws IOException {
    Path desired = travelOnly();

    Run text = sandbox("plan", desired.toString(), "--detailed-exitcode");
    Run markdown = sandbox("plan", desired.toString(), "--format", "markdown");
    Run json = sandbox("plan", desired.toString(), "--format", "json");

    // Nothing to apply (exit 0 with --detailed-exitcode), but not a word of "no changes".
    assertThat(text.exit()).as(text.toString()).isZero();
    assertThat(text.out())
        .contains("  ! " + TRAVEL + " is in the tenant 2 times (ids " + TRAVEL_1 + ", " + TRAVEL_2
            + "; displayName compared ignoring case)\n")
        .contains("DELETE /beta/users/" + ADELE + "/profile/interests/" + TRAVEL_2 + ") in the Microsoft 365 admin centre")
        .contains("or list users.interests under prune so apply deletes it.")
        .contains("ids " + KNITTING_1 + ", " + KNITTING_2)
        .contains("Plan: 0 to create, 0 to update, 0 to delete, 1 unchanged.\n"
            + "Warning: 2 items are in the tenant more than once (see above); without prune, apply does not remove an "
            + "extra copy.")
        .doesNotContain("No changes");
    assertThat(markdown.out())
        .contains("### ⚠️ In the tenant more than once (2)")
        .contains("- `" + TRAVEL + "` is in the tenant 2 times (ids " + TRAVEL_1 + ", " + TRAVEL_2)
        .contains("**Nothing to apply, but the tenant differs**")
        .doesNotContain("No changes");
    JsonNode plan = JSON.readTree(json.out());
    assertThat(plan.at("/duplicates/0/address").asString()).isEqualTo(TRAVEL);
    assertThat(plan.at("/duplicates/0/ids").toString()).isEqualTo("[\"" + TRAVEL_1 + "\",\"" + TRAVEL_2 + "\"]");
    assertThat(plan.at("/duplicates/0/drift").asBoolean()).isTrue();
    assertThat(plan.at("/duplicates/1/drift").asBoolean()).as("Knitting is not in the YAML").isFalse();
    assertThat(plan.at("/duplicates/0/resolution").asString()).contains("DELETE /beta/users/" + ADELE);
  }

  @Test
  void checkCountsADuplicateOfANamedInterestAsDriftInItsExitCodeAndEveryReport() throws IOException {
    Path xml = tmp.resolve("check.xml");
    Path md = tmp.resolve("check.md");
    Path json = tmp.resolve("check.json");

    Run check = sandbox("check", travelOnly().toString(), "--report", xml.toString(), "--report", md.toString(),
        "--report", json.toString());

    assertThat(check.exit()).as(check.toString()).isEqualTo(2);
    assertThat(check.out()).contains("Drift: 1 setting differs from the YAML:\n  " + TRAVEL
        + " (in the tenant 2 times)");
    assertThat(Files.readString(xml))
        .contains("failures=\"1\"")
        .contains("name=\"" + TRAVEL.replace("\"", "&quot;") + " (duplicate)\"")
        .contains("type=\"duplicate\"")
        .contains(TRAVEL_2);
    assertThat(Files.readString(md)).contains("In the tenant more than once (2)").contains(TRAVEL_2);
    assertThat(JSON.readTree(Files.readString(json)).at("/duplicates/0/ids/1").asString()).isEqualTo(TRAVEL_2);
  }

  @Test
  void aDuplicateTheYamlDoesNotNameIsAWarningButNotDrift() throws IOException {
    Path desired = yaml("users:\n  " + ADELE + ":\n    interests:\n      Chess: {}\n");
    sandbox("apply", desired.toString(), "--auto-approve");

    Run check = sandbox("check", desired.toString());

    // Travel and Knitting are outside what the YAML manages (no prune): shown, not drift.
    assertThat(check.exit()).as(check.toString()).isZero();
    assertThat(check.out()).contains("is in the tenant 2 times").contains(KNITTING_2).doesNotContain("No changes")
        .doesNotContain("Drift:").doesNotContain("the tenant matches").contains("No drift in the ")
        .contains(" checked; see the warnings above.");
  }

  @Test
  void withPruneApplyKeepsTheFirstCopyAndDeletesExactlyTheExtraOne() throws IOException {
    Path desired = yaml("users:\n  " + ADELE + ":\n    interests:\n      Travel:\n        categories: [Leisure]\n"
        + "      Knitting:\n        categories: [Crafts]\nprune: [users.interests]\n");

    Run apply = sandbox("apply", desired.toString(), "--auto-approve", "--allow-destructive");

    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out())
        .contains("apply keeps " + TRAVEL_1 + " (the first Graph lists) and deletes " + TRAVEL_2)
        .contains("Apply complete: 2 applied, 0 failed.");
    assertThat(interestIds()).containsExactly(TRAVEL_1, KNITTING_1);
    Run again = sandbox("plan", desired.toString());
    assertThat(again.out()).contains("No changes.");
  }

  @Test
  void exportWarnsOnStderrAndInTheYamlAndWritesYamlThatValidates() throws IOException {
    Path out = tmp.resolve("exported.yaml");

    Run export = sandbox("export", "--user", ADELE, "--out", out.toString());

    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(export.err())
        .contains("warning: " + TRAVEL + " is in the tenant 2 times (ids " + TRAVEL_1 + ", " + TRAVEL_2)
        .contains("exported once, as " + TRAVEL_1 + " (the first Graph lists). Delete the extra copy (DELETE /beta/users/"
            + ADELE + "/profile/interests/" + TRAVEL_2 + ")");
    String yaml = Files.readString(out);
    assertThat(yaml).contains("# WARNING: " + TRAVEL + " is in the tenant 2 times").contains("Knitting");
    Run validate = CliRunner.run(Map.of(), "validate", out.toString());
    assertThat(validate.exit()).as(validate.toString()).isZero();
  }

  private List<String> interestIds() throws IOException {
    List<String> ids = new ArrayList<>();
    JSON.readTree(Files.readString(state)).at("/users/" + ADELE + "/interests")
        .forEach(i -> ids.add(i.get("id").asString()));
    return ids;
  }
}
