package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.cli.Terminal;
import org.settingsreconciler.secrets.FixedTestSecrets;
import org.settingsreconciler.secrets.InProcessCli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every end-to-end test shares: a WireMock "Graph" whose root is {@code /beta} (so every request goes there, as
 * {@code --graph-url .../beta} says), the CLI run in-process with captured streams, YAML written to a temp dir, and
 * stub/verify shorthands that take Graph paths as the descriptors write them, relative to the version. Tests of the
 * root without a version serve {@code /v1.0} too ({@link #serve}) and run with {@link #graphAt}. Every run checks that the token never reaches stdout or stderr and that no stack trace is printed.
 */
final class WireHarness {

  static final String TOKEN = FixedTestSecrets.E2E_TOKEN;
  static final String ROOT = "/beta";
  static final String BATCH = ROOT + "/$batch";

  static final String ENHANCED = "/copilot/settings/people/enhancedPersonalization";
  static final String LIMITED = "/copilot/admin/settings/limitedMode";
  static final String POLICY = "/copilot/admin/policySettings/";
  static final String PINNING = POLICY + "microsoft.copilot.copilotchatpinning";
  static final String WEBSEARCH = POLICY + "microsoft.copilot.allowwebsearch";
  static final String PRONOUNS = "/admin/people/pronouns";
  static final String PRONUNCIATION = "/admin/people/namePronunciation";
  static final String INSIGHTS = "/admin/people/itemInsights";
  static final String PHOTO = "/admin/people/photoUpdateSettings";
  static final String PROPERTY_SETTINGS = "/admin/people/profilePropertySettings";
  static final String CARD = "/admin/people/profileCardProperties";
  static final String SOURCES = "/admin/people/profileSources";
  static final String AGENTS = "/copilot/admin/catalog/packages";
  static final String ADELE = "adele@contoso.com";
  static final String INTERESTS = "/users/" + ADELE + "/profile/interests";

  static final String GROUP_A = "edbfe4fb-ec70-4300-928f-dbb2ae86c981";
  static final String GROUP_B = "4c563cdf-0efa-44c5-a384-dbf57db277df";
  static final String POLICY_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
  static final String ENTRA_URL =
      "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";
  static final String HR_URL = "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='contosohr1')";
  /** The Entra ID profile source, as the docs' list shows it. */
  static final String ENTRA_SOURCE = "{\"id\":\"520c18f8-0284-4d79-9b14-8a2d74461370\","
      + "\"sourceId\":\"4ce763dd-9214-4eff-af7c-da491cc3782d\",\"kind\":\"MSEntra\",\"displayName\":\"Contoso "
      + "Microsoft Entra\",\"webUrl\":\"https://login.microsoftonline.com\",\"localizations\":[]}";
  /** The source {@link #HR_URL} names. */
  static final String HR_SOURCE = "{\"id\":\"27f1af7b-b166-4f5b-b994-ae135a581547\",\"sourceId\":\"contosohr1\","
      + "\"kind\":\"Custom\",\"displayName\":\"Contoso HR\",\"webUrl\":null,\"localizations\":[]}";

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final WireMockExtension wm;
  private final Path dir;

  /** The tenant {@code GET /organization} names, which headings and saved plans carry. */
  static final String TENANT_ID = "0f1e2d3c-4b5a-4969-8877-665544332211";
  static final String TENANT_NAME = "Contoso";
  static final String ORGANIZATION = "/organization?$select=id,displayName";

  /** The settings under the organization object: at the id {@code GET /organization} names. */
  static final String PEOPLE_INSIGHTS = "/organization/" + TENANT_ID + "/settings/peopleInsights";
  static final String CONTACT_INSIGHTS = "/organization/" + TENANT_ID + "/settings/contactInsights";
  static final String APP_DATA_ACCESS = "/organization/" + TENANT_ID + "/settings/microsoftApplicationDataAccess";
  static final String USER_SETTINGS = "/users/" + ADELE + "/settings";
  static final String USER_INSIGHTS = USER_SETTINGS + "/itemInsights";

  /**
   * Also stubs {@code POST /$batch} (Graph's JSON batching, answered from the stubs of the batched requests), the
   * organization, which every plan reads to name its tenant, and the profile sources (the Entra ID source and the
   * one {@link #HR_URL} names), which a plan reads whenever the YAML sets a precedence list; a test's own stub of
   * either replaces the default.
   */
  WireHarness(WireMockExtension wm, Path dir) {
    this.wm = wm;
    this.dir = dir;
    wm.stubFor(post(urlEqualTo(BATCH)).willReturn(aResponse().withTransformers(BatchFanOut.NAME)));
    organization(TENANT_ID, TENANT_NAME);
    list(SOURCES, ENTRA_SOURCE, HR_SOURCE);
  }

  /**
   * Serves a version's root as this one serves {@code /beta}: its {@code $batch} (fanned out to the stubs under it)
   * and the organization. Settings under it are stubbed with their full paths.
   */
  void serve(String version) {
    wm.stubFor(post(urlEqualTo(version + "/$batch")).willReturn(aResponse().withTransformers(BatchFanOut.NAME)));
    wm.stubFor(WireMock.get(urlEqualTo(version + ORGANIZATION)).willReturn(okJson(
        "{\"value\":[{\"id\":\"" + TENANT_ID + "\",\"displayName\":\"" + TENANT_NAME + "\"}]}")));
  }

  /** Runs a command that talks to Graph, pointed at {@code graphUrl} (this WireMock's, with or without a version). */
  Run graphAt(String graphUrl, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--graph-url");
    all.add(graphUrl);
    return run(Terminal.none(), all.toArray(String[]::new));
  }

  /** This WireMock's root without a version. */
  String versionlessUrl() {
    return wm.baseUrl();
  }

  /**
   * A tenant resource's path (relative to the version) as runs against this Graph address it: under the organization
   * object, at the id {@code GET /organization} names.
   */
  static String pathOf(org.settingsreconciler.resource.ResourceDescriptor d) {
    return d.path().replace(org.settingsreconciler.resource.ResourceId.ORGANIZATION, TENANT_ID);
  }

  /** Makes {@code GET /organization} name another tenant (a test's stub replaces the default one). */
  void organization(String id, String displayName) {
    get(ORGANIZATION, "{\"value\":[{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\"}]}");
  }

  /** One WireMock server per test class; a request that no stub matches fails the test. */
  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().extensions(new BatchFanOut(), new EchoingGraph()))
        .failOnUnmatchedRequests(true)
        .build();
  }

  String graphUrl() {
    return wm.baseUrl() + ROOT;
  }

  Path dir() {
    return dir;
  }

  Path yaml(String name, String text) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  // ---- running the CLI ----

  record Run(int exit, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  /** Runs the CLI exactly as given, without a terminal. */
  Run run(String... args) {
    return run(Terminal.none(), args);
  }

  Run run(Terminal terminal, String... args) {
    return run(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), terminal, args);
  }

  /** Runs the CLI exactly as given, with this environment. */
  Run runWith(Map<String, String> env, String... args) {
    return run(env, Terminal.none(), args);
  }

  /** Runs with an empty environment: no token at all. */
  Run runWithoutToken(String... args) {
    return run(Map.of(), Terminal.none(), args);
  }

  private Run run(Map<String, String> env, Terminal terminal, String... args) {
    return run(env, terminal, Clock.systemUTC(), args);
  }

  /**
   * Runs a command that talks to Graph, pointed at WireMock, with {@code env} added to the token and the time the run
   * sees given: what the tool remembers between runs (XDG_CONFIG_HOME) expires by that clock, not the real one.
   */
  Run graph(Map<String, String> env, Clock clock, String... args) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("RECONCILER_ACCESS_TOKEN", TOKEN);
    List<String> withUrl = new ArrayList<>(List.of(args));
    withUrl.add("--graph-url");
    withUrl.add(graphUrl());
    return run(all, Terminal.none(), clock, withUrl.toArray(String[]::new));
  }

  private Run run(Map<String, String> env, Terminal terminal, Clock clock, String... args) {
    InProcessCli.Result result = InProcessCli.run(env, terminal, clock, args);
    Run r = new Run(result.exit(), result.out(), result.err());
    assertThat(r.out() + r.err()).as("output must never show the token").doesNotContain(TOKEN);
    assertThat(r.err())
        .as("no stack trace and no unexpected exception")
        .doesNotContain("\tat ")
        .doesNotContain("this is a bug in settings-reconciler")
        .doesNotContainPattern("\\b(java|javax|tools|org|com)\\.[\\w.$]+(Exception|Error)\\b");
    return r;
  }

  /** Runs a command that talks to Graph, pointed at WireMock. */
  Run graph(String... args) {
    return graph(Terminal.none(), args);
  }

  Run graph(Terminal terminal, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--graph-url");
    all.add(graphUrl());
    return run(terminal, all.toArray(String[]::new));
  }

  /**
   * Writes {@code yaml} as desired.yaml and runs {@code apply --auto-approve --no-verify} on it. The stubs are a
   * fixed tenant that never shows a write, so reading it back would only ever find "not yet visible": tests of the
   * request bodies skip it, and the read-back has tests of its own (ApplyVerifyWireTest).
   */
  Run autoApply(String yaml) {
    return graph("apply", yaml("desired.yaml", yaml).toString(), "--auto-approve", "--no-verify");
  }

  /** Like {@link #autoApply}, with consent to destructive changes (deletes) given. */
  Run autoApplyAllowingDestructive(String yaml) {
    return graph("apply", yaml("desired.yaml", yaml).toString(), "--auto-approve", "--allow-destructive",
        "--no-verify");
  }

  /** A terminal that answers every question with {@code answer} and remembers the prompts. */
  static final class ScriptedTerminal implements Terminal {
    final String answer;
    final List<String> prompts = new ArrayList<>();

    ScriptedTerminal(String answer) {
      this.answer = answer;
    }

    @Override
    public boolean interactive() {
      return true;
    }

    @Override
    public String readLine(String prompt) {
      prompts.add(prompt);
      return answer;
    }
  }

  // ---- stubs ----

  void get(String path, String json) {
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + path)).willReturn(okJson(json)));
  }

  void getAnswers(String path, ResponseDefinitionBuilder response) {
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + path)).willReturn(response));
  }

  /** Graph's error JSON; the request-id goes in the header when {@code inHeader}, else only in innerError. */
  static ResponseDefinitionBuilder graphError(
      int status, String code, String innerCode, String requestId, boolean inHeader) {
    String inner = (innerCode == null ? "" : "\"code\":\"" + innerCode + "\",")
        + "\"request-id\":\"" + requestId + "\",\"date\":\"2026-11-01T10:00:00\"";
    ResponseDefinitionBuilder b = aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"Failure " + code + ".\",\"innerError\":{"
            + inner + "}}}");
    return inHeader ? b.withHeader("request-id", requestId) : b;
  }

  /** PATCH answers 200 with the object, as the docs show. */
  void patchOk(String path) {
    wm.stubFor(patch(urlEqualTo(ROOT + path)).willReturn(okJson("{\"id\":\"patched\"}")));
  }

  void patchAnswers(String path, ResponseDefinitionBuilder response) {
    wm.stubFor(patch(urlEqualTo(ROOT + path)).willReturn(response));
  }

  /** The scenario state of an object after a PATCH to it worked (see {@link #objectShowingPatch}). */
  static final String PATCHED = "patched";

  /**
   * A tenant object that shows writes, as Graph does: it reads as {@code before} until a PATCH to it works, then as
   * {@code after}. Each path is its own WireMock scenario, named by the path. Stubbing the PATCH again (a failure, a
   * second answer) in the same scenario changes only what the PATCH answers.
   */
  void objectShowingPatch(String path, String before, String after) {
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(before)));
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + path)).inScenario(path).whenScenarioStateIs(PATCHED)
        .willReturn(okJson(after)));
    wm.stubFor(patch(urlEqualTo(ROOT + path)).inScenario(path).willSetStateTo(PATCHED)
        .willReturn(okJson("{}")));
  }

  /** From now on, a PATCH to {@code path} gets {@code response} and leaves the object as it was. */
  void patchFailsFromNowOn(String path, ResponseDefinitionBuilder response) {
    wm.stubFor(patch(urlEqualTo(ROOT + path)).inScenario(path).willReturn(response));
  }

  /** From now on, a PATCH to {@code path} works and the object then reads as its {@code after}. */
  void patchWorksFromNowOn(String path) {
    wm.stubFor(patch(urlEqualTo(ROOT + path)).inScenario(path).willSetStateTo(PATCHED).willReturn(okJson("{}")));
  }

  /**
   * A second PATCH to an object set up with {@link #objectShowingPatch} (a rollback) works and puts it back: it then
   * reads as its {@code before} again.
   */
  void secondPatchRestores(String path) {
    wm.stubFor(patch(urlEqualTo(ROOT + path)).inScenario(path).whenScenarioStateIs(PATCHED)
        .willSetStateTo(Scenario.STARTED).willReturn(okJson("{}")));
  }

  /** The PATCHes that reached {@code path}, oldest first, as JSON bodies. */
  List<JsonNode> patchesTo(String path) {
    return wm.findAll(patchRequestedFor(urlEqualTo(ROOT + path))).stream()
        .map(r -> JSON.readTree(r.getBodyAsString())).toList();
  }

  void postCreated(String path) {
    wm.stubFor(post(urlEqualTo(ROOT + path)).willReturn(okJson("{\"id\":\"new-item\"}").withStatus(201)));
  }

  void deleteOk(String path) {
    wm.stubFor(delete(urlEqualTo(ROOT + path)).willReturn(aResponse().withStatus(204)));
  }

  // ---- verification ----

  void verifyPatch(String path, String json) {
    wm.verify(exactly(1), patchRequestedFor(urlEqualTo(ROOT + path)).withRequestBody(equalToJson(json)));
    wm.verify(exactly(1), patchRequestedFor(urlEqualTo(ROOT + path)));
  }

  void verifyPost(String path, String json) {
    wm.verify(exactly(1), postRequestedFor(urlEqualTo(ROOT + path)).withRequestBody(equalToJson(json)));
    wm.verify(exactly(1), postRequestedFor(urlEqualTo(ROOT + path)));
  }

  void verifyDelete(String path) {
    wm.verify(exactly(1), deleteRequestedFor(urlEqualTo(ROOT + path)));
  }

  void verifyNoPatch(String path) {
    wm.verify(exactly(0), patchRequestedFor(urlEqualTo(ROOT + path)));
  }

  void verifyGets(int count, String path) {
    wm.verify(exactly(count), getRequestedFor(path));
  }

  private static RequestPatternBuilder getRequestedFor(String path) {
    return WireMock.getRequestedFor(urlEqualTo(ROOT + path));
  }

  /**
   * Every request received for the settings, oldest first, the requests inside batches included but not the batch
   * envelopes themselves (of any version): what reached Graph, however it was carried. The organization read that names the tenant
   * is left out (every plan makes it; {@link #organizationReads()} counts it).
   */
  List<LoggedRequest> requests() {
    return wm.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(r -> !r.getUrl().endsWith("/$batch") && !r.getUrl().endsWith(ORGANIZATION))
        .toList();
  }

  /** How many times the tenant's organization was read. */
  int organizationReads() {
    return wm.findAll(getRequestedFor(ORGANIZATION)).size();
  }

  /** The {@code POST /$batch} envelopes received. */
  List<LoggedRequest> batches() {
    return wm.findAll(postRequestedFor(urlEqualTo(BATCH)));
  }

  void verifyNoRequests() {
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  /** Only reads reached Graph, and at least one did: nothing was written. */
  void verifyOnlyReads() {
    List<LoggedRequest> all = requests();
    assertThat(all).as("requests").isNotEmpty();
    assertThat(all).allSatisfy(r -> assertThat(r.getMethod().getName()).as(r.getUrl()).isEqualTo("GET"));
  }

  /** Every request carried the token as a bearer token (the batch envelopes too; their items inherit it). */
  void verifyEveryRequestAuthorized() {
    int all = wm.findAll(anyRequestedFor(anyUrl())).size();
    assertThat(requests()).isNotEmpty();
    wm.verify(exactly(all), anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  /** Stubs the tenant's list of a collection as one page. */
  void list(String path, String... items) {
    get(path, "{\"value\":[" + String.join(",", items) + "]}");
  }
}
