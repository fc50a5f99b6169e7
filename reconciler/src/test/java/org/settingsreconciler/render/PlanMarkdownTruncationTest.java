package org.settingsreconciler.render;

import tools.jackson.databind.JsonNode;
import org.settingsreconciler.graph.GraphResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.plan.Differ;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.state.CurrentState;

/** Markdown over the size limit loses per-setting detail, never the summary, and says what it lost. */
class PlanMarkdownTruncationTest {

  private static final Pattern CUT = Pattern.compile("The details of (\\d+) settings? were cut\\*\\* \\(([^)]*)\\)");

  @TempDir Path dir;

  @Test
  void aSmallLimitKeepsTheSummaryAndCountsWhatWasCut() throws Exception {
    Plan plan = PlanFixtures.plan("full");
    String full = new PlanMarkdownRenderer("plan").render(plan, "the sandbox tenant");
    int limit = 2_500;
    String cut = new PlanMarkdownRenderer("plan", limit).render(plan, "the sandbox tenant");

    assertThat(full.length()).isGreaterThan(limit);
    assertThat(cut.length()).isLessThanOrEqualTo(limit);
    String summary = full.substring(0, full.indexOf("### "));
    assertThat(cut).startsWith(summary).contains("| 1 | 5 | 2 | 3 | 1 | 3 |");
    assertThat(count(cut, "<details")).isEqualTo(count(cut, "</details>"));

    Matcher m = CUT.matcher(cut);
    assertThat(m.find()).as("the cut line in:\n%s", cut).isTrue();
    int shownSettings = count(cut, "<summary>") - (cut.contains("### ✅ In sync") ? 1 : 0)
        + count(cut, "\n| `people.itemInsights` |");
    int cutSettings = Integer.parseInt(m.group(1));
    assertThat(shownSettings + cutSettings).isEqualTo(plan.statuses().size());
    assertThat(cut.strip()).endsWith("run the command again with `--format text` or `--format json`.");
  }

  @Test
  void aLargePlanStaysUnderGitHubsLimit() throws Exception {
    StringBuilder yaml = new StringBuilder("users:\n  adele@contoso.com:\n    interests:\n");
    for (int i = 0; i < 1_500; i++) {
      yaml.append("      Interest ").append(i).append(":\n        description: ").append("x".repeat(60)).append('\n');
    }
    Path file = dir.resolve("many.yaml");
    Files.writeString(file, yaml);
    CurrentState current = new CurrentState();
    current.putCollection("users[\"adele@contoso.com\"].interests", GraphResult.items(List.of()));
    Plan plan = new Differ().diff(new DesiredStateLoader().load(List.of(file)), current);

    String markdown = new PlanMarkdownRenderer("plan").render(plan, "the sandbox tenant");

    assertThat(plan.changes()).hasSize(1_500);
    assertThat(markdown.length()).isLessThanOrEqualTo(PlanMarkdownRenderer.GITHUB_COMMENT_LIMIT);
    assertThat(markdown).contains("| 1500 | 0 | 0 | 0 | 0 | 0 |");
    Matcher m = CUT.matcher(markdown);
    assertThat(m.find()).isTrue();
    assertThat(Integer.parseInt(m.group(1)) + count(markdown, "<summary>")).isEqualTo(1_500);
    assertThat(m.group(2)).isEqualTo(m.group(1) + " changed");
  }

  @Test
  void underTheLimitNothingIsCut() throws Exception {
    String markdown = new PlanMarkdownRenderer("plan", 100_000).render(PlanFixtures.plan("full"), "the sandbox tenant");
    assertThat(markdown).doesNotContain("were cut").contains("### ✅ In sync (3)");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
