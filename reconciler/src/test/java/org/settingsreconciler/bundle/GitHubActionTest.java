package org.settingsreconciler.bundle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GitHub Action (action.yml, action/run.sh) run as the runner runs it ({@link CompositeActionRunner}), with the
 * files GitHub provides simulated (the job summary, the step's outputs, the event), GitHub's REST API played by
 * WireMock, and the release bundle `package` built: the Markdown report in the summary, the outputs, one pull
 * request comment found again by its marker and edited, nothing posted for other events, and the exit codes that
 * decide the step. Every run checks that the token shows nowhere. Runs after package (tag "bundle").
 */
@Tag("bundle")
class GitHubActionTest {

  private static final String TOKEN = "ghs_actionTestToken0123456789abcdefXYZ";
  private static final String COMMENTS = "/repos/acme/settings/issues/7/comments";
  private static final String FIRST_PAGE = COMMENTS + "?per_page=100&page=1";
  private static final String MARKER = "<!-- settings-reconciler: plan examples/ -->";
  private static final String PULL_REQUEST =
      "{\"action\": \"synchronize\", \"number\": 7, \"pull_request\": {\"number\": 7, \"head\": {\"sha\": \"c0ffee1\"}}}";
  private static final String PUSH = "{\"ref\": \"refs/heads/main\", \"after\": \"c0ffee1\"}";
  private static final String SCHEDULE = "{\"schedule\": \"17 3 * * *\"}";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension
  static WireMockExtension github =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  /** RUNNER_TEMP, one for the class as the runner has one per job: the bundle is unpacked once and reused. */
  @TempDir static Path runnerTemp;

  @TempDir Path dir;

  private static Path bundle;
  private static CompositeActionRunner action;

  @BeforeAll
  static void builtBundle() throws Exception {
    bundle = BuiltBundle.archive();
    action = new CompositeActionRunner();
    // What the script needs beside bash and tar, as GitHub's runners have it (.ci/run installs them).
    for (String tool : List.of("curl", "jq")) {
      assertThat(new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor()).as(tool + " on the PATH")
          .isZero();
    }
  }

  private record Step(int exit, String stdout, Map<String, String> outputs, String summary) {}

  @Test
  void postsTheReportOnAPullRequestOnceThenEditsThatComment() throws Exception {
    github.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(okJson("[{\"id\": 5, \"body\": \"Looks good\"}]")));
    github.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(201).withBody("{\"id\": 1001}")));

    Step first = run(PULL_REQUEST, Map.of());

    assertThat(first.exit()).as(first.stdout()).isZero(); // changes do not fail the step unless asked to
    assertThat(first.outputs()).containsEntry("exit-code", "2").containsEntry("changes", "true");
    assertThat(first.outputs().keySet()).containsAll(action.declaredOutputs().keySet());
    action.declaredOutputs().forEach((name, value) -> assertThat(value).isEqualTo("${{ steps.run.outputs." + name + " }}"));
    assertThat(first.summary()).startsWith("## settings-reconciler plan\n")
        .contains("| 3 | 9 | 0 | 2 | 12 | 0 | 0 |", "<code>copilot.limitedMode</code>");
    assertThat(Path.of(first.outputs().get("markdown-file"))).hasContent(first.summary());
    String comment = MARKER + "\n\n" + first.summary() + "\n<sub>Updated by [run 4242](" + github.baseUrl()
        + "/acme/settings/actions/runs/4242).</sub>\n";
    github.verify(1, postRequestedFor(urlEqualTo(COMMENTS))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withRequestBody(equalToJson(body(comment))));
    github.verify(0, patchRequestedFor(anyUrl()));

    // The next push to the pull request: its run finds the comment the first posted by the marker it starts with
    // (not one that merely quotes the marker) and edits it.
    github.resetAll();
    github.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(okJson(JSON.writeValueAsString(List.of(
        Map.of("id", 5, "body", "Looks good"),
        Map.of("id", 6, "body", "Why does `" + MARKER + "` say 9 changes?"),
        Map.of("id", 1001, "body", comment))))));
    github.stubFor(patch(urlEqualTo("/repos/acme/settings/issues/comments/1001")).willReturn(okJson("{\"id\": 1001}")));

    Step second = run(PULL_REQUEST, Map.of());

    assertThat(second.exit()).as(second.stdout()).isZero();
    github.verify(1, getRequestedFor(urlEqualTo(FIRST_PAGE)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    github.verify(1, patchRequestedFor(urlEqualTo("/repos/acme/settings/issues/comments/1001"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withRequestBody(equalToJson(body(comment))));
    github.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aPushGetsTheReportInTheSummaryAndCommentsNowhere() throws Exception {
    // The bundle as examples/ci/github-actions.yml names it: the one mvn package built, whatever its version.
    Step step = run(PUSH, Map.of("bundle", "reconciler/target/reconciler-*.tar.gz"));

    assertThat(step.exit()).as(step.stdout()).isZero();
    assertThat(step.outputs()).containsEntry("exit-code", "2").containsEntry("changes", "true");
    assertThat(step.summary()).startsWith("## settings-reconciler plan\n").contains("| 3 | 9 | 0 | 2 | 12 | 0 | 0 |");
    assertThat(github.getAllServeEvents()).as("requests to GitHub's API").isEmpty();
  }

  @Test
  void aPlanThatFailsFailsTheStepWithExitCode1AndTheReportSaysWhy() throws Exception {
    Path invalid = Files.writeString(dir.resolve("copilot.yaml"), "copilot:\n  limitedMod:\n    isEnabled: true\n");
    github.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(okJson("[]")));
    github.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(201).withBody("{\"id\": 1002}")));

    Step step = run(PULL_REQUEST, Map.of("paths", invalid.toString()));

    assertThat(step.exit()).isEqualTo(1);
    assertThat(step.outputs()).containsEntry("exit-code", "1").containsEntry("changes", "");
    assertThat(step.summary()).startsWith("## settings-reconciler plan\n")
        .contains("❌ **plan failed (exit code 1).**", "unknown key 'limitedMod'", "nothing was sent to the tenant");
    assertThat(step.stdout()).contains("::error title=settings-reconciler::plan failed (exit code 1)");
    String comment = "<!-- settings-reconciler: plan " + invalid + " -->\n\n" + step.summary()
        + "\n<sub>Updated by [run 4242](" + github.baseUrl() + "/acme/settings/actions/runs/4242).</sub>\n";
    github.verify(1, postRequestedFor(urlEqualTo(COMMENTS)).withRequestBody(equalToJson(body(comment))));
  }

  @Test
  void checkFailsTheStepOnDriftWithExitCode2WhenAskedTo() throws Exception {
    Step step = run(SCHEDULE, Map.of("command", "check", "fail-on-changes", "true"));

    assertThat(step.exit()).isEqualTo(2);
    assertThat(step.outputs()).containsEntry("exit-code", "2").containsEntry("changes", "true");
    assertThat(step.summary()).startsWith("## settings-reconciler check\n");
    assertThat(step.stdout()).contains("::error title=settings-reconciler::drift found (exit code 2)");
  }

  @Test
  void aCommentGitHubRefusesIsAWarningAndLeavesTheStepAsItWas() throws Exception {
    github.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(okJson("[]")));
    github.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(403)
        .withBody("{\"message\": \"Resource not accessible by integration\"}")));

    Step step = run(PULL_REQUEST, Map.of());

    assertThat(step.exit()).isZero();
    assertThat(step.stdout()).contains("::warning title=settings-reconciler::could not comment on pull request #7 "
        + "(HTTP 403: Resource not accessible by integration); the report is in the job summary");
  }

  @Test
  void downloadsABundleGivenAsAVersionFromItsReleaseAndRefusesOneWithAnotherDigest() throws Exception {
    String name = bundle.getFileName().toString();
    String version = name.replaceFirst("^reconciler-(.+)-[a-z]+-[a-z0-9]+\\.tar\\.gz$", "$1");
    // The asset's name is the build's (bundle.sh and the action share platform.sh).
    String asset = "/acme/settings-reconciler/releases/download/v" + version + "/" + name;
    github.stubFor(get(urlEqualTo(asset)).willReturn(aResponse().withBody(Files.readAllBytes(bundle))));
    String digest = sha256(bundle);

    Step step = run(SCHEDULE, Map.of("bundle", version, "release-repository", "acme/settings-reconciler",
        "bundle-sha256", digest.toUpperCase()));

    assertThat(step.exit()).as(step.stdout()).isZero();
    assertThat(step.outputs()).containsEntry("exit-code", "2");
    github.verify(1, getRequestedFor(urlEqualTo(asset)).withoutHeader("Authorization"));

    Step tampered = run(SCHEDULE, Map.of("bundle", version, "release-repository", "acme/settings-reconciler",
        "bundle-sha256", "0".repeat(64)));

    assertThat(tampered.exit()).isEqualTo(1);
    assertThat(tampered.stdout()).contains("its SHA-256 is " + digest + ", not " + "0".repeat(64));
    assertThat(tampered.outputs()).containsEntry("exit-code", "1");
    assertThat(tampered.summary()).as("nothing ran").isEmpty();
  }

  @Test
  void refusesACommandOtherThanPlanOrCheckAndAFormatOtherThanItsOwn() throws Exception {
    Step apply = run(PUSH, Map.of("command", "apply"));

    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.stdout())
        .contains("::error title=settings-reconciler::the input command must be plan or check, not 'apply'");

    Step json = run(PUSH, Map.of("args", "--sandbox --format json"));

    assertThat(json.exit()).isEqualTo(1);
    assertThat(json.stdout()).contains("::error title=settings-reconciler::args: the action sets --format");
    assertThat(json.summary()).isEmpty();
  }

  /** The action run with INPUTS over these defaults: examples/ planned against the sandbox from the built bundle. */
  private Step run(String event, Map<String, String> inputs) throws Exception {
    Path summary = Files.createTempFile(dir, "summary", ".md");
    Path output = Files.createTempFile(dir, "output", ".txt");
    Path eventFile = Files.writeString(Files.createTempFile(dir, "event", ".json"), event);
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", dir.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.put("GITHUB_OUTPUT", output.toString());
    env.put("GITHUB_EVENT_PATH", eventFile.toString());
    env.put("GITHUB_REPOSITORY", "acme/settings");
    env.put("GITHUB_API_URL", github.baseUrl());
    env.put("GITHUB_SERVER_URL", github.baseUrl());
    env.put("GITHUB_RUN_ID", "4242");
    env.put("GITHUB_WORKSPACE", CompositeActionRunner.REPOSITORY.toString());
    env.put("RUNNER_TEMP", runnerTemp.toString());
    Map<String, String> given = new HashMap<>(Map.of("paths", "examples/", "args", "--sandbox", "bundle",
        bundle.toString()));
    given.putAll(inputs);

    CompositeActionRunner.Result result =
        action.run(given, Map.of("token", TOKEN), env, CompositeActionRunner.REPOSITORY);

    String summaryText = Files.readString(summary);
    String outputText = Files.readString(output);
    assertThat(List.of(result.stdout(), result.stderr(), summaryText, outputText))
        .as("what the step printed and wrote").noneMatch(s -> s.contains(TOKEN));
    Map<String, String> outputs = new LinkedHashMap<>();
    outputText.lines().forEach(line -> outputs.put(line.substring(0, line.indexOf('=')),
        line.substring(line.indexOf('=') + 1)));
    return new Step(result.exit(), result.stdout() + result.stderr(), outputs, summaryText);
  }

  private static String body(String comment) {
    return JSON.writeValueAsString(Map.of("body", comment));
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
