package org.settingsreconciler.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.sandbox.FaultSpec;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.SandboxProbe;
import org.settingsreconciler.secrets.InProcessCli;

/**
 * The tenant of one matrix case: a fresh sandbox (pronouns and name pronunciation both off), with WireMock in front
 * of it for the faults only WireMock can make, and the CLI run in-process against it with a short timeout and
 * small retry caps, so that the whole matrix runs in seconds. Every run is checked for stack traces.
 */
final class MatrixTenant implements AutoCloseable {

  static final String PRONOUNS = "/admin/people/pronouns";
  static final String PRONUNCIATION = "/admin/people/namePronunciation";
  private static final AtomicInteger TENANTS = new AtomicInteger();

  /** What a run printed, and its exit code. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private final FaultRow row;
  /** A token of this case's own: a slow answer still in flight from an earlier case never counts in this one. */
  private final String token = "matrix-token-" + TENANTS.incrementAndGet();
  private final GraphSandbox sandbox;
  private final SandboxProbe probe;
  private final WireMockServer wire;
  private boolean armed;

  /** @param wire the WireMock server of the class, reset here; used only for WireMock's faults */
  MatrixTenant(FaultRow row, WireMockServer wire) {
    this.row = row;
    try {
      this.sandbox = GraphSandbox.start(0, null, GraphSandbox.emptyTenant());
      this.probe = SandboxProbe.on(sandbox);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.wire = row.via == FaultRow.Via.WIREMOCK ? wire : null;
    if (this.wire != null) {
      proxyEverything();
    }
  }

  private void proxyEverything() {
    wire.resetAll();
    wire.stubFor(any(anyUrl()).atPriority(10)
        .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + sandbox.port())));
  }

  /** Arms the row's fault for {@code method} requests to the pronouns setting. */
  void arm(String method) {
    armed = true;
    if (wire == null) {
      sandbox.injectFault(FaultSpec.parse(method + " " + PRONOUNS + "=" + row.answer));
      return;
    }
    String body = method.equals("GET") ? "{\"isEnabledInOrganization\":false}" : "{}";
    MappingBuilder stub = request(method, urlPathEqualTo("/beta" + PRONOUNS)).atPriority(1);
    if (row.once()) {
      stub = stub.inScenario("fault").whenScenarioStateIs(STARTED).willSetStateTo("spent");
    }
    wire.stubFor(stub.willReturn(row.wireMockAnswer(body)));
  }

  /** Takes every fault away: what the next run meets is a tenant that behaves. */
  void disarm() {
    armed = false;
    sandbox.clearFaults();
    if (wire != null) {
      proxyEverything();
    }
  }

  /** How many {@code method} requests to {@code path} the client sent, inside batches or not. */
  long sent(String method, String path) {
    if (wire != null) {
      return wire.findAll(anyRequestedFor(urlPathEqualTo("/beta" + path)).withHeader("Authorization", ours())).stream()
          .filter(r -> r.getMethod().getName().equals(method)).count();
    }
    return probe.requests().stream()
        .filter(r -> r.method().equals(method) && withoutVersion(r.path()).equals(path)).count();
  }

  /** Requests that would change the tenant, sent by the client: batch envelopes are not counted. */
  long writesSent() {
    if (wire != null) {
      return wire.findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", ours())).stream()
          .filter(r -> !r.getMethod().getName().equals("GET")).count();
    }
    return probe.requests().stream()
        .filter(r -> !r.method().equals("GET") && !withoutVersion(r.path()).equals("/$batch")).count();
  }

  private static String withoutVersion(String path) {
    return GraphVersion.leading(path).map(v -> path.substring(v.prefix().length())).orElse(path);
  }

  private StringValuePattern ours() {
    return equalTo("Bearer " + token);
  }

  /** Retries the sandbox saw before the Retry-After it had answered with had passed. */
  long earlyRetries() {
    return probe.stats().earlyRetries();
  }

  /** Whether the tenant has the toggle at {@code path} on now. */
  boolean on(String path) {
    String type = path.equals(PRONOUNS) ? "people.pronouns" : "people.namePronunciation";
    return sandbox.snapshot().at("/resources").get(type).get("isEnabledInOrganization").asBoolean();
  }

  /** Runs the CLI against this tenant, unbatched when the row says so. */
  Run cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--graph-url");
    // Both under /beta, so that the two toggles share a batch as the rows that break a batch expect.
    all.add((wire != null ? wire.baseUrl() : sandbox.baseUrl()) + "/beta");
    if (row.via != FaultRow.Via.BATCHED) {
      all.add("--batch-size");
      all.add("1");
    }
    Map<String, String> env = Map.of(
        "RECONCILER_ACCESS_TOKEN", token,
        // Short only where a timeout is the fault: elsewhere a slow machine must not make a fault of its own.
        "RECONCILER_HTTP_TIMEOUT_SECONDS", armed && row.timesOut() ? "0.25" : "10",
        "RECONCILER_RETRY_ATTEMPTS", "3",
        "RECONCILER_RETRY_BACKOFF_SECONDS", "0.01",
        "RECONCILER_RETRY_MAX_WAIT_SECONDS", "10");
    InProcessCli.Result result = InProcessCli.run(env, all.toArray(String[]::new));
    Run r = new Run(result.exit(), result.out(), result.err());
    assertThat(r.out() + r.err())
        .as("no stack trace, no unexpected exception, no token\n%s", r)
        .doesNotContain("\tat ")
        .doesNotContain("this is a bug in settings-reconciler")
        .doesNotContainPattern("\\b(java|javax|tools|org|com|wiremock)\\.[\\w.$]+(Exception|Error)\\b")
        .doesNotContain(token);
    return r;
  }

  /** The desired state: both toggles on, so both need a change. */
  static Path desired(Path dir) {
    Path file = dir.resolve("desired.yaml");
    try {
      java.nio.file.Files.writeString(file, """
          people:
            pronouns:
              isEnabledInOrganization: true
            namePronunciation:
              isEnabledInOrganization: true
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
