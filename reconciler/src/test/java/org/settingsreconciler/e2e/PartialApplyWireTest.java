package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.INSIGHTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.ROOT;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/**
 * A half-failed apply says exactly what happened to each change, in the text and in the report, exits 1, and the
 * next apply sends only the change that failed. The tenant here shows every write that worked, as Graph does.
 */
class PartialApplyWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private Path desired;
  private Path report;

  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    h.objectShowingPatch(PRONOUNS, "{\"isEnabledInOrganization\":false}", "{\"isEnabledInOrganization\":true}");
    h.objectShowingPatch(PRONUNCIATION, "{\"id\":\"np\",\"isEnabledInOrganization\":false}",
        "{\"id\":\"np\",\"isEnabledInOrganization\":true}");
    h.objectShowingPatch(INSIGHTS, "{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}",
        "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.patchFailsFromNowOn(PRONOUNS, graphError(500, "generalException", null, "req-pronouns-500", true));
    desired = h.yaml("desired.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
          itemInsights:
            isEnabledInOrganization: true
        """);
    report = dir.resolve("reports/apply.json");
  }

  @Test
  void aHalfFailedApplySaysExactlyWhatHappenedAndTheNextApplyFinishesTheJob() throws Exception {
    Run first = h.graph("apply", desired.toString(), "--auto-approve", "--report", report.toString());

    assertThat(first.exit()).isEqualTo(1);
    assertThat(first.out()).endsWith("""
        Sending 3 changes, then reading the tenant back to verify:
          FAILED   people.pronouns    PATCH /beta/admin/people/pronouns
                   HTTP 500 generalException: Failure generalException. [request-id req-pronouns-500]
          applied  people.namePronunciation    PATCH /beta/admin/people/namePronunciation
          applied  people.itemInsights    PATCH /beta/admin/people/itemInsights

        Apply incomplete: 2 applied, 1 failed.
        Run apply again to finish: it reads the tenant again and sends only what still differs, so it retries the \
        1 change that did not apply and does not repeat the 2 that did.
        """);
    assertThat(first.err()).contains("Wrote the apply report to " + report + ".");

    JsonNode json = WireHarness.JSON.readTree(report.toFile());
    assertThat(json.get("formatVersion").asInt()).isEqualTo(2);
    assertThat(json.at("/tenant/origin").asString()).isEqualTo(h.graphUrl());
    assertThat(json.get("result").asString()).isEqualTo("incomplete");
    assertThat(json.get("exitCode").asInt()).isEqualTo(1);
    assertThat(json.get("verify").asBoolean()).isTrue();
    assertThat(json.get("startedAt").asString()).isLessThanOrEqualTo(json.get("finishedAt").asString());
    List<String> statuses = new ArrayList<>();
    json.get("changes").forEach(c -> statuses.add(c.get("address").asString() + "=" + c.get("status").asString()));
    assertThat(statuses).containsExactly(
        "people.pronouns=failed", "people.namePronunciation=applied", "people.itemInsights=applied");
    JsonNode failed = json.at("/changes/0");
    assertThat(failed.get("method").asString()).isEqualTo("PATCH");
    assertThat(failed.get("path").asString()).isEqualTo(ROOT + PRONOUNS);
    assertThat(failed.get("body").toString()).isEqualTo("{\"isEnabledInOrganization\":true}");
    assertThat(failed.get("before").toString()).isEqualTo("{\"isEnabledInOrganization\":false}");
    assertThat(failed.at("/error/status").asInt()).isEqualTo(500);
    assertThat(failed.at("/error/code").asString()).isEqualTo("generalException");
    assertThat(failed.at("/error/requestId").asString()).isEqualTo("req-pronouns-500");
    assertThat(failed.at("/error/maybeApplied").asBoolean()).isFalse();
    assertThat(failed.get("verification").isNull()).as("a refused write is not read back").isTrue();
    assertThat(json.at("/changes/1/verification").asString()).isEqualTo("verified");
    assertThat(json.at("/changes/1/error").isNull()).isTrue();
    assertThat(json.get("counts").toString()).isEqualTo("{\"applied\":2,\"applied_not_visible\":0,"
        + "\"already_present\":0,\"held_back\":0,\"failed\":1,"
        + "\"maybe_applied\":0,\"not_attempted\":0,\"rolled_back\":0,\"rollback_failed\":0,\"total\":3}");
    if (Files.getFileStore(report).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
    }

    // Graph works again: the next apply plans and sends only what is still different.
    h.patchWorksFromNowOn(PRONOUNS);
    Run second = h.graph("apply", desired.toString(), "--auto-approve");

    assertThat(second.exit()).as(second.out()).isZero();
    assertThat(second.out())
        .contains("Plan: 0 to create, 1 to update, 0 to delete, 2 unchanged.")
        .contains("  applied  people.pronouns    PATCH /beta/admin/people/pronouns")
        .contains("Apply complete: 1 applied, 0 failed.");
    assertThat(h.patchesTo(PRONOUNS)).hasSize(2);
    assertThat(h.patchesTo(PRONUNCIATION)).as("applied the first time, not repeated").hasSize(1);
    assertThat(h.patchesTo(INSIGHTS)).hasSize(1);

    Run third = h.graph("plan", desired.toString(), "--detailed-exitcode");
    assertThat(third.exit()).as(third.out()).isZero();
    assertThat(third.out()).contains("No changes.");
  }

  @Test
  void withoutRollbackOnFailureNothingIsUndone() {
    Run r = h.graph("apply", desired.toString(), "--auto-approve");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(h.patchesTo(PRONUNCIATION)).singleElement().asString().isEqualTo("{\"isEnabledInOrganization\":true}");
    assertThat(h.patchesTo(INSIGHTS)).singleElement().asString().isEqualTo("{\"isEnabledInOrganization\":true}");
    assertThat(r.out()).doesNotContain("rolled back").doesNotContain("Rolled back");
  }

  @Test
  void theReportOfAnApplyThatWasNotSentListsEveryChangeNotAttempted() {
    Run r = h.graph("apply", desired.toString(), "--report", report.toString());

    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = WireHarness.JSON.readTree(report.toFile());
    assertThat(json.get("result").asString()).isEqualTo("refused");
    assertThat(json.get("refusals").get(0).asString())
        .isEqualTo("not confirmed: there is no terminal to ask, and --auto-approve was not given");
    assertThat(json.get("changes")).hasSize(3).allSatisfy(c -> {
      assertThat(c.get("status").asString()).isEqualTo("not_attempted");
      assertThat(c.get("detail").asString()).startsWith("not sent: apply refused (not confirmed");
    });
    assertThat(json.at("/counts/not_attempted").asInt()).isEqualTo(3);
    h.verifyOnlyReads();
  }
}
