package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.ENHANCED;
import static org.settingsreconciler.e2e.WireHarness.GROUP_A;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/** Exit codes for pipelines: check 0 / 2 / 1 and plan --detailed-exitcode 0 / 2 / 1, and neither ever writes. */
class CheckWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private String desired;

  @BeforeEach
  void desiredState() {
    h = new WireHarness(wm, dir);
    h.get(ENHANCED, "{\"value\":{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_A + "\"}}");
    desired = h.yaml("desired.yaml", """
        copilot:
          enhancedPersonalization:
            isEnabledInOrganization: true
            disabledForGroup: %s
        people:
          pronouns:
            isEnabledInOrganization: true
        users:
          %s:
            interests:
              Hiking:
                categories: [Outdoors]
        """.formatted(GROUP_A.toUpperCase(), ADELE)).toString();
  }

  private void tenantInSync() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    h.list(INTERESTS, "{\"id\":\"i-1\",\"displayName\":\"Hiking\",\"categories\":[\"Outdoors\"]}");
  }

  private void tenantDrifted() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.list(INTERESTS);
  }

  @Test
  void checkInSyncExitsZeroAfterOnlyReads() {
    tenantInSync();

    Run r = h.graph("check", desired);

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("No drift: the tenant matches the YAML (3 settings checked).")
        .doesNotContain("Drift");
    h.verifyOnlyReads();
    h.verifyGets(1, ENHANCED);
    h.verifyGets(1, PRONOUNS);
    h.verifyGets(1, INTERESTS);
  }

  @Test
  void checkWithDriftExitsTwoListsTheDriftedAddressesAndNeverWrites() {
    tenantDrifted();

    Run r = h.graph("check", desired);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out())
        .contains("Drift: 2 settings differ from the YAML:")
        .contains("\n  people.pronouns\n")
        .contains("\n  users[\"" + ADELE + "\"].interests[\"Hiking\"]\n")
        .doesNotContain("  copilot.enhancedPersonalization\n");
    h.verifyOnlyReads();
  }

  @Test
  void checkJsonOutputCarriesTheDriftToo() {
    tenantDrifted();

    Run r = h.graph("check", desired, "--format", "json");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.json().get("summary").get("update").asInt()).isEqualTo(1);
    assertThat(r.json().get("summary").get("create").asInt()).isEqualTo(1);
    h.verifyOnlyReads();
  }

  @Test
  void checkWithAReadErrorExitsOne() {
    h.getAnswers(PRONOUNS, graphError(500, "generalException", null, "req-1", true));
    h.list(INTERESTS, "{\"id\":\"i-1\",\"displayName\":\"Hiking\",\"categories\":[\"Outdoors\"]}");

    Run r = h.graph("check", desired);

    assertThat(r.exit()).isEqualTo(1);
    h.verifyOnlyReads();
  }

  @Test
  void planDetailedExitCodeIsZeroWithoutChanges() {
    tenantInSync();

    assertThat(h.graph("plan", desired, "--detailed-exitcode").exit()).isZero();
    h.verifyOnlyReads();
  }

  @Test
  void planDetailedExitCodeIsTwoWithChanges() {
    tenantDrifted();

    Run r = h.graph("plan", desired, "--detailed-exitcode");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("Plan: 1 to create, 1 to update, 0 to delete, 1 unchanged.");
    h.verifyOnlyReads();
  }

  @Test
  void planWithoutDetailedExitCodeIsZeroEvenWithChanges() {
    tenantDrifted();

    assertThat(h.graph("plan", desired).exit()).isZero();
  }

  @Test
  void planDetailedExitCodeIsOneOnError() {
    h.getAnswers(PRONOUNS, graphError(403, "accessDenied", null, "req-2", true));
    h.list(INTERESTS);

    assertThat(h.graph("plan", desired, "--detailed-exitcode").exit()).isEqualTo(1);
    h.verifyOnlyReads();
  }
}
