package org.settingsreconciler.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.settingsreconciler.secrets.InProcessCli;
import org.settingsreconciler.secrets.TestTokens;

/**
 * The fault mode as a new user meets it: {@code --sandbox-fault} on a command run against the built-in sandbox
 * (with a state file, so the next run sees what this one did), a half-failed apply that says exactly what happened,
 * the next apply that finishes the job, and every mistake in a fault or a tuning variable refused before anything
 * runs.
 */
class SandboxFaultModeCliTest {

  @TempDir Path dir;

  private Path settings;
  private Path state;

  private record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  @BeforeEach
  void files() throws IOException {
    settings = Files.writeString(dir.resolve("settings.yaml"), """
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
        """);
    state = dir.resolve("tenant.json");
  }

  private Run cli(Map<String, String> env, String... args) {
    InProcessCli.Result result = InProcessCli.run(env, args);
    Run r = new Run(result.exit(), result.out(), result.err());
    assertThat(r.out() + r.err()).as(r.toString()).doesNotContain("\tat ").doesNotContain("this is a bug");
    return r;
  }

  /** Retries without the real waits, so that a fault that never wears off ends in milliseconds. */
  private static Map<String, String> quickRetries() {
    Map<String, String> env = new HashMap<>();
    env.put("RECONCILER_RETRY_BACKOFF_SECONDS", "0.01");
    env.put("RECONCILER_HTTP_TIMEOUT_SECONDS", "0.5");
    return env;
  }

  private Run apply(String... faults) {
    String[] args = new String[6 + 2 * faults.length];
    String[] head = {"apply", settings.toString(), "--sandbox", "--sandbox-state", state.toString(), "--auto-approve"};
    System.arraycopy(head, 0, args, 0, head.length);
    for (int i = 0; i < faults.length; i++) {
      args[head.length + 2 * i] = "--sandbox-fault";
      args[head.length + 2 * i + 1] = faults[i];
    }
    return cli(quickRetries(), args);
  }

  @Test
  void aHalfFailedApplySaysExactlyWhatHappenedAndTheNextApplyFinishesTheJob() {
    Run half = apply("PATCH /admin/people/pronouns=503");

    assertThat(half.exit()).as(half.toString()).isEqualTo(1);
    assertThat(half.err()).contains("note: sandbox fault armed: PATCH /admin/people/pronouns: 503 serviceNotAvailable, "
        + "every time");
    assertThat(half.out())
        .contains("  FAILED   people.pronouns    PATCH /v1.0/admin/people/pronouns\n"
            + "           HTTP 503 serviceNotAvailable: The sandbox answered with an injected fault (503). "
            + "(gave up after 5 attempts) [request-id ")
        .contains("  applied  people.namePronunciation    PATCH /beta/admin/people/namePronunciation")
        .contains("Apply incomplete: 1 applied, 1 failed.\nRun apply again to finish: it reads the tenant again and "
            + "sends only what still differs, so it retries the 1 change that did not apply and does not repeat the 1 "
            + "that did.");

    Run rest = apply();

    assertThat(rest.exit()).as(rest.toString()).isZero();
    assertThat(rest.out())
        .contains("Plan: 0 to create, 1 to update, 0 to delete, 1 unchanged.")
        .contains("  applied  people.pronouns    PATCH /v1.0/admin/people/pronouns")
        .doesNotContain("namePronunciation    PATCH")
        .contains("Apply complete: 1 applied, 0 failed.");
  }

  @Test
  void aWriteWhoseAnswerWasLostIsNotSentAgainAndTheReadBackSeesWhatHappened() {
    // The sandbox carries the PATCH out, then holds its answer back past the client's timeout: the answer is lost,
    // so the write is judged by reading the tenant back, and is not sent again.
    Run lost = apply("PATCH /admin/people/pronouns=timeoutx1");

    assertThat(lost.exit()).as(lost.toString()).isZero();
    assertThat(lost.out())
        .contains("  applied  people.pronouns    PATCH /v1.0/admin/people/pronouns\n"
            + "           Graph's answer was lost, but reading the tenant back shows the change: it was applied")
        .contains("Apply complete: 2 applied, 0 failed.");

    Run next = apply();

    assertThat(next.exit()).as(next.toString()).isZero();
    assertThat(next.out()).contains("No changes.");
  }


  @Test
  void aFaultThatWearsOffIsRetriedAwayUnnoticed() {
    Run r = apply("PATCH /admin/people/pronouns=429x2:retry-after=0.05", "GET /admin/people/pronouns=503x1");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Apply complete: 2 applied, 0 failed.");
  }

  @Test
  void faultsNeedTheSandbox() {
    Run r = cli(Map.of("RECONCILER_ACCESS_TOKEN", TestTokens.distinct("fault-mode")), "plan", settings.toString(), "--graph-url",
        "http://127.0.0.1:9/beta", "--sandbox-fault", "GET /admin/people/pronouns=503");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: --sandbox-fault needs --sandbox; to try faults with another client, run "
        + "the sandbox on its own: reconciler sandbox --fault SPEC\n");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
    "plan    | --sandbox-fault | GET /admin/people/pronouns=explode",
    "sandbox | --fault         | PATCH /admin/people/pronouns=429:retry-after=soon",
  })
  void anInvalidFaultIsRefusedBeforeAnythingRuns(String command, String option, String spec) {
    Run r = command.equals("plan")
        ? cli(Map.of(), "plan", settings.toString(), "--sandbox", option, spec)
        : cli(Map.of(), "sandbox", "--port", "0", option, spec);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: Invalid value for option '" + option + "' (SPEC): invalid fault '" + spec
        + "': ");
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
    "RECONCILER_HTTP_TIMEOUT_SECONDS   | 0    | must be a number of seconds above 0 and at most 3600, such as 1.5, not '0'",
    "RECONCILER_RETRY_ATTEMPTS         | many | must be a whole number from 1 to 20, not 'many'",
    "RECONCILER_RETRY_MAX_WAIT_SECONDS | -1   | must be a number of seconds and at most 3600, such as 1.5, not '-1'",
    "RECONCILER_RETRY_BACKOFF_SECONDS  | 1s   | must be a number of seconds and at most 3600, such as 1.5, not '1s'",
    "RECONCILER_MAX_REQUESTS_PER_SECOND | 0.5 | must be a number of requests a second from 1 to 100000, such as 200, not '0.5'",
    "RECONCILER_MAX_REQUESTS_PER_SECOND | fast | must be a number of requests a second from 1 to 100000, such as 200, not 'fast'",
  })
  void aTuningVariableThatIsNotANumberIsRefused(String name, String value, String message) {
    Run r = cli(Map.of(name, value), "plan", settings.toString(), "--sandbox");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + name + " " + message + "\n");
    assertThat(r.out()).isEmpty();
  }
}
