package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14, tried as a new user would against a tenant holding values Microsoft's metadata permits but the tool's
 * own wishes do not: {@code export}, then {@code validate} passes and {@code plan} shows no changes; and what the
 * tool writes reads back as written. Each case was a defect found by review (the sandbox seeded with the value).
 */
class HostileTenantRoundTripCliTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  /**
   * directoryPropertyName is a nullable Edm.String: a card property without one, or with a name outside the documented
   * list, is data the YAML cannot name. Export leaves it out with a note instead of failing the whole collection
   * ("could not be read") or writing a key the schema refuses.
   */
  @Test
  void cardPropertiesTheYamlCannotNameAreLeftOutOfTheExportWithANote() throws IOException {
    Path state = seed(resources -> {
      ArrayNode cards = resources.putArray("people.profileCardProperties");
      cards.addObject().put("id", "c1").put("directoryPropertyName", "Alias").put("isVisible", true).putArray("annotations");
      cards.addObject().put("id", "c2").putNull("directoryPropertyName").put("isVisible", false).putArray("annotations");
      cards.addObject().put("id", "c3").put("directoryPropertyName", "").put("isVisible", true).putArray("annotations");
      cards.addObject().put("id", "c4").put("directoryPropertyName", "Department").put("isVisible", true)
          .putArray("annotations");
    });

    String yaml = exportValidatePlanClean(state);

    assertThat(yaml).contains("Alias:").doesNotContain("Department");
  }

  /** profileCardAnnotation.localizations is a nullable collection: a tenant answering null exports YAML that loads. */
  @Test
  void aNullLocalizationsListExportsYamlThatValidatesAndPlansClean() throws IOException {
    Path state = seed(resources -> {
      ObjectNode card = resources.putArray("people.profileCardProperties").addObject()
          .put("id", "c1").put("directoryPropertyName", "CustomAttribute3").put("isVisible", true);
      card.putArray("annotations").addObject().put("displayName", "Badge").putNull("localizations");
    });

    String yaml = exportValidatePlanClean(state);

    assertThat(yaml).contains("localizations: null");
  }

  /**
   * allowedAudiences is a flags enum (isFlags in the metadata): "organization,family" and "family,organization" are one
   * value, and Graph answers its members in its own order, so YAML in another order must not plan a change forever.
   */
  @Test
  void audiencesInAnotherOrderThanGraphAnswersThemAreInSync() throws IOException {
    Path state = seed(resources -> {});
    ObjectNode seed = (ObjectNode) JSON.readTree(state.toFile());
    ObjectNode interest = (ObjectNode) seed.get("users").get("adele.vance@contoso.com").get("interests").get(0);
    interest.put("allowedAudiences", "family,organization");
    JSON.writeValue(state.toFile(), seed);
    Path desired = tmp.resolve("desired.yaml");
    Files.writeString(desired,
        """
        users:
          adele.vance@contoso.com:
            interests:
              Chelsea FC:
                allowedAudiences: organization,family
        """);

    CliRunner.Run plan = CliRunner.run(Map.of(), "plan", "--detailed-exitcode", "--sandbox", "--sandbox-state",
        state.toString(), desired.toString());

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");
  }

  /**
   * Graph matches card property names ignoring case and may answer its own spelling after a write (the sandbox stores
   * the documented one): the read-back finds the item by its name as Graph matches it, so the update is reported
   * applied, not "not yet visible" at a path the tenant "no longer has".
   */
  @Test
  void anUpdateOfACardPropertyGraphRespellsIsVerifiedAsApplied() throws IOException {
    Path state = seed(resources -> resources.putArray("people.profileCardProperties").addObject()
        .put("id", "c1").put("directoryPropertyName", "customattribute2").put("isVisible", false)
        .putArray("annotations"));
    Path desired = tmp.resolve("desired.yaml");
    Files.writeString(desired,
        """
        people:
          profileCardProperties:
            customattribute2:
              isVisible: true
        """);

    CliRunner.Run apply = CliRunner.run(Map.of(), "apply", "--auto-approve", "--verify-wait", "0", "--sandbox",
        "--sandbox-state", state.toString(), desired.toString());

    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete: 1 applied, 0 failed.").doesNotContain("not yet visible");
  }

  /**
   * A profile property setting's name is any string, "sourcePrecedence" too, which YAML spends on the tenant-wide
   * setting (no displayName nor name). The named one is not that setting: it is never matched with it, nor does
   * pruning reset the real tenant-wide setting as a "duplicate" of it.
   */
  @Test
  void aSettingNamedLikeTheTenantWideKeyIsNotTakenForIt() throws IOException {
    Path state = seed(resources -> {
      ArrayNode settings = resources.putArray("people.profilePropertySettings");
      settings.addObject().put("id", "named").put("name", "SourcePrecedence").putNull("displayName")
          .putArray("prioritizedSourceUrls").add("https://contoso.example/named");
      settings.addObject().put("id", "tenant-wide").putNull("name").putNull("displayName")
          .putArray("prioritizedSourceUrls").add("https://contoso.example/hr");
    });
    Path desired = tmp.resolve("desired.yaml");
    Files.writeString(desired,
        """
        people:
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls: ["https://contoso.example/hr"]
        prune:
          - people.profilePropertySettings
        """);

    CliRunner.Run plan = CliRunner.run(Map.of(), "plan", "--detailed-exitcode", "--sandbox", "--sandbox-state",
        state.toString(), desired.toString());

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes").doesNotContain("more than once");
    String yaml = exportValidatePlanClean(state);
    assertThat(yaml).contains("https://contoso.example/hr").doesNotContain("https://contoso.example/named");
  }

  /**
   * Graph matches a setting's displayName ignoring case, so "SourcePrecedence" in YAML would be matched with the
   * tenant-wide setting and renamed into a property-level one: it is an error, naming the key to write.
   */
  @Test
  void theTenantWideKeyInAnotherLetterCaseIsAnError() throws IOException {
    Path desired = tmp.resolve("desired.yaml");
    Files.writeString(desired,
        """
        people:
          profilePropertySettings:
            SourcePrecedence:
              prioritizedSourceUrls: ["https://contoso.example/hr"]
        """);

    CliRunner.Run validate = CliRunner.run(Map.of(), "validate", desired.toString());

    assertThat(validate.exit()).as(validate.toString()).isEqualTo(1);
    assertThat(validate.err()).contains(desired + ":3:5: people.profilePropertySettings[\"SourcePrecedence\"]: "
        + "'SourcePrecedence' is the reserved key 'sourcePrecedence' (the item without a displayName) in another "
        + "letter case: write 'sourcePrecedence'");
  }

  /** Exports the tenant in {@code state}, and holds the promise: the YAML validates and plans to no changes. */
  private String exportValidatePlanClean(Path state) throws IOException {
    Path exported = tmp.resolve("exported.yaml");
    CliRunner.Run export = CliRunner.run(Map.of(), "export", "--sandbox", "--sandbox-state", state.toString(),
        "--out", exported.toString());
    assertThat(export.exit()).as(export.toString()).isZero();
    String yaml = Files.readString(exported);

    CliRunner.Run validate = CliRunner.run(Map.of(), "validate", exported.toString());
    assertThat(validate.exit()).as(validate + "\n--- exported\n" + yaml).isZero();

    CliRunner.Run plan = CliRunner.run(Map.of(), "plan", "--detailed-exitcode", "--sandbox", "--sandbox-state",
        state.toString(), exported.toString());
    assertThat(plan.exit()).as(plan + "\n--- exported\n" + yaml).isZero();
    assertThat(plan.out()).contains("No changes");
    return yaml;
  }

  private interface Edit {
    void apply(ObjectNode resources) throws IOException;
  }

  /** The demo tenant with {@code edit} made to its resources, as a sandbox state file. */
  private Path seed(Edit edit) throws IOException {
    ObjectNode seed = (ObjectNode) JSON.readTree(Path.of("../examples/sandbox/demo-tenant.json").toFile());
    edit.apply((ObjectNode) seed.get("resources"));
    Path state = tmp.resolve("tenant.json");
    JSON.writeValue(state.toFile(), seed);
    return state;
  }
}
