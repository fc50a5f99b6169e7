package org.settingsreconciler.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** The pipeline examples in examples/ci/ are valid YAML with the expected shape, and are never read as settings. */
class CiPipelinesTest {

  private static final Path CI = Path.of("..", "examples", "ci");

  private static Map<?, ?> load(String file) throws IOException {
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build();
    Object doc = new Load(settings).loadFromString(Files.readString(CI.resolve(file)));
    assertThat(doc).isInstanceOf(Map.class);
    return (Map<?, ?>) doc;
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
        .contains("--format markdown --out plan.json", "apply --plan plan.json --auto-approve --report apply-report.json",
            "--report check.xml --report check.md --update-files", "mvn -B -ntp -q package -DskipTests",
            "az account get-access-token --resource-type ms-graph", "GITHUB_STEP_SUMMARY")
        .contains("azure/login@", "actions/setup-java@", "marocchino/sticky-pull-request-comment@",
            "actions/upload-artifact@", "mikepenz/action-junit-report@", "peter-evans/create-pull-request@");
    assertThat(usedActions(text)).allSatisfy(a -> assertThat(a).as("pinned to a version").matches(".+@v\\d+"));
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
