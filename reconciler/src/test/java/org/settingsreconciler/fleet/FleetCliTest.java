package org.settingsreconciler.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.SandboxProbe;
import org.settingsreconciler.secrets.InProcessCli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fleet mode: tenant directories as PATHs run the command per tenant, concurrently, with one section each, a summary
 * table and the worst exit code. The fleet here has three tenants on a shared baseline: one in sync, one drifted,
 * and one whose group name does not resolve.
 */
class FleetCliTest {

  static final String PILOT = "11111111-1111-1111-1111-111111111111";
  static final String IN_SYNC_ID = "aaaaaaaa-0000-0000-0000-000000000001";
  static final String DRIFTED_ID = "bbbbbbbb-0000-0000-0000-000000000002";
  static final String BROKEN_ID = "cccccccc-0000-0000-0000-000000000003";

  @TempDir Path dir;
  private Path tenants;

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private Run cli(Map<String, String> env, String... args) {
    InProcessCli.Result result = InProcessCli.run(env, args);
    Run r = new Run(result.exit(), result.out(), result.err());
    assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("this is a bug");
    return r;
  }

  private Run cli(String... args) {
    return cli(Map.of(), args);
  }

  private String[] withTenants(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command));
    for (String t : List.of("in-sync", "drifted", "broken")) {
      args.add(tenants.resolve(t).toString());
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private void tenant(String name, String id, String pilotName, String pronounsInTenant) throws IOException {
    write("tenants/" + name + "/tenant.yaml", """
        tenantId: %s
        bases: [../../baseline]
        variables: {PILOT: %s}
        sandboxSeed: ../../seeds/%s.json
        """.formatted(id, pilotName, name));
    write("seeds/" + name + ".json", """
        {"resources": {
           "copilot.enhancedPersonalization": {"isEnabledInOrganization": true, "disabledForGroup": "%s"},
           "people.pronouns": {"isEnabledInOrganization": %s}},
         "groups": [{"id": "%s", "displayName": "Copilot Pilot"}]}
        """.formatted(PILOT, pronounsInTenant, PILOT));
  }

  @BeforeEach
  void fleet() throws IOException {
    write("baseline/settings.yaml", """
        copilot:
          enhancedPersonalization:
            isEnabledInOrganization: true
            disabledForGroup: {group: "${var:PILOT}"}
        people:
          pronouns:
            isEnabledInOrganization: true
        """);
    tenant("in-sync", IN_SYNC_ID, "Copilot Pilot", "true");
    tenant("drifted", DRIFTED_ID, "Copilot Pilot", "false");
    tenant("broken", BROKEN_ID, "Copilot Pilots", "true");
    tenants = dir.resolve("tenants");
  }

  @ParameterizedTest(name = "--parallel-tenants {0}")
  @ValueSource(ints = {1, 3})
  void threeTenantsOneFailingExitWithTheWorstCodeAfterRunningThemAll(int parallel) {
    Run check = cli(withTenants("check", "--sandbox", "--parallel-tenants", String.valueOf(parallel)));

    assertThat(check.exit()).as(check.toString()).isEqualTo(1);
    String out = check.out();
    assertThat(out.indexOf("=== Tenant in-sync (" + IN_SYNC_ID + ") ==="))
        .isLessThan(out.indexOf("=== Tenant drifted (" + DRIFTED_ID + ") ==="))
        .isLessThan(out.indexOf("=== Tenant broken (" + BROKEN_ID + ") ==="));
    assertThat(section(out, "drifted"))
        .contains("~ isEnabledInOrganization: false -> true    # layer baseline ")
        .contains("Drift: 1 setting differs from the YAML");
    assertThat(section(out, "in-sync")).contains("No drift: the tenant matches the YAML");
    assertThat(check.err())
        .contains("[broken] error: " + dir.resolve("baseline/settings.yaml")
            + ":4:23: copilot.enhancedPersonalization.disabledForGroup: no Entra group is named \"Copilot Pilots\"")
        .doesNotContain("[in-sync] error")
        .doesNotContain("[drifted] error");
    assertThat(out).containsPattern("(?m)^tenant\\s+exit\\s+create\\s+update\\s+delete\\s+actions\\s+unknown$")
        .containsPattern("(?m)^in-sync\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0$")
        .containsPattern("(?m)^drifted\\s+2\\s+0\\s+1\\s+0\\s+0\\s+0$")
        .containsPattern("(?m)^broken\\s+1\\s+-\\s+-\\s+-\\s+-\\s+-$")
        .contains("Exit code 1, the worst of the tenants");
  }

  private static String section(String out, String tenant) {
    int start = out.indexOf("=== Tenant " + tenant + " ");
    int end = out.indexOf("=== ", start + 4);
    return out.substring(start, end);
  }

  /** A malformed target stops the fleet before any tenant runs; one that matches nothing fails every tenant. */
  @Test
  void targetsAreParsedOnceForTheFleetAndMatchedInEachTenant() {
    Run malformed = cli(withTenants("check", "--sandbox", "--target", "people.pro"));
    assertThat(malformed.exit()).isEqualTo(1);
    assertThat(malformed.err()).contains("Invalid value for option '--target' (ADDRESS): people.pro is not an address")
        .doesNotContain("[in-sync]");
    assertThat(malformed.out()).doesNotContain("=== Tenant");

    String inSync = tenants.resolve("in-sync").toString();
    String drifted = tenants.resolve("drifted").toString();
    Run pronouns = cli("check", inSync, drifted, "--sandbox", "--target", "people.pronouns");
    assertThat(pronouns.exit()).as(pronouns.toString()).isEqualTo(2);
    assertThat(section(pronouns.out(), "drifted")).contains("Drift: 1 setting differs from the YAML").contains("people.pronouns")
        .doesNotContain("enhancedPersonalization");

    Run typo = cli("check", inSync, drifted, "--sandbox", "--target", "people.pronouns", "--target",
        "copilot.limitedMode");
    assertThat(typo.exit()).isEqualTo(1);
    assertThat(typo.err())
        .contains("[in-sync] error: --target copilot.limitedMode matches nothing in the desired state")
        .contains("[drifted] error: --target copilot.limitedMode matches nothing in the desired state");
  }

  /** An agent's block is an action, not a create, update or delete: the summary counts it as one. */
  @Test
  void theSummaryCountsActionsAsChanges() throws IOException {
    write("agents/agents/tenant.yaml", "tenantId: dddddddd-0000-0000-0000-000000000004\n");
    write("agents/agents/settings.yaml", """
        copilot:
          agents:
            P_2b8e5f1c-4a7d-4c9e-b3f2-6d1a8e0c5b94:
              isBlocked: true
        """);
    String agents = dir.resolve("agents/agents").toString();

    Run text = cli("plan", agents, tenants.resolve("drifted").toString(), "--sandbox");
    Run markdown = cli("plan", agents, tenants.resolve("drifted").toString(), "--sandbox", "--format", "markdown");
    Run json = cli("plan", agents, tenants.resolve("drifted").toString(), "--sandbox", "--format", "json");

    assertThat(text.out()).as(text.toString()).containsPattern("(?m)^agents\\s+0\\s+0\\s+0\\s+0\\s+1\\s+0$")
        .containsPattern("(?m)^drifted\\s+0\\s+0\\s+1\\s+0\\s+0\\s+0$");
    assertThat(markdown.out()).contains("| `agents` | 0 | 0 | 0 | 0 | 1 | 0 |");
    JsonNode root = JsonMapper.builder().build().readTree(json.out());
    assertThat(root.at("/tenants/0/counts/invoke").asInt()).isEqualTo(1);
    assertThat(root.at("/tenants/1/counts/invoke").asInt()).isZero();
  }

  @Test
  void withoutTheFailingTenantChangesAreTheWorst() {
    Run check = cli("check", tenants.resolve("in-sync").toString(), tenants.resolve("drifted").toString(),
        "--sandbox");
    assertThat(check.exit()).as(check.toString()).isEqualTo(2);
  }

  @Test
  void jsonOutputIsOneDocumentWithEveryTenantsOwnPlan() {
    Run plan = cli(withTenants("plan", "--sandbox", "--format", "json"));
    JsonNode root = JsonMapper.builder().build().readTree(plan.out());
    assertThat(root.get("tenants")).hasSize(3);
    assertThat(root.at("/tenants/1/tenant").asString()).isEqualTo("drifted");
    assertThat(root.at("/tenants/1/result/summary/update").asInt()).isEqualTo(1);
    assertThat(root.at("/tenants/1/result/changes/0/properties/0/layer").asString()).isEqualTo("baseline");
    assertThat(root.at("/tenants/1/counts/update").asInt()).isEqualTo(1);
    assertThat(root.at("/tenants/2/exitCode").asInt()).isEqualTo(1);
    assertThat(root.at("/tenants/2/counts").isNull()).isTrue();
    assertThat(root.at("/summary/exitCode").asInt()).isEqualTo(1);
  }

  @Test
  void markdownOutputHasASectionPerTenantAndASummaryTable() {
    Run plan = cli(withTenants("plan", "--sandbox", "--format", "markdown"));
    assertThat(plan.out())
        .contains("# Tenant drifted (" + DRIFTED_ID + ")\n\n## settings-reconciler plan")
        .contains("| `drifted` | 0 | 0 | 1 | 0 | 0 | 0 |")
        .contains("| `broken` | 1 | - | - | - | - | - |");
  }

  @Test
  void applyToSeveralTenantsNeedsAutoApproveAndFilesNeedTheTenantInTheirName() {
    Run apply = cli(withTenants("apply", "--sandbox"));
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.err()).contains("apply to several tenants needs --auto-approve").doesNotContain("[in-sync]");

    Run out = cli(withTenants("plan", "--sandbox", "--out", dir.resolve("plan.json").toString()));
    assertThat(out.exit()).isEqualTo(1);
    assertThat(out.err()).contains("--out with several tenants needs {tenant} in the file name");

    Run url = cli(withTenants("plan", "--graph-url", "https://graph.microsoft.com/beta"));
    assertThat(url.err()).contains("--graph-url would send every tenant to one Graph");
  }

  @Test
  void applyWithAutoApproveWritesEachTenantAndAPlanAfterwardsIsEmpty() {
    String state = dir.resolve("state/{tenant}.json").toString();
    Run apply = cli("apply", tenants.resolve("in-sync").toString(), tenants.resolve("drifted").toString(),
        "--sandbox", "--sandbox-state", state, "--auto-approve");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(dir.resolve("state/drifted.json")).exists();

    Run plan = cli("plan", tenants.resolve("in-sync").toString(), tenants.resolve("drifted").toString(),
        "--sandbox", "--sandbox-state", state, "--detailed-exitcode", "--out", dir.resolve("plans/{tenant}.json").toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(dir.resolve("plans/drifted.json")).exists();
  }

  @Test
  void applyWritesOneReportPerTenantNamedWithTheTenant() throws IOException {
    String state = dir.resolve("state/{tenant}.json").toString();
    Run shared = cli("apply", tenants.resolve("in-sync").toString(), tenants.resolve("drifted").toString(),
        "--sandbox", "--sandbox-state", state, "--auto-approve", "--report", dir.resolve("apply.json").toString());
    assertThat(shared.exit()).isEqualTo(1);
    assertThat(shared.err()).contains("--report with several tenants needs {tenant} in the file name");

    Run apply = cli("apply", tenants.resolve("in-sync").toString(), tenants.resolve("drifted").toString(),
        "--sandbox", "--sandbox-state", state, "--auto-approve", "--report",
        dir.resolve("reports/apply-{tenant}.json").toString());

    assertThat(apply.exit()).as(apply.toString()).isZero();
    JsonNode drifted = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("reports/apply-drifted.json")));
    assertThat(drifted.at("/tenant/name").asString()).isEqualTo("drifted");
    assertThat(drifted.at("/tenant/id").asString()).isEqualTo(DRIFTED_ID);
    assertThat(drifted.get("result").asString()).isEqualTo("complete");
    assertThat(drifted.at("/counts/applied").asInt()).isEqualTo(1);
    JsonNode inSync = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("reports/apply-in-sync.json")));
    assertThat(inSync.at("/tenant/id").asString()).isEqualTo(IN_SYNC_ID);
    assertThat(inSync.get("result").asString()).isEqualTo("nothing_to_do");
  }

  @Test
  void tenantDirectoriesAndFilesDoNotMix() throws IOException {
    Path file = write("other.yaml", "people: {}\n");
    Run r = cli("validate", tenants.resolve("in-sync").toString(), file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(file + " is not a tenant directory");
  }

  @Test
  void anInvalidTenantFileFailsOnlyThatTenant() throws IOException {
    write("tenants/broken/tenant.yaml", "tenantId: not-a-guid\nbases: [../../baseline]\n");
    Run validate = cli(withTenants("validate"));
    assertThat(validate.exit()).isEqualTo(1);
    assertThat(validate.err()).contains("[broken] error: " + tenants.resolve("broken/tenant.yaml")
        + ":1:11: tenantId: must be an Entra object id");
    assertThat(validate.out()).containsPattern("(?m)^drifted\\s+0\\s");
  }

  @Test
  void aSingleTenantRunsInTheForegroundAndSaysWhichTenantItIs() {
    Run plan = cli("plan", tenants.resolve("drifted").toString(), "--sandbox", "--detailed-exitcode");
    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.err()).startsWith("Tenant drifted (" + DRIFTED_ID + "), layers baseline > drifted.");
    assertThat(plan.out()).doesNotContain("=== Summary");
  }

  // ---- credentials per tenant, against a sandbox reached through graphUrl ----

  private static String jwt(String tenantId) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(("{\"tid\":\"" + tenantId + "\",\"aud\":\"https://graph.microsoft.com\","
            + "\"idtyp\":\"app\",\"roles\":[\"PeopleSettings.ReadWrite.All\",\"Group.Read.All\"],"
            + "\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + "}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }

  @Test
  void eachTenantUsesItsOwnTokenAndATokenForAnotherTenantIsRefused() throws IOException {
    try (GraphSandbox graph = GraphSandbox.start(0, null, JsonMapper.builder().build()
        .readTree(Files.readString(dir.resolve("seeds/drifted.json"))))) {
      SandboxProbe probe = SandboxProbe.on(graph);
      for (String t : List.of("in-sync", "drifted")) {
        Path file = tenants.resolve(t).resolve("tenant.yaml");
        Files.writeString(file, Files.readString(file) + "graphUrl: " + graph.baseUrl() + "\n");
      }
      Files.writeString(tenants.resolve("drifted/tenant.yaml"), Files.readString(tenants.resolve("drifted/tenant.yaml"))
          + "credentials: {RECONCILER_ACCESS_TOKEN: DRIFTED_GRAPH_TOKEN}\n");
      Map<String, String> env = new HashMap<>();
      env.put("RECONCILER_ACCESS_TOKEN", jwt(IN_SYNC_ID));
      env.put("DRIFTED_GRAPH_TOKEN", jwt(IN_SYNC_ID));

      Run plan = cli(env, "plan", tenants.resolve("in-sync").toString(), tenants.resolve("drifted").toString());

      assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
      assertThat(plan.err()).contains("[drifted] error: the access token was issued for tenant " + IN_SYNC_ID
          + ", but tenant.yaml names " + DRIFTED_ID + "; nothing was sent");
      assertThat(plan.out()).containsPattern("(?m)^in-sync\\s+0\\s");
      long requests = probe.requests().size();

      env.put("RECONCILER_ACCESS_TOKEN_DRIFTED", jwt(DRIFTED_ID));
      env.remove("DRIFTED_GRAPH_TOKEN");
      Run missing = cli(env, "plan", tenants.resolve("drifted").toString());
      assertThat(missing.err()).contains("credentials name DRIFTED_GRAPH_TOKEN, which the environment does not set");
      assertThat(probe.requests()).hasSize((int) requests);

      Files.writeString(tenants.resolve("drifted/tenant.yaml"),
          Files.readString(tenants.resolve("drifted/tenant.yaml")).replaceAll("credentials:.*\n", ""));
      Run suffixed = cli(env, "plan", tenants.resolve("drifted").toString(), "--detailed-exitcode");
      assertThat(suffixed.exit()).as("RECONCILER_ACCESS_TOKEN_DRIFTED stands in: " + suffixed).isEqualTo(2);
    }
  }

  @Test
  void aTokenThatNamesNoTenantWhoseOrganizationIsAnotherTenantWritesNothing() throws IOException {
    // The seed names an organization of its own; the token is opaque, so only Graph can tell which tenant it is.
    try (GraphSandbox graph = driftedTenantsGraph(IN_SYNC_ID, "In Sync Inc")) {
      SandboxProbe probe = SandboxProbe.on(graph);
      Path file = tenants.resolve("drifted").resolve("tenant.yaml");
      Files.writeString(file, Files.readString(file) + "graphUrl: " + graph.baseUrl() + "\n");

      Run apply = cli(Map.of("RECONCILER_ACCESS_TOKEN", "an-opaque-token-of-another-tenant"), "apply",
          tenants.resolve("drifted").toString(), "--auto-approve", "--no-verify");

      assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
      assertThat(apply.err()).contains("tenant.yaml of drifted names tenant " + DRIFTED_ID
          + ", but this run signed in to In Sync Inc (" + IN_SYNC_ID + "); nothing was written to the tenant");
      assertThat(probe.requests()).as("only reads: GETs, alone or in batches").isNotEmpty()
          .allSatisfy(r -> assertThat(r.method() + " " + r.path()).matches("GET .*|POST /\\$batch"));
    }
  }

  /** A tenant's secret-looking variable is masked in the fleet's JSON document, as in its own output. */
  @Test
  void aTenantsSecretsAreMaskedInTheFleetsJson() throws IOException {
    Path tenantFile = tenants.resolve("drifted/tenant.yaml");
    Files.writeString(tenantFile, Files.readString(tenantFile)
        .replace("variables: {PILOT: Copilot Pilot}", "variables: {PILOT: Copilot Pilot, API_TOKEN: hunter2hunter2x}"));
    write("tenants/drifted/policy.yaml", """
        copilot:
          policySettings:
            microsoft.copilot.copilotchatpinning: {value: "${var:API_TOKEN}"}
        """);

    Run plan = cli(withTenants("plan", "--sandbox", "--format", "json"));

    assertThat(plan.out()).as(plan.toString()).doesNotContain("hunter2hunter2x").contains("***");
  }

  /** {tenant} in --var and --var-file names the tenant, as in every file option of a fleet. */
  @Test
  void varsAndVarFilesNameEachTenant() throws IOException {
    write("vars/in-sync.yaml", "PILOT: Copilot Pilot\n");
    write("vars/drifted.yaml", "PILOT: Copilot Pilot\n");

    Run plan = cli("plan", tenants.resolve("in-sync").toString(), tenants.resolve("drifted").toString(), "--sandbox",
        "--var-file", dir.resolve("vars/{tenant}.yaml").toString(), "--var", "WHO={tenant}");

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.err()).doesNotContain("no such file");
  }

  /** One tenant directory may name its Graph on the command line: --graph-url wins over tenant.yaml's graphUrl. */
  @Test
  void aGivenGraphUrlWinsOverTenantYamlForOneTenant() throws IOException {
    try (GraphSandbox graph = driftedTenantsGraph(DRIFTED_ID, "Drifted")) {
      SandboxProbe probe = SandboxProbe.on(graph);
      Path file = tenants.resolve("drifted").resolve("tenant.yaml");
      Files.writeString(file, Files.readString(file) + "graphUrl: https://graph.invalid\n");

      Run plan = cli(Map.of("RECONCILER_ACCESS_TOKEN", "an-opaque-token"), "plan",
          tenants.resolve("drifted").toString(), "--graph-url", graph.baseUrl().toString(), "--detailed-exitcode");

      assertThat(plan.exit()).as(plan.toString()).isEqualTo(2);
      assertThat(plan.err()).doesNotContain("graph.invalid");
    }
  }

  /** A saved plan applied to a tenant directory goes to that tenant only, as a fresh plan does. */
  @Test
  void aSavedPlanForATenantDirectoryIsRefusedWhenTheTokenReachesAnotherTenant() throws IOException {
    try (GraphSandbox graph = driftedTenantsGraph(IN_SYNC_ID, "In Sync Inc")) {
      SandboxProbe probe = SandboxProbe.on(graph);
      Path file = tenants.resolve("drifted").resolve("tenant.yaml");
      Files.writeString(file, Files.readString(file) + "graphUrl: " + graph.baseUrl() + "\n");
      Map<String, String> env = Map.of("RECONCILER_ACCESS_TOKEN", "an-opaque-token-of-another-tenant");
      Path saved = dir.resolve("plan.json");
      Run plan = cli(env, "plan", dir.resolve("baseline").toString(), "--var", "PILOT=Copilot Pilot",
          "--graph-url", graph.baseUrl().toString(), "--out", saved.toString());
      assertThat(plan.exit()).as(plan.toString()).isZero();
      probe.clearRequests();

      Run apply = cli(env, "apply", tenants.resolve("drifted").toString(), "--plan", saved.toString());

      assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
      assertThat(apply.err()).contains("tenant.yaml of drifted names tenant " + DRIFTED_ID
          + ", but this run signed in to In Sync Inc (" + IN_SYNC_ID + ")");
      assertThat(probe.requests()).allSatisfy(r -> assertThat(r.method() + " " + r.path()).matches("GET .*|POST /\\$batch"));
    }
  }

  /**
   * A Graph of its own holding the drifted tenant's seed, whose organization (who the tenant says it is) is {@code id}:
   * an opaque token names no tenant, so only this tells the tool which tenant it reached.
   */
  private GraphSandbox driftedTenantsGraph(String id, String name) throws IOException {
    String seed = Files.readString(dir.resolve("seeds/drifted.json")).replaceFirst("\\{",
        "{\"organization\": {\"id\": \"" + id + "\", \"displayName\": \"" + name + "\"},");
    return GraphSandbox.start(0, null, JsonMapper.builder().build().readTree(seed));
  }
}
