package org.settingsreconciler.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.settingsreconciler.secrets.InProcessCli;

/**
 * A fleet plans each tenant to its own saved plan ({@code --out plans/{tenant}.json}), and applies each tenant's
 * reviewed plan with {@code apply --plan plans/{tenant}.json}: nothing is asked, every tenant gets its own plan, and
 * a plan saved for one tenant is refused by another.
 */
class FleetSavedPlanTest {

  static final String CONTOSO = "aaaaaaaa-0000-0000-0000-000000000001";
  static final String FABRIKAM = "bbbbbbbb-0000-0000-0000-000000000002";

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private void tenant(String name, String id, boolean pronouns) throws IOException {
    write("tenants/" + name + "/tenant.yaml", """
        tenantId: %s
        bases: [../../baseline]
        sandboxSeed: ../../seeds/%s.json
        """.formatted(id, name));
    write("seeds/" + name + ".json", """
        {"organization": {"id": "%s", "displayName": "%s"},
         "resources": {"people.pronouns": {"isEnabledInOrganization": %s}}}
        """.formatted(id, name, pronouns));
  }

  @BeforeEach
  void fleet() throws IOException {
    write("baseline/settings.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
        """);
    tenant("contoso", CONTOSO, false);
    tenant("fabrikam", FABRIKAM, false);
  }

  private InProcessCli.Result cli(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command));
    args.add(dir.resolve("tenants/contoso").toString());
    args.add(dir.resolve("tenants/fabrikam").toString());
    args.addAll(List.of("--sandbox", "--sandbox-state", dir.resolve("state/{tenant}.json").toString()));
    args.addAll(List.of(more));
    InProcessCli.Result r = InProcessCli.run(java.util.Map.of(), args.toArray(String[]::new));
    assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("this is a bug");
    return r;
  }

  @Test
  void eachTenantAppliesItsOwnSavedPlanWithoutBeingAsked() throws IOException {
    // apply writes the sandbox state files, so the plans are made against the tenants as apply will find them.
    Files.createDirectories(dir.resolve("state"));
    Files.copy(dir.resolve("seeds/contoso.json"), dir.resolve("state/contoso.json"));
    Files.copy(dir.resolve("seeds/fabrikam.json"), dir.resolve("state/fabrikam.json"));
    InProcessCli.Result plan = cli("plan", "--out", dir.resolve("plans/{tenant}.json").toString());
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(dir.resolve("plans/contoso.json")).exists();
    assertThat(dir.resolve("plans/fabrikam.json")).exists();

    InProcessCli.Result apply = cli("apply", "--plan", dir.resolve("plans/{tenant}.json").toString());

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("=== Tenant contoso (" + CONTOSO + ") ===")
        .contains("=== Tenant fabrikam (" + FABRIKAM + ") ===")
        .contains("Applying the saved plan " + dir.resolve("plans/contoso.json"))
        .contains("Applying the saved plan " + dir.resolve("plans/fabrikam.json"));
    InProcessCli.Result after = cli("plan", "--detailed-exitcode");
    assertThat(after.exit()).as(after.out()).isZero();
  }

  /** The fleet's summary counts each tenant's saved plan, as it counts a plan made in the run. */
  @Test
  void theSummaryCountsTheChangesOfEachSavedPlan() throws IOException {
    Files.createDirectories(dir.resolve("state"));
    Files.copy(dir.resolve("seeds/contoso.json"), dir.resolve("state/contoso.json"));
    Files.copy(dir.resolve("seeds/fabrikam.json"), dir.resolve("state/fabrikam.json"));
    assertThat(cli("plan", "--out", dir.resolve("plans/{tenant}.json").toString()).exit()).isZero();

    InProcessCli.Result apply = cli("apply", "--plan", dir.resolve("plans/{tenant}.json").toString());

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).containsPattern("(?m)^tenant\\s+exit\\s+create\\s+update\\s+delete\\s+actions\\s+unknown$")
        .containsPattern("(?m)^contoso\\s+0\\s+0\\s+1\\s+0\\s+0\\s+0$")
        .containsPattern("(?m)^fabrikam\\s+0\\s+0\\s+1\\s+0\\s+0\\s+0$");
  }

  @Test
  void aPlanSavedForOneTenantIsRefusedByAnother() throws IOException {
    Files.createDirectories(dir.resolve("state"));
    Files.copy(dir.resolve("seeds/contoso.json"), dir.resolve("state/contoso.json"));
    Files.copy(dir.resolve("seeds/fabrikam.json"), dir.resolve("state/fabrikam.json"));
    assertThat(cli("plan", "--out", dir.resolve("plans/{tenant}.json").toString()).exit()).isZero();
    Files.copy(dir.resolve("plans/contoso.json"), dir.resolve("plans/fabrikam.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    InProcessCli.Result apply = cli("apply", "--plan", dir.resolve("plans/{tenant}.json").toString());

    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.err()).contains("[fabrikam] Refusing to apply the saved plan");
    assertThat(apply.out()).contains("Applying the saved plan " + dir.resolve("plans/contoso.json"));
    assertThat(cli("plan", "--detailed-exitcode").out()).containsPattern("(?m)^fabrikam\\s+2\\s+0\\s+1");
  }

  /**
   * A saved plan is applied exactly as saved: an option that would change it is refused once for the fleet, before
   * any tenant runs, rather than by every tenant.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--target=people.pronouns|error: --target cannot narrow a saved plan: it is applied exactly as saved",
      "--var=PILOT=x|error: --var and --var-file cannot change a saved plan",
      "--var-file=vars/{tenant}.yaml|error: --var and --var-file cannot change a saved plan"})
  void optionsThatWouldChangeTheSavedPlansAreRefusedBeforeAnyTenantRuns(String option, String error) {
    InProcessCli.Result apply = cli("apply", "--plan", dir.resolve("plans/{tenant}.json").toString(), option);

    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.err()).startsWith(error).doesNotContain("[contoso]").doesNotContain("[fabrikam]");
    assertThat(apply.out()).isEmpty();
  }

  @Test
  void aSavedPlanForSeveralTenantsNeedsTheTenantInItsName() {
    InProcessCli.Result apply = cli("apply", "--plan", dir.resolve("plan.json").toString());
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.err()).contains("--plan with several tenants needs {tenant} in the file name");
  }
}
