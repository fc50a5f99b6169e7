package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;
import org.settingsreconciler.sandbox.Fault;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.secrets.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The examples applied as a new user would, against the sandbox with a fault on one write: the half-failed apply
 * says exactly what happened, the next apply finishes the job, and the plan after it is empty. With
 * --rollback-on-failure, the tenant is put back as it was. The faulty sandbox runs standalone (the faults are set
 * through its API) and keeps the tenant in a state file, which the later runs open with --sandbox --sandbox-state.
 */
class HalfFailedApplySandboxTest {

  /** Maven runs tests in the module directory; the examples sit at the top of the repository. */
  private static final String EXAMPLES = "../examples";
  private static final String PRONOUNS = "/admin/people/pronouns";
  /** The sandbox's root has no version: pronouns and profile card properties go to v1.0, where they exist. */
  private static final String V1 = "/v1.0";

  @TempDir Path tmp;

  /** Runs against a standalone sandbox in which {@code PATCH /admin/people/pronouns} fails once with a 500. */
  private Run againstFaultySandbox(Path state, String... args) throws Exception {
    try (GraphSandbox sandbox = GraphSandbox.start(0, state, null)) {
      sandbox.injectFault(Fault.of("PATCH", PRONOUNS, 500, "generalException", 1));
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--graph-url", sandbox.baseUrl().toString()));
      return CliRunner.run(Map.of("RECONCILER_ACCESS_TOKEN", TestTokens.distinct("half-failed")), all.toArray(String[]::new));
    }
  }

  @Test
  void aHalfFailedApplySaysWhatHappenedAndTheNextApplyFinishesTheJob() throws Exception {
    Path state = tmp.resolve("tenant.json");
    Path report = tmp.resolve("apply.json");

    Run first = againstFaultySandbox(state, "apply", EXAMPLES, "--auto-approve", "--report", report.toString());

    assertThat(first.exit()).as(first.toString()).isEqualTo(1);
    assertThat(first.out())
        .contains("Sending 15 changes, then reading the tenant back to verify:")
        .contains("  FAILED   people.pronouns    PATCH " + V1 + PRONOUNS + "\n"
            + "           HTTP 500 generalException: ")
        .contains("  applied  people.profileCardProperties[\"CustomAttribute2\"]    POST "
            + V1 + "/admin/people/profileCardProperties\n")
        .contains("Apply incomplete: 14 applied, 1 failed.\n"
            + "Run apply again to finish: it reads the tenant again and sends only what still differs, so it retries "
            + "the 1 change that did not apply and does not repeat the 14 that did.\n");
    assertThat(first.out().lines().filter(l -> l.startsWith("  applied  "))).hasSize(14);
    JsonNode json = CliJson.read(report);
    assertThat(json.at("/counts/applied").asInt()).isEqualTo(14);
    assertThat(json.at("/counts/failed").asInt()).isEqualTo(1);
    assertThat(json.at("/tenant/origin").asString()).startsWith("http://127.0.0.1:");

    Run second = CliRunner.sandbox(state, "apply", EXAMPLES, "--auto-approve");

    assertThat(second.exit()).as(second.toString()).isZero();
    assertThat(second.out())
        .contains("Plan: 0 to create, 1 to update, 0 to delete, 25 unchanged.")
        .contains("Sending 1 change, then reading the tenant back to verify:\n"
            + "  applied  people.pronouns    PATCH " + V1 + PRONOUNS + "\n\nApply complete: 1 applied, 0 failed.\n");

    Run third = CliRunner.sandbox(state, "plan", EXAMPLES, "--detailed-exitcode");
    assertThat(third.exit()).as(third.toString()).isZero();
    assertThat(third.out()).contains("No changes.");
  }

  @Test
  void withRollbackOnFailureTheTenantIsPutBackAsItWas() throws Exception {
    Path state = tmp.resolve("tenant.json");
    JsonNode before = planJson(state);

    Run apply = againstFaultySandbox(state, "apply", EXAMPLES, "--auto-approve", "--rollback-on-failure");

    assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out())
        .contains("  FAILED       people.pronouns    PATCH " + V1 + PRONOUNS)
        .contains("Apply incomplete: 0 applied, 1 failed, 14 rolled back.")
        .contains("Rolled back 14 changes to their values before this run.")
        .doesNotContain("ROLLBACK FAILED");
    // The tenant is as it was: the same plan, request for request.
    assertThat(requests(planJson(state))).isEqualTo(requests(before));
  }

  private JsonNode planJson(Path state) {
    Run plan = CliRunner.sandbox(state, "plan", EXAMPLES, "--format", "json");
    assertThat(plan.exit()).as(plan.toString()).isZero();
    return CliJson.parse(plan.out());
  }

  private static List<String> requests(JsonNode plan) {
    List<String> out = new ArrayList<>();
    plan.get("changes").forEach(c -> out.add(c.get("method").asString() + " " + c.get("path").asString() + " "
        + c.get("body") + " before " + c.get("before")));
    return out;
  }

  /** JSON in files and output. */
  private static final class CliJson {
    static JsonNode read(Path file) {
      return WireHarness.JSON.readTree(file.toFile());
    }

    static JsonNode parse(String text) {
      return WireHarness.JSON.readTree(text);
    }
  }
}
