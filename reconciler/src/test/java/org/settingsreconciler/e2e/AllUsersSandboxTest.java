package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.SandboxProbe;
import org.settingsreconciler.secrets.TestTokens;

/**
 * {@code export --all-users} through the CLI against a sandbox that pages every list one item at a time: every
 * user is found across the pages, their interests are read, and the export plans to no changes, throttled or not.
 */
class AllUsersSandboxTest {

  @TempDir Path tmp;

  /** The sandbox accepts any token; this one is distinctive, so the secret scan can look for it. */
  private static final String TOKEN = TestTokens.distinct("all-users");

  private GraphSandbox sandbox;
  private SandboxProbe probe;

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void start() throws IOException {
    sandbox = GraphSandbox.start(0, null, null);
    probe = SandboxProbe.on(sandbox);
    sandbox.setPageSize(1);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Run cli(String... args) {
    List<String> argv = new ArrayList<>(List.of(args));
    if (!args[0].equals("validate")) {
      argv.addAll(List.of("--graph-url", sandbox.baseUrl().toString()));
    }
    CliRunner.Run r = CliRunner.run(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), argv.toArray(String[]::new));
    return new Run(r.exit(), r.out(), r.err());
  }

  private void exportAllAndPlanToNoChanges() throws IOException {
    Path exported = tmp.resolve("all.yaml");

    Run export = cli("export", "--all-users", "--out", exported.toString());

    assertThat(export.code()).as(export.err()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml)
        .contains("adele.vance@contoso.com:")
        .contains("alex.wilber@contoso.com:")
        .contains("megan.bowen@contoso.com:");
    assertThat(yaml.indexOf("adele.vance")).as("users sorted").isLessThan(yaml.indexOf("alex.wilber"));
    Run plan = cli("plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.code()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes");
    assertThat(cli("validate", exported.toString()).code()).isZero();
  }

  @Test
  void everyUserAcrossEveryPageIsExported() throws IOException {
    exportAllAndPlanToNoChanges();
  }

  @Test
  void aThrottledExportStillCompletesAndNeverRetriesEarly() throws IOException {
    // Throttled throughout, and tight: every window refuses some of the export's reads. The budget leaves the plan
    // that follows room to read the whole demo tenant within the client's 5 attempts (about 30 objects since the
    // agent catalog: 8 a window).
    sandbox.setThrottle(8, Duration.ofMillis(250));

    exportAllAndPlanToNoChanges();

    assertThat(probe.stats().throttled()).isPositive();
    assertThat(probe.stats().earlyRetries()).isZero();
  }

  @Test
  void userAndAllUsersTogetherAreRefused() {
    Run r = cli("export", "--all-users", "--user", "adele.vance@contoso.com");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("give --user or --all-users, not both");
    assertThat(probe.requests()).isEmpty();
  }
}
