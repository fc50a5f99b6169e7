package org.settingsreconciler.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scheduled job's story on the shipped examples: the tenant matches the YAML, someone changes settings in the
 * portal, {@code check --update-files} exits 2 and rewrites exactly the lines of those settings, and the next check
 * exits 0.
 */
class UpdateFilesEndToEndTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private Path settings;
  private Path tenant;

  @BeforeEach
  void tenantMatchesTheExamples() throws IOException {
    settings = Files.createDirectories(dir.resolve("settings"));
    try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
      for (Path p : examples.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(p, settings.resolve(p.getFileName()));
      }
    }
    tenant = dir.resolve("tenant.json");
    CliRun apply = run("apply", settings.toString(), "--auto-approve", "--allow-destructive");
    assertThat(apply.exit()).as("%s", apply).isZero();
    assertThat(run("check", settings.toString()).exit()).isZero();
  }

  @Test
  void acceptsPortalChangesLineByLineAndTheNextCheckPasses() throws IOException {
    Map<String, List<String>> before = snapshot();
    ObjectNode state = (ObjectNode) JSON.readTree(tenant.toFile());
    ObjectNode resources = (ObjectNode) state.get("resources");
    ((ObjectNode) resources.get("people.pronouns")).put("isEnabledInOrganization", false);
    ((ObjectNode) resources.at("/copilot.policySettings/microsoft.copilot.allowwebsearch")).put("value", "0");
    ((ArrayNode) resources.at("/people.photoUpdateSettings/allowedRoles")).add("f28a1f50-f6e7-4571-818b-6a12f2af6b6c");
    ArrayNode cards = (ArrayNode) resources.get("people.profileCardProperties");
    for (int i = 0; i < cards.size(); i++) {
      if (cards.get(i).get("directoryPropertyName").asString().equals("CustomAttribute2")) {
        cards.remove(i);
      }
    }
    for (JsonNode interest : state.at("/users/adele.vance@contoso.com/interests")) {
      if (interest.get("displayName").asString().equals("Chelsea FC")) {
        ((ObjectNode) interest).put("description", "The Blues: #1");
        ((ObjectNode) interest).putArray("categories").add("Football").add("Sports").add("Soccer");
      }
    }
    JSON.writeValue(tenant.toFile(), state);

    CliRun check = run("check", settings.toString(), "--update-files");

    assertThat(check.exit()).as("%s", check).isEqualTo(2);
    assertThat(check.err()).contains("people.pronouns: isEnabledInOrganization", "The exit code is still 2");
    Map<String, List<String>> diff = diff(before, snapshot());
    assertThat(diff).containsOnlyKeys("copilot.yaml", "people.yaml", "users.yaml");
    assertThat(diff.get("copilot.yaml")).containsExactly("-      value: \"1\"", "+      value: \"0\"");
    assertThat(diff.get("people.yaml"))
        .containsExactly(
            "-    isEnabledInOrganization: true",
            "+    isEnabledInOrganization: false",
            "+      - f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
            "-    CustomAttribute2:",
            "-      annotations:",
            "-        - displayName: Department code");
    assertThat(diff.get("users.yaml"))
        .containsExactly(
            "-        categories: [Sports, Football]",
            "-        description: World's greatest football club",
            "+        categories: [Sports, Football, Soccer]",
            "+        description: \"The Blues: #1\"");

    CliRun recheck = run("check", settings.toString());
    assertThat(recheck.exit()).as("%s", recheck).isZero();
  }

  /**
   * The organization's settings, and a user's item insights nested in their settings: each drifted value is written
   * back where the YAML has it, under its own object.
   */
  @Test
  void driftInTheOrganizationsAndAUsersNestedSettingsIsWrittenWhereTheYamlHasIt() throws IOException {
    Map<String, List<String>> before = snapshot();
    ObjectNode state = (ObjectNode) JSON.readTree(tenant.toFile());
    ((ObjectNode) state.at("/resources/organization.contactInsights")).put("isEnabledInOrganization", false);
    ((ObjectNode) state.at("/users/adele.vance@contoso.com/settings.itemInsights")).put("isEnabled", false);
    JSON.writeValue(tenant.toFile(), state);

    CliRun check = run("check", settings.toString(), "--update-files");

    assertThat(check.exit()).as("%s", check).isEqualTo(2);
    Map<String, List<String>> diff = diff(before, snapshot());
    assertThat(diff).containsOnlyKeys("organization.yaml", "users.yaml");
    assertThat(diff.get("organization.yaml"))
        .containsExactly("-    isEnabledInOrganization: true", "+    isEnabledInOrganization: false");
    assertThat(Files.readString(settings.resolve("organization.yaml")))
        .contains("contactInsights:\n    isEnabledInOrganization: false\n");
    assertThat(diff.get("users.yaml")).containsExactly("-        isEnabled: true", "+        isEnabled: false");
    CliRun recheck = run("check", settings.toString());
    assertThat(recheck.exit()).as("%s", recheck).isZero();
  }

  @Test
  void aTenantValueHoldingDollarBraceIsWrittenAsALiteralAndTheNextCheckPasses() throws IOException {
    // ${...} in YAML is a variable: the tenant's text must be written $${...} to read back as itself.
    Map<String, List<String>> before = snapshot();
    ObjectNode state = (ObjectNode) JSON.readTree(tenant.toFile());
    for (JsonNode interest : state.at("/users/adele.vance@contoso.com/interests")) {
      if (interest.get("displayName").asString().equals("Chelsea FC")) {
        ((ObjectNode) interest).put("description", "see ${env:HOME}");
        ((ObjectNode) interest).putArray("categories").add("Sports").add("Football").add("${var:X}");
      }
    }
    JSON.writeValue(tenant.toFile(), state);

    CliRun check = run("check", settings.toString(), "--update-files");

    assertThat(check.exit()).as("%s", check).isEqualTo(2);
    assertThat(check.err()).doesNotContain("left unchanged");
    assertThat(diff(before, snapshot()).get("users.yaml"))
        .containsExactly(
            "-        categories: [Sports, Football]",
            "-        description: World's greatest football club",
            "+        categories: [Sports, Football, \"$${var:X}\"]",
            "+        description: see $${env:HOME}");
    CliRun recheck = run("check", settings.toString());
    assertThat(recheck.exit()).as("%s", recheck).isZero();
  }

  @Test
  void anItemWhoseKeyHoldsDollarBraceIsLeftToBeEditedByHandAndTheFilesStayValid() throws IOException {
    Files.writeString(settings.resolve("users.yaml"), "prune: [users.interests]\n", StandardOpenOption.APPEND);
    ObjectNode state = (ObjectNode) JSON.readTree(tenant.toFile());
    ((ArrayNode) state.at("/users/adele.vance@contoso.com/interests")).addObject()
        .put("id", "f00d0000-0000-4000-8000-000000000001").put("displayName", "${var:X} club");
    JSON.writeValue(tenant.toFile(), state);
    Map<String, List<String>> before = snapshot();

    CliRun check = run("check", settings.toString(), "--update-files");

    assertThat(check.exit()).as("%s", check).isEqualTo(2);
    assertThat(check.err()).contains("users[\"adele.vance@contoso.com\"].interests[\"${var:X} club\"]: its key holds "
        + "${, which a file may write as $${; edit it by hand");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(CliRun.of("validate", settings.toString()).exit()).isZero();
  }

  @Test
  void jsonOutputStaysJsonAndInSyncWritesNothing() throws IOException {
    Map<String, List<String>> before = snapshot();
    CliRun inSync = run("check", settings.toString(), "--format", "json", "--update-files");
    assertThat(inSync.exit()).isZero();
    assertThat(snapshot()).isEqualTo(before);

    ObjectNode state = (ObjectNode) JSON.readTree(tenant.toFile());
    ((ObjectNode) state.at("/resources/people.namePronunciation")).put("isEnabledInOrganization", true);
    JSON.writeValue(tenant.toFile(), state);
    CliRun drift = run("check", settings.toString(), "--format", "json", "--update-files");

    assertThat(drift.exit()).isEqualTo(2);
    assertThat(JSON.readTree(drift.out()).at("/summary/update").asInt()).isEqualTo(1);
    assertThat(drift.err()).contains("people.namePronunciation: isEnabledInOrganization");
    assertThat(diff(before, snapshot()).get("people.yaml"))
        .containsExactly("-    isEnabledInOrganization: false", "+    isEnabledInOrganization: true");
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--sandbox", "--sandbox-state", tenant.toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  private Map<String, List<String>> snapshot() throws IOException {
    Map<String, List<String>> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(settings)) {
      for (Path p : list.sorted().toList()) {
        files.put(p.getFileName().toString(), Files.readAllLines(p));
      }
    }
    return files;
  }

  /** Like {@code git diff} without context: per changed file, the removed lines (-) then the added ones (+). */
  private static Map<String, List<String>> diff(Map<String, List<String>> a, Map<String, List<String>> b) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    a.forEach((file, lines) -> {
      List<String> changes = new ArrayList<>();
      for (AbstractDelta<String> d : DiffUtils.diff(lines, b.get(file)).getDeltas()) {
        d.getSource().getLines().forEach(l -> changes.add("-" + l));
        d.getTarget().getLines().forEach(l -> changes.add("+" + l));
      }
      if (!changes.isEmpty()) {
        out.put(file, changes);
      }
    });
    return out;
  }
}
