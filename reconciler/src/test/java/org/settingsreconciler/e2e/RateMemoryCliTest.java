package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.LoadStats;
import org.settingsreconciler.sandbox.SandboxProbe;
import org.settingsreconciler.secrets.TestTokens;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rate Graph taught one run is where the next starts: an apply of 40 creates against a sandbox that lets each
 * client make 40 requests a second is throttled the first time, and remembers the rate it learned in the config
 * directory; the same apply again starts at that rate and is not throttled at all. {@code --sandbox} runs remember
 * nothing.
 */
class RateMemoryCliTest {

  private static final String TOKEN = TestTokens.distinct("rate-memory");
  private static final String USER = "rate.memory@contoso.com";
  private static final int CREATES = 40;

  @TempDir Path tmp;

  private ObjectNode seed;
  private GraphSandbox sandbox;
  private SandboxProbe probe;
  private Path desired;
  private Path config;

  @BeforeEach
  void start() throws IOException {
    InterestCreates tenant = InterestCreates.of(USER, "6e2c1d3b-8f4a-4b9c-8d7e-1f2a3b4c5d6e", CREATES, tmp);
    seed = tenant.seed();
    desired = tenant.desired();
    sandbox = GraphSandbox.start(0, null, seed);
    probe = SandboxProbe.on(sandbox);
    config = tmp.resolve("config");
    sandbox.setThrottle(40, Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private String stderr;

  private LoadStats apply() {
    sandbox.load(seed);
    probe.resetStats();
    Map<String, String> env = new HashMap<>(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN, "RECONCILER_DEBUG", "1",
        "XDG_CONFIG_HOME", config.toString()));
    CliRunner.Run r = CliRunner.run(env, "apply", desired.toString(), "--auto-approve", "--batch-size", "1",
        "--graph-url", sandbox.baseUrl().toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    stderr = r.err();
    assertThat(r.out()).contains("Apply complete: " + CREATES + " applied, 0 failed.");
    return probe.stats();
  }

  private List<Path> remembered() throws IOException {
    Path dir = config.resolve("settings-reconciler");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("learned-rates-")).toList();
    }
  }

  @Test
  void theNextRunStartsAtTheRateTheFirstLearnedAndIsNotThrottled() throws IOException {
    LoadStats first = apply();
    assertThat(first.throttled()).isPositive();
    assertThat(stderr).contains("pace: users: first rate learned from throttling");

    List<Path> files = remembered();
    assertThat(files).hasSize(1);
    String text = Files.readString(files.get(0));
    assertThat(text).contains("\"users\"", "\"requestsPerSecond\"").doesNotContain(TOKEN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0)))).isEqualTo("rw-------");

    LoadStats second = apply();

    assertThat(stderr)
        .containsPattern("pace: users: starting at [0-9.]+ requests a second, learned by an earlier run");
    assertThat(second.throttled()).isZero();
    assertThat(second.earlyRetries()).isZero();
  }

  @Test
  void sandboxRunsRememberNothing() throws IOException {
    Map<String, String> env = Map.of("RECONCILER_DEBUG", "1", "XDG_CONFIG_HOME", config.toString());
    // Graph throttles one of the many admin settings a plan of the examples reads: the client learns a rate.
    CliRunner.Run r = CliRunner.run(env, "plan", Path.of("..", "examples").toString(), "--sandbox",
        "--sandbox-fault", "GET /admin/people/pronouns=429x1:retry-after=0.2");

    assertThat(r.err()).contains("pace: admin: first rate learned from throttling");
    assertThat(remembered()).isEmpty();
  }
}
