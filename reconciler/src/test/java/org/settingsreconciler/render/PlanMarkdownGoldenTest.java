package org.settingsreconciler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Markdown plan of each case in {@code src/test/resources/render/} must equal its {@code plan.md}. After a
 * deliberate change of the output, rewrite the files with {@code mvn -B -ntp verify -Dgolden.update=true} and
 * review the diff like any other.
 */
class PlanMarkdownGoldenTest {

  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"full", "no-changes", "required-resent"})
  void matchesTheGoldenFile(String name) throws Exception {
    String markdown =
        new PlanMarkdownRenderer("settings-reconciler plan").render(PlanFixtures.plan(name), "the sandbox tenant");
    Path golden = PlanFixtures.ROOT.resolve(name).resolve("plan.md");
    if (UPDATE) {
      Files.writeString(golden, markdown);
    }
    assertThat(golden).exists();
    assertThat(markdown).isEqualTo(Files.readString(golden));
    assertThat(markdown.length()).isLessThan(PlanMarkdownRenderer.GITHUB_COMMENT_LIMIT);
  }
}
