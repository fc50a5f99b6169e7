package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import org.settingsreconciler.e2e.WireHarness.ScriptedTerminal;

/** apply writes only after an explicit "yes" or --auto-approve; without a terminal it refuses. */
class ApplyConfirmationWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private String desired;

  @BeforeEach
  void pronounsNeedAChange() {
    h = new WireHarness(wm, dir);
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.patchOk(PRONOUNS);
    desired = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n").toString();
  }

  @Test
  void withoutTerminalAndWithoutAutoApproveNothingIsWritten() {
    Run r = h.graph("apply", desired);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("Refusing to apply without confirmation").contains("--auto-approve");
    // The plan is still shown, so the refusal is not silent about what would change.
    assertThat(r.out()).contains("~ isEnabledInOrganization: false -> true");
    h.verifyOnlyReads();
  }

  @Test
  void answeringYesWrites() {
    ScriptedTerminal yes = new ScriptedTerminal("yes");

    Run r = h.graph(yes, "apply", desired, "--no-verify");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(yes.prompts).singleElement().asString()
        .contains("Apply this change to " + h.graphUrl()).contains("'yes'");
    h.verifyPatch(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    assertThat(r.out()).contains("Apply complete: 1 applied, 0 failed.");
  }

  @Test
  void answeringNoWritesNothing() {
    ScriptedTerminal no = new ScriptedTerminal("no");

    Run r = h.graph(no, "apply", desired);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(no.prompts).hasSize(1);
    assertThat(r.err()).contains("Apply cancelled; nothing was applied.");
    h.verifyOnlyReads();
  }

  @Test
  void onlyTheFullWordYesCounts() {
    Run r = h.graph(new ScriptedTerminal("y"), "apply", desired);

    assertThat(r.exit()).isEqualTo(1);
    h.verifyOnlyReads();
  }

  @Test
  void endOfInputAtThePromptWritesNothing() {
    Run r = h.graph(new ScriptedTerminal(null), "apply", desired);

    assertThat(r.exit()).isEqualTo(1);
    h.verifyOnlyReads();
  }
}
