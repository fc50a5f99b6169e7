package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
 * {@code RECONCILER_MAX_REQUESTS_PER_SECOND}: an apply of 30 creates against a sandbox that lets each client make 10
 * requests per 250 ms. Unbounded, the creates go out at once and Graph throttles them (and the client learns a rate,
 * as RECONCILER_DEBUG=1 says); under a ceiling of 20 a second (5 per 250 ms), every request goes through the first
 * time, because the client spaces them out from the first.
 */
class RateCeilingCliTest {

  private static final String TOKEN = TestTokens.distinct("rate-ceiling");
  private static final String USER = "rate.ceiling@contoso.com";
  private static final int CREATES = 30;

  @TempDir Path tmp;

  private GraphSandbox sandbox;
  private SandboxProbe probe;
  private Path desired;

  @BeforeEach
  void start() throws IOException {
    InterestCreates tenant = InterestCreates.of(USER, "5d1b0c2a-7e3f-4a8b-9c6d-0e1f2a3b4c5d", CREATES, tmp);
    desired = tenant.desired();
    sandbox = GraphSandbox.start(0, null, tenant.seed());
    probe = SandboxProbe.on(sandbox);
    sandbox.setThrottle(10, Duration.ofMillis(250));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private String stderr;

  private LoadStats apply(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN));
    env.putAll(more);
    CliRunner.Run r = CliRunner.run(env, "apply", desired.toString(), "--auto-approve", "--batch-size", "1",
        "--graph-url", sandbox.baseUrl().toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    stderr = r.err();
    assertThat(r.out()).contains("Apply complete: " + CREATES + " applied, 0 failed.");
    assertThat(sandbox.snapshot().get("users").get(USER).get("interests")).hasSize(CREATES);
    return probe.stats();
  }

  @Test
  void underACeilingNoRequestIsThrottled() {
    LoadStats stats = apply(Map.of("RECONCILER_MAX_REQUESTS_PER_SECOND", "20"));

    assertThat(stats.throttled()).isZero();
  }

  @Test
  void withoutOneTheSameApplyIsThrottledAndLearnsItsRate() {
    LoadStats stats = apply(Map.of("RECONCILER_DEBUG", "1"));

    assertThat(stats.throttled()).isPositive();
    assertThat(stats.earlyRetries()).isZero();
    assertThat(stderr).containsPattern("debug: pace: users: first rate learned from throttling: [0-9.]+ requests a "
        + "second\n");
  }
}
