package org.settingsreconciler.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger can fail: a secret the tool was handed, found in what a run printed or wrote, is reported when the
 * scope closes. Each case opens a scope of its own and closes it itself, so the planted leaks stay out of this test's
 * own scan.
 */
class SecretLedgerTest {

  @TempDir Path dir;

  @Test
  void aRegisteredSecretInPrintedOutputIsReported() {
    SecretLedger.open("planted");
    SecretLedger.credential("planted-token-0123456789", "the planted token");
    SecretLedger.record(Output.printed("stderr of plan", "error: token planted-token-0123456789 refused"));

    List<Leak> leaks = SecretLedger.close("planted").leaks();

    assertThat(leaks).singleElement().hasToString(
        "the planted token (as is) in stderr of plan: ...error: token <SECRET> refused...");
  }

  @Test
  void theFixedTestSecretsAreLookedForWithoutBeingRegistered() {
    SecretLedger.open("fixed");
    SecretLedger.record(Output.printed("stdout of check", "Bearer " + FixedTestSecrets.E2E_TOKEN));

    assertThat(SecretLedger.close("fixed").leaks())
        .extracting(l -> l.secret().origin()).containsExactly("the e2e access token");
  }

  @Test
  void oneTestsSecretsAreNotLookedForInAnotherTestsOutput() {
    SecretLedger.open("first");
    SecretLedger.credential("first-test-token-0123", "the first test's token");
    assertThat(SecretLedger.close("first").leaks()).isEmpty();

    SecretLedger.open("second");
    SecretLedger.record(Output.printed("stdout of plan", "first-test-token-0123 is only a string here"));
    assertThat(SecretLedger.close("second").leaks()).isEmpty();
  }

  @Test
  void aSecretInAFileARunWroteIsReported() throws Exception {
    String value = "q8R2fT9vLm4Zx7Kp1Wn3Yb6Hc5Jd0Ge";
    Path desired = Files.writeString(dir.resolve("desired.yaml"), """
        users:
          adele.vance@contoso.com:
            interests:
              Chelsea FC:
                description: "${var:API_TOKEN}"
        """);
    Path plan = dir.resolve("out/plan.json");

    SecretLedger.open("as a variable");
    InProcessCli.Result run = InProcessCli.run(Map.of(), "plan", desired.toString(), "--sandbox", "--var",
        "API_TOKEN=" + value, "--out", plan.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(plan).content().as("a saved plan holds the real value, as the README says").contains(value);
    assertThat(SecretLedger.close("as a variable").leaks()).as("so a variable's value may be there").isEmpty();

    SecretLedger.open("as a credential");
    SecretLedger.credential(value, "the same value, as a credential");
    InProcessCli.run(Map.of(), "plan", desired.toString(), "--sandbox", "--var", "API_TOKEN=" + value, "--out",
        plan.toString());
    assertThat(SecretLedger.close("as a credential").leaks()).as("but a credential may not")
        .singleElement()
        .satisfies(leak -> assertThat(leak.where()).startsWith(plan + ", written by `reconciler plan "));
  }
}
