package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tried as a new user would, with the fleet example's two sandbox tenants (each seed names its own organization):
 * a plan saved for one tenant is refused against the other, and applies to its own. Every heading names the tenant.
 */
class SavedPlanTenantSandboxTest {

  private static final String FLEET = "../examples/fleet";
  private static final String PROD_ID = "2f6d8a1c-3e70-4b61-8d2e-0c3f4a7eb915";
  private static final String TEST_ID = "7c1e9d24-5b3a-4f08-a6e2-91d0b4c7f352";

  @TempDir Path tmp;

  private Path tenantState(String name) throws IOException {
    Path state = tmp.resolve(name + ".json");
    Files.copy(Path.of(FLEET, "sandbox", name + ".json"), state);
    return state;
  }

  @Test
  void aPlanForProdIsRefusedAgainstTestAndAppliesToProd() throws IOException {
    Path prod = tenantState("contoso-prod");
    Path test = tenantState("contoso-test");
    Path plan = tmp.resolve("prod.plan.json");

    CliRunner.Run planned = CliRunner.run(Map.of(), "plan", FLEET + "/tenants/contoso-prod", "--sandbox",
        "--sandbox-state", prod.toString(), "--out", plan.toString());
    assertThat(planned.exit()).as(planned.err()).isZero();
    assertThat(planned.out()).contains("Planned against the sandbox tenant Contoso (" + PROD_ID + ")");
    String testBefore = Files.readString(test);

    CliRunner.Run elsewhere = CliRunner.run(Map.of(), "apply", "--plan", plan.toString(), "--sandbox",
        "--sandbox-state", test.toString());

    assertThat(elsewhere.exit()).as(elsewhere.out() + elsewhere.err()).isEqualTo(1);
    assertThat(elsewhere.err()).contains("the plan is for Contoso (" + PROD_ID + "), but this run signed in to "
        + "Contoso Test (" + TEST_ID + ")");
    assertThat(Files.readString(test)).as("the other tenant is untouched").isEqualTo(testBefore);

    CliRunner.Run own = CliRunner.run(Map.of(), "apply", "--plan", plan.toString(), "--sandbox",
        "--sandbox-state", prod.toString());

    assertThat(own.exit()).as(own.out() + own.err()).isZero();
    assertThat(own.out()).contains("to the sandbox tenant Contoso (" + PROD_ID + ")").contains("Apply complete");
  }
}
