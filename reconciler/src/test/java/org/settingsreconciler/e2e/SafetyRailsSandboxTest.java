package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.sandbox.GraphSandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each safety rail through the CLI against the sandbox: it refuses and sends nothing, then the consent flag lets
 * the same apply through. The sandbox state file shows whether anything was written.
 */
class SafetyRailsSandboxTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Run cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--sandbox", "--sandbox-state", tmp.resolve("tenant.json").toString()));
    CliRunner.Run r = CliRunner.run(Map.of(), all.toArray(String[]::new));
    return new Run(r.exit(), r.out(), r.err());
  }

  private String yaml(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  /** The sandbox tenant as the state file holds it. */
  private JsonNode tenant() throws Exception {
    return JSON.readTree(Files.readString(tmp.resolve("tenant.json")));
  }

  /** The tenant a sandbox starts with, before anything is applied. */
  private static JsonNode untouched() throws Exception {
    try (GraphSandbox fresh = GraphSandbox.start(0, null, null)) {
      return fresh.snapshot();
    }
  }

  @Test
  void turningPersonalizationOffNeedsAllowDestructive() throws Exception {
    String off = yaml("off.yaml", "copilot:\n  enhancedPersonalization:\n    isEnabledInOrganization: false\n");
    Run plan = cli("plan", off);
    assertThat(plan.out()).as(plan.toString())
        .contains("! DESTRUCTIVE: turning enhanced personalization off deletes every user's personalized data");
    assertThat(tmp.resolve("tenant.json")).as("plan never writes the sandbox state").doesNotExist();

    Run refused = cli("apply", off, "--auto-approve");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("copilot.enhancedPersonalization is destructive").contains("nothing was applied");
    assertThat(tenant()).isEqualTo(untouched());

    Run allowed = cli("apply", off, "--auto-approve", "--allow-destructive");
    assertThat(allowed.code()).as(allowed.toString()).isZero();
    assertThat(cli("plan", off, "--detailed-exitcode").code()).isZero();
  }

  @Test
  void moreDeletesThanTheThresholdNeedForce() throws Exception {
    String prune = yaml("prune.yaml",
        "users:\n  adele.vance@contoso.com:\n    interests: {}\nprune: [users.interests]\n");
    cli("plan", prune);

    Run refused = cli("apply", prune, "--auto-approve", "--allow-destructive", "--max-deletes", "1");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("the plan deletes 2 items, more than --max-deletes 1").contains("--force");
    assertThat(tenant()).isEqualTo(untouched());

    Run forced = cli("apply", prune, "--auto-approve", "--allow-destructive", "--max-deletes", "1", "--force");
    assertThat(forced.code()).as(forced.toString()).isZero();
    assertThat(forced.out()).contains("Apply complete: 2 applied, 0 failed.");
    assertThat(cli("plan", prune, "--detailed-exitcode").code()).isZero();
  }

  /**
   * A refusal asks only for what was not given: with --allow-destructive passed, nothing may still say apply needs
   * it (the plan's summary used to, whatever the flags); every missing flag is named in the same run.
   */
  @Test
  void everyRefusalNamesExactlyTheFlagsThatWereNotGiven() throws Exception {
    String off = yaml("off.yaml", "copilot:\n  enhancedPersonalization:\n    isEnabledInOrganization: false\n");
    JsonNode before = untouched();

    Run allowedButUnconfirmed = cli("apply", off, "--allow-destructive");
    assertThat(allowedButUnconfirmed.code()).as(allowedButUnconfirmed.toString()).isEqualTo(1);
    assertThat(allowedButUnconfirmed.out() + allowedButUnconfirmed.err())
        .contains("1 destructive change, allowed by --allow-destructive.")
        .contains("Refusing to apply without confirmation: there is no terminal to ask")
        .doesNotContain("needs --allow-destructive")
        .doesNotContain("with --allow-destructive");

    Run neither = cli("apply", off);
    assertThat(neither.code()).isEqualTo(1);
    assertThat(neither.out()).contains("1 destructive change: not allowed, --allow-destructive was not given.");
    assertThat(neither.err())
        .contains("copilot.enhancedPersonalization is destructive")
        .contains("not confirmed: there is no terminal to ask, and --auto-approve was not given")
        .contains("To apply this plan, also give --allow-destructive --auto-approve.");

    String prune = yaml("prune.yaml",
        "users:\n  adele.vance@contoso.com:\n    interests: {}\nprune: [users.interests]\n");
    Run tooMany = cli("apply", prune, "--auto-approve", "--allow-destructive", "--max-deletes", "1");
    assertThat(tooMany.code()).isEqualTo(1);
    assertThat(tooMany.out() + tooMany.err())
        .contains("the plan deletes 2 items, more than --max-deletes 1")
        .contains("To apply this plan, also give --force.")
        .doesNotContain("needs --allow-destructive")
        .doesNotContain("with --allow-destructive")
        .doesNotContain("--auto-approve");
    assertThat(tenant()).isEqualTo(before);
  }

  @Test
  void targetLimitsWhatIsPlannedAndApplied() throws Exception {
    String both = yaml("both.yaml",
        "people:\n  pronouns:\n    isEnabledInOrganization: true\n  namePronunciation:\n    isEnabledInOrganization: true\n");
    Run targeted = cli("apply", both, "--auto-approve", "--target", "people.pronouns");
    assertThat(targeted.code()).as(targeted.toString()).isZero();
    assertThat(targeted.out()).contains("people.pronouns").doesNotContain("people.namePronunciation");

    Run rest = cli("plan", both);
    assertThat(rest.out()).as(rest.toString())
        .contains("~ people.namePronunciation will be updated").doesNotContain("~ people.pronouns");

    Run nothing = cli("plan", both, "--target", "copilot.limitedMode");
    assertThat(nothing.code()).isEqualTo(1);
    assertThat(nothing.err()).contains("--target copilot.limitedMode matches nothing in the desired state. There are: "
        + "people.namePronunciation, people.pronouns.");
  }
}
