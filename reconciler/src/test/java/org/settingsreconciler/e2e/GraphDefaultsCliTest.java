package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * A null in the YAML for a property Graph fills with a default of its own when given none (a policy setting's
 * policyId, a new interest's allowedAudiences) means Graph's choice: the tenant never holds the null, so any value it
 * holds is in sync, and applying such YAML converges. Found by the generative round trip.
 */
class GraphDefaultsCliTest {

  private static final String ADELE = "adele.vance@contoso.com";

  @TempDir Path tmp;

  @Test
  void aNullPolicyIdIsSatisfiedByThePolicyGraphChose() throws IOException {
    Path state = Files.writeString(tmp.resolve("tenant.json"), """
        {"resources": {"copilot.policySettings": {
          "microsoft.copilot.copilotchatpinning": {"value": "0", "policyId": "tenant-policy-1"}}}}
        """);
    Path yaml = Files.writeString(tmp.resolve("desired.yaml"), """
        copilot:
          policySettings:
            microsoft.copilot.copilotchatpinning: {value: "0", policyId: null}
        """);

    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", yaml.toString());

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).doesNotContain("policyId");
  }

  @Test
  void anInterestCreatedWithNullAudiencesTakesGraphsDefaultAndStaysInSync() throws IOException {
    Path state = Files.writeString(tmp.resolve("tenant.json"), """
        {"users": {"%s": {"interests": []}}}
        """.formatted(ADELE));
    Path yaml = Files.writeString(tmp.resolve("desired.yaml"), """
        users:
          %s:
            interests:
              Chess: {allowedAudiences: null}
        """.formatted(ADELE));

    Run apply = CliRunner.sandbox(state, "apply", "--auto-approve", yaml.toString());
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(Files.readString(state)).contains("organization");

    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", yaml.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
  }
}
