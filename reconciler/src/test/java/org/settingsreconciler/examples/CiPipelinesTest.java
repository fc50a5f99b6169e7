package org.settingsreconciler.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.secrets.InProcessCli;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The pipeline examples in examples/ci/ are valid YAML with the expected shape, use the action (action.yml) with the
 * inputs it declares, and are never read as settings.
 */
class CiPipelinesTest {

  private static final Path CI = Path.of("..", "examples", "ci");

  private static Map<?, ?> load(String file) throws IOException {
    return load(CI.resolve(file));
  }

  private static Map<?, ?> load(Path file) throws IOException {
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build();
    Object doc = new Load(settings).loadFromString(Files.readString(file));
    assertThat(doc).isInstanceOf(Map.class);
    return (Map<?, ?>) doc;
  }

  /** The one step of JOB that runs the settings-reconciler action. */
  private static Map<?, ?> actionStep(Object job) {
    List<Map<?, ?>> steps = new ArrayList<>();
    for (Object step : (List<?>) ((Map<?, ?>) job).get("steps")) {
      if (String.valueOf(((Map<?, ?>) step).get("uses")).matches("\\./|.+/settings-reconciler@.+")) {
        steps.add((Map<?, ?>) step);
      }
    }
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  /** A step's inputs ({@code with}), by name. */
  private static Map<String, Object> with(Map<?, ?> step) {
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<?, ?>) step.get("with")).forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  @Test
  void githubActionsWorkflowHasTheThreeFlows() throws IOException {
    Map<?, ?> workflow = load("github-actions.yml");

    // YAML 1.2: "on" is a string key here, as GitHub reads it.
    assertThat(keys(workflow)).containsExactly("name", "on", "permissions", "env", "jobs");
    assertThat(keys(workflow.get("on"))).contains("pull_request", "push", "schedule");
    assertThat(keys(workflow.get("jobs"))).containsExactly("plan", "apply", "check");
    String text = Files.readString(CI.resolve("github-actions.yml"));
    assertThat(text)
        .contains("apply --plan plan.json --auto-approve --report apply-report.json",
            "mvn -B -ntp -q package -DskipTests", "az account get-access-token --resource-type ms-graph")
        .contains("azure/login@", "actions/setup-java@", "actions/upload-artifact@", "mikepenz/action-junit-report@",
            "peter-evans/create-pull-request@");
    assertThat(usedActions(text)).allSatisfy(a -> assertThat(a).as("this repository's action, or pinned to a version")
        .matches("\\./|.+@v\\d+"));

    // Plan and check are the action of this repository (action.yml), on the bundle the build made.
    Map<?, ?> jobs = (Map<?, ?>) workflow.get("jobs");
    Map<?, ?> plan = actionStep(jobs.get("plan"));
    assertThat(plan.get("uses")).isEqualTo("./");
    assertThat(with(plan)).containsEntry("command", "plan")
        .containsEntry("bundle", "reconciler/target/reconciler-*.tar.gz").containsEntry("args", "--out plan.json");
    Map<?, ?> check = actionStep(jobs.get("check"));
    assertThat(with(check)).containsEntry("command", "check")
        .containsEntry("args", "--report check.xml --update-files").containsEntry("fail-on-changes", false);
    assertThat(text).contains("if: steps.check.outputs.changes == 'true'",
        "body-path: ${{ steps.check.outputs.markdown-file }}");
  }

  /**
   * The examples for a repository of settings run the action from a release, with the bundle of the same release,
   * and no action but actions/checkout beside it.
   */
  @Test
  void theSettingsRepositoryExamplesUseOnlyCheckoutAndTheReleasedAction() throws IOException {
    for (String file : List.of("github-plan.yml", "github-check.yml")) {
      Map<?, ?> workflow = load(file);
      Map<?, ?> job = (Map<?, ?>) ((Map<?, ?>) workflow.get("jobs")).values().iterator().next();
      Map<?, ?> step = actionStep(job);
      Map<String, Object> with = with(step);
      String ref = String.valueOf(step.get("uses"));
      assertThat(ref).as(file).matches(".+/settings-reconciler@v\\d+\\.\\d+\\.\\d+");
      assertThat("v" + with.get("bundle")).as(file + ": the bundle of the action's release")
          .isEqualTo(ref.substring(ref.indexOf('@') + 1));
      assertThat(usedActions(Files.readString(CI.resolve(file)))).as(file)
          .allSatisfy(a -> assertThat(a).matches("actions/checkout@v\\d+|" + Pattern.quote(ref)));
      assertThat(((Map<?, ?>) workflow.get("permissions")).get("id-token")).as(file + ": the tool signs in with OIDC")
          .isEqualTo("write");
    }
    assertThat(with(actionStep(((Map<?, ?>) load("github-check.yml").get("jobs")).get("check"))))
        .containsEntry("command", "check").containsEntry("fail-on-changes", true);
  }

  /** Every use of the action gives only inputs action.yml declares, and every input it requires. */
  @Test
  void everyUseOfTheActionGivesTheInputsActionYmlDeclares() throws IOException {
    Map<?, ?> inputs = (Map<?, ?>) load(CI.resolve("../../action.yml")).get("inputs");
    List<String> required = new ArrayList<>();
    inputs.forEach((name, input) -> {
      if (Boolean.TRUE.equals(((Map<?, ?>) input).get("required"))) {
        required.add(String.valueOf(name));
      }
    });
    assertThat(required).containsExactlyInAnyOrder("paths", "bundle");
    int uses = 0;
    for (String file : List.of("github-actions.yml", "github-plan.yml", "github-check.yml")) {
      for (Object job : ((Map<?, ?>) load(file).get("jobs")).values()) {
        for (Object step : (List<?>) ((Map<?, ?>) job).get("steps")) {
          String action = String.valueOf(((Map<?, ?>) step).get("uses"));
          if (action.equals("./") || action.contains("/settings-reconciler@")) {
            uses++;
            Map<String, Object> with = with((Map<?, ?>) step);
            assertThat(keys(inputs)).as(file).containsAll(with.keySet());
            assertThat(with.keySet()).as(file).containsAll(required);
          }
        }
      }
    }
    assertThat(uses).isEqualTo(4);
  }

  @Test
  void azurePipelineHasTheThreeFlows() throws IOException {
    Map<?, ?> pipeline = load("azure-pipelines.yml");

    assertThat(keys(pipeline)).containsExactly("trigger", "pr", "schedules", "variables", "pool", "stages");
    List<Object> stages = new ArrayList<>();
    for (Object stage : (List<?>) pipeline.get("stages")) {
      stages.add(((Map<?, ?>) stage).get("stage"));
    }
    assertThat(stages).containsExactly("plan", "apply", "check");
    String text = Files.readString(CI.resolve("azure-pipelines.yml"));
    assertThat(text)
        .contains("--format markdown --out", "apply --plan plan.json --auto-approve --report apply-report.json",
            "--update-files",
            "PublishTestResults@2", "DownloadPipelineArtifact@2", "az repos pr create",
            "az account get-access-token --resource-type ms-graph");
  }

  /**
   * Two applies at once against one tenant create every new item twice (Graph lists new items late; POST is not
   * idempotent), so every example serializes its applies per tenant, waiting rather than cancelling.
   */
  @Test
  void everyPipelineRunsOneApplyAtATimePerTenant() throws IOException {
    Map<?, ?> jobs = (Map<?, ?>) load("github-actions.yml").get("jobs");
    Map<?, ?> apply = (Map<?, ?>) ((Map<?, ?>) jobs.get("apply")).get("concurrency");
    Map<?, ?> check = (Map<?, ?>) ((Map<?, ?>) jobs.get("check")).get("concurrency");
    assertThat(apply.get("group")).isEqualTo("settings-reconciler-tenant-${{ vars.AZURE_TENANT_ID }}");
    assertThat(apply.get("cancel-in-progress")).isEqualTo(false);
    assertThat(check).isEqualTo(apply);
    Map<?, ?> nightly = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) load("github-check.yml").get("jobs")).get("check"))
        .get("concurrency");
    assertThat(nightly).as("github-check.yml waits for the applies of other workflows").isEqualTo(apply);

    Map<?, ?> fleet = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) load("github-actions-fleet-matrix.yml").get("jobs"))
        .get("reconcile")).get("concurrency");
    assertThat(fleet.get("group")).isEqualTo("settings-reconciler-tenant-${{ matrix.tenant }}");
    assertThat(fleet.get("cancel-in-progress")).isEqualTo(false);

    Map<?, ?> applyStage = ((List<?>) load("azure-pipelines.yml").get("stages")).stream()
        .map(st -> (Map<?, ?>) st).filter(st -> "apply".equals(st.get("stage"))).findFirst().orElseThrow();
    assertThat(applyStage.get("lockBehavior")).isEqualTo("sequential");
    assertThat(Files.readString(CI.resolve("azure-pipelines.yml"))).contains("Add an Exclusive Lock check");
  }

  @Test
  void theDirectoryLoaderNeverReadsTheCiFilesAsSettings() {
    List<Path> files = DesiredStateLoader.expand(List.of(Path.of("..", "examples")), new ArrayList<ConfigError>());

    assertThat(files).isNotEmpty().noneMatch(p -> p.toString().contains("ci"));
  }

  @Test
  void theOptionsThePipelinesUseFromThisBranchExist() {
    // Each run fails for want of input, but none of them for an unknown option.
    assertThat(run("check", "--update-files", "--sandbox")).contains("no desired-state files given");
    assertThat(run("plan", "--out", "plan.json", "--detailed-exitcode", "--sandbox"))
        .contains("no desired-state files given");
    assertThat(run("apply", "--plan", "no-such-plan.json", "--auto-approve", "--allow-destructive", "--sandbox"))
        .contains("cannot read the plan");
    assertThat(run("apply", "--plan", "no-such-plan.json", "--auto-approve", "--report", "apply-report.json",
        "--sandbox")).contains("cannot read the plan");
    assertThat(run("check", "--no-such-option")).contains("Unknown option");
    assertThat(run("apply", "--recreate-pending", "--auto-approve", "--sandbox"))
        .contains("no desired-state files given");
  }

  private static List<String> keys(Object map) {
    List<String> out = new ArrayList<>();
    ((Map<?, ?>) map).keySet().forEach(k -> out.add(String.valueOf(k)));
    return out;
  }

  private static List<String> usedActions(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("uses: (\\S+)").matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String run(String... args) {
    InProcessCli.Result r = InProcessCli.run(Map.of(), args);
    return r.out() + r.err();
  }
}
