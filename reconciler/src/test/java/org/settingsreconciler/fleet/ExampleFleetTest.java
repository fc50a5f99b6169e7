package org.settingsreconciler.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.secrets.InProcessCli;

/** examples/fleet plans against the sandbox with the one command the README gives, and validates offline. */
class ExampleFleetTest {

  /** Maven runs tests in the module directory; the examples sit at the top of the repository. */
  private static final Path FLEET = Path.of("..", "examples", "fleet");

  private static String[] tenants(String command, String... more) {
    return Stream.concat(
            Stream.concat(Stream.of(command),
                Stream.of("contoso-prod", "contoso-test").map(t -> FLEET.resolve("tenants").resolve(t).toString())),
            Stream.of(more))
        .toArray(String[]::new);
  }

  private static String[] run(String... args) {
    InProcessCli.Result r = InProcessCli.run(Map.of(), args);
    return new String[] {String.valueOf(r.exit()), r.out(), r.err()};
  }

  @Test
  void theReadmeCommandPlansBothTenantsAgainstTheSandbox() {
    String[] r = run(tenants("plan", "--sandbox"));
    assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains("=== Tenant contoso-prod (2f6d8a1c-3e70-4b61-8d2e-0c3f4a7eb915) ===")
        .contains("~ value: \"1\" -> \"0\"    # layer contoso-prod ")
        .contains("(overrides baseline ")
        .contains("-> \"Copilot Pilot (Test)\" (0a7c3e51-8f2d-4b69-9e14-6d5b2c8a7f03)")
        .containsPattern("(?m)^contoso-prod\\s+0\\s+0\\s+2\\s+0\\s+0\\s+0$")
        .containsPattern("(?m)^contoso-test\\s+0\\s+0\\s+3\\s+0\\s+0\\s+0$");
  }

  /**
   * Each tenant's sandbox is a temporary copy of its seed, whose path would say nothing to the reader: the heading
   * names the tenant and the seed it came from instead.
   */
  @Test
  void eachTenantsHeadingNamesTheTenantNotATemporaryFile() {
    for (String command : List.of("plan", "check")) {
      String[] r = run(tenants(command, "--sandbox"));
      String verb = command.equals("plan") ? "Planned" : "Checked";
      assertThat(r[1]).as(command)
          .contains(verb + " against the sandbox tenant Contoso (2f6d8a1c-3e70-4b61-8d2e-0c3f4a7eb915) (the sandbox of "
              + "contoso-prod, from " + FLEET.resolve("sandbox").resolve("contoso-prod.json") + "):")
          .contains("(the sandbox of contoso-test, from ")
          .doesNotContain(System.getProperty("java.io.tmpdir"))
          .doesNotContain("reconciler-fleet");
    }
  }

  @Test
  void theExampleFleetValidatesOffline() {
    String[] r = run(tenants("validate"));
    assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
  }

  @Test
  void everyExampleFileNamesItsSchemaForEditors() throws IOException {
    List<Path> yaml;
    try (Stream<Path> walk = Files.walk(FLEET)) {
      yaml = walk.filter(p -> p.toString().endsWith(".yaml")).toList();
    }
    assertThat(yaml).hasSizeGreaterThanOrEqualTo(7);
    for (Path p : yaml) {
      String name = p.getFileName().toString();
      String schema = name.equals("tenant.yaml") ? "tenant.schema.json"
          : name.equals("layer.yaml") ? "layer.schema.json" : "desired-state.schema.json";
      String text = Files.readString(p);
      String comment = text.lines().filter(l -> l.startsWith("# yaml-language-server: $schema=")).findFirst()
          .orElseThrow(() -> new AssertionError(p + " has no schema comment"));
      Path target = p.getParent().resolve(comment.substring(comment.indexOf('=') + 1)).normalize();
      assertThat(target).as(p.toString()).exists();
      assertThat(target.getFileName().toString()).as(p.toString()).isEqualTo(schema);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theGitHubActionsExampleRunsOneJobPerTenantWithCommandsThatExist() throws IOException {
    Path workflow = Path.of("..", "examples", "ci", "github-actions-fleet-matrix.yml");
    Map<String, Object> doc = (Map<String, Object>) new org.snakeyaml.engine.v2.api.Load(
        org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadFromString(Files.readString(workflow));
    Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) doc.get("jobs")).get("reconcile");
    Map<String, Object> strategy = (Map<String, Object>) job.get("strategy");
    assertThat(strategy.get("fail-fast")).isEqualTo(false);
    assertThat(((Map<String, Object>) strategy.get("matrix")).get("tenant").toString())
        .contains("fromJSON(needs.tenants.outputs.list)");
    List<String> runs = ((List<Map<String, Object>>) job.get("steps")).stream()
        .map(step -> String.valueOf(step.get("run")))
        .filter(run -> run.contains("$RECONCILER "))
        .toList();
    assertThat(runs).hasSize(4);
    for (String run : runs) {
      String command = run.substring(run.indexOf("$RECONCILER ") + "$RECONCILER ".length()).split(" ")[0];
      assertThat(command).isIn("validate", "plan", "apply", "check");
      assertThat(run).contains("\"$TENANT_DIR\"");
    }
  }
}
