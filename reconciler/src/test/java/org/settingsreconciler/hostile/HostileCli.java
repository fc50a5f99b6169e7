package org.settingsreconciler.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.secrets.InProcessCli;

/**
 * The CLI run in-process against a {@link HostileGraph}, with small retry caps and a timeout short only where a trick
 * stalls, so that a case takes a fraction of a second. Every run is checked for stack traces, exception class names
 * and the token.
 */
final class HostileCli {

  static final String TOKEN = "hostile-graph-token-5b1e09c4";

  /** What a run printed, and its exit code. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private final HostileGraph graph;

  HostileCli(HostileGraph graph) {
    this.graph = graph;
  }

  /**
   * @param slow the server will stall: the client waits 0.5 s for an answer instead of 10 s
   * @param batched false to send every request on its own ({@code --batch-size 1})
   */
  Run run(boolean slow, boolean batched, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--graph-url", graph.graphUrl()));
    if (!batched) {
      all.addAll(List.of("--batch-size", "1"));
    }
    Map<String, String> env = Map.of(
        "RECONCILER_ACCESS_TOKEN", TOKEN,
        "RECONCILER_HTTP_TIMEOUT_SECONDS", slow ? "0.5" : "10",
        "RECONCILER_RETRY_ATTEMPTS", "2",
        // No backoff: the reads of a spoilt batch are retried together, in a batch again.
        "RECONCILER_RETRY_BACKOFF_SECONDS", "0",
        "RECONCILER_RETRY_MAX_WAIT_SECONDS", "5");
    InProcessCli.Result result = InProcessCli.run(env, all.toArray(String[]::new));
    Run r = new Run(result.exit(), result.out(), result.err());
    assertThat(r.out() + r.err())
        .as("no stack trace, no exception class name, no token\n%s", r)
        .doesNotContain("\tat ")
        .doesNotContain("this is a bug in settings-reconciler")
        .doesNotContainPattern("\\b(java|javax|tools|org|com|sun)\\.[\\w.$]+(Exception|Error)\\b")
        .doesNotContainPattern("\\b\\w+(Exception|Error):")
        .doesNotContain(TOKEN);
    return r;
  }

  /**
   * The desired state: four settings that need a change (pronouns, name pronunciation, web search, the source
   * precedence) and three in sync (enhanced personalization, a profile card property, an interest).
   */
  static Path desired(Path dir) throws IOException {
    return Files.writeString(dir.resolve("desired.yaml"), """
        copilot:
          enhancedPersonalization:
            isEnabledInOrganization: true
          policySettings:
            microsoft.copilot.allowwebsearch:
              value: "1"
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls: ["%s", "%s"]
          profileCardProperties:
            Fax:
              annotations: []
        users:
          adele@contoso.com:
            interests:
              Chess:
                categories: [games]
        """.formatted(HostileTenant.HR, HostileTenant.ENTRA));
  }
}
