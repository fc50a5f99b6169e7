package org.settingsreconciler.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.sandbox.FaultSpec;
import org.settingsreconciler.secrets.InProcessCli;

/** A sandbox fault naming a Graph version the run never sends its resource to is said to be dead on arrival. */
class FaultVersionCheckTest {

  private static String problem(String spec, VersionChoice versions) {
    return FaultVersionCheck.problem(FaultSpec.parse(spec), versions).orElse(null);
  }

  @Test
  void aFaultUnderTheOtherVersionOfItsResourceCannotFire() {
    assertThat(problem("PATCH /beta/admin/people/pronouns=503", VersionChoice.EACH_RESOURCE))
        .isEqualTo("it will not fire: this run sends people.pronouns to /v1.0, not /beta; write the path without a "
            + "version (/admin/people/pronouns) to match either");
    assertThat(problem("PATCH /v1.0/copilot/settings/people/enhancedPersonalization=503",
        VersionChoice.EACH_RESOURCE)).contains("sends copilot.enhancedPersonalization to /beta, not /v1.0");
    assertThat(problem("GET /v1.0/users/adele@contoso.com/profile/interests/abc=503", VersionChoice.EACH_RESOURCE))
        .contains("sends users.interests to /beta");
    // Any organization id stands in its segment, as any user does in theirs; the longest path wins.
    assertThat(problem("GET /v1.0/organization/3c1f9e5a-7d2b-4e8c-a6f0-1b9d4e7c2a58/settings/peopleInsights=503",
        VersionChoice.EACH_RESOURCE)).contains("sends organization.peopleInsights to /beta");
    assertThat(problem("PATCH /beta/users/adele@contoso.com/settings/itemInsights=503", VersionChoice.EACH_RESOURCE))
        .contains("sends users.settings.itemInsights to /v1.0");
    // A user whose name begins with $, in parentheses as the plan shows the path (ResourceId.userPath).
    assertThat(problem("GET /v1.0/users('$svc@contoso.com')/profile/interests=503", VersionChoice.EACH_RESOURCE))
        .contains("sends users.interests to /beta");
  }

  @Test
  void faultsThatCanFireAreLeftAlone() {
    assertThat(problem("PATCH /v1.0/admin/people/pronouns=503", VersionChoice.EACH_RESOURCE)).isNull();
    assertThat(problem("PATCH /admin/people/pronouns=503", VersionChoice.EACH_RESOURCE)).isNull();
    assertThat(problem("PATCH /beta/admin/people/pronouns=503", VersionChoice.pinnedTo(GraphVersion.BETA))).isNull();
    assertThat(problem("GET /v1.0/groups=503", VersionChoice.EACH_RESOURCE)).isNull();
  }

  @Test
  void theCommandLineWarnsBeforeAnythingRuns() {
    InProcessCli.Result run = InProcessCli.run(Map.of(), "plan", "../examples/", "--sandbox", "--sandbox-fault",
        "PATCH /beta/admin/people/pronouns=503");
    assertThat(run.err()).contains("warning: sandbox fault PATCH /beta/admin/people/pronouns: it will not fire");
  }
}
