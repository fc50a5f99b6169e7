package org.settingsreconciler.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.cli.CommandPages;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;

/**
 * The generated reference pages (docs/commands/ from the CLI's picocli model, docs/resources/ from the resource
 * registry) are regenerated in memory and must equal the committed ones, so a changed option, description or
 * descriptor cannot leave its page behind. {@code -Ddocs.update=true} writes them instead: the one command is
 * {@link GeneratedPages#REGENERATE}.
 */
class GeneratedDocsTest {

  private static final boolean UPDATE = Boolean.getBoolean("docs.update");

  @Test
  void commandPagesAreCurrent() {
    check(CommandPages.DIR, endingInOneNewline(CommandPages.render(title -> GeneratedPages.header(title,
        "CommandPages"))));
  }

  @Test
  void resourcePagesAreCurrent() {
    check(ResourcePages.DIR, endingInOneNewline(ResourcePages.render()));
  }

  @Test
  void everyCommandAndResourceHasAPage() {
    Map<String, String> commands = CommandPages.render(title -> title);
    assertThat(commands).containsKeys("README.md", "validate.md", "plan.md", "apply.md", "check.md", "export.md",
        "sandbox.md", "permissions.md", "login.md", "logout.md");
    assertThat(commands.get("plan.md")).as("an option of plan, with its default")
        .contains("`--format FORMAT`").contains("| `text` |");
    Map<String, String> resources = ResourcePages.render();
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      assertThat(resources).containsKey(d.type() + ".md");
      assertThat(resources.get(d.type() + ".md")).as(d.type()).contains(d.path()).contains("## Permissions");
    }
  }

  /** The README's settings table links every resource's page (issue 16: it shows every resource). */
  @Test
  void theReadmeLinksEveryResourcePage() throws IOException {
    String readme = Files.readString(GeneratedPages.ROOT.resolve("README.md"));
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      assertThat(readme).as("README.md links " + d.type())
          .contains("(" + ResourcePages.DIR + "/" + ResourcePages.fileName(d) + ")");
    }
  }

  private static void check(String dir, Map<String, String> pages) {
    if (UPDATE) {
      GeneratedPages.write(dir, pages);
      return;
    }
    List<String> stale = GeneratedPages.stale(dir, pages);
    assertThat(stale).as("generated pages that differ from what the code says; regenerate them with\n  "
        + GeneratedPages.REGENERATE + "\nand commit the diff").isEmpty();
  }

  private static Map<String, String> endingInOneNewline(Map<String, String> pages) {
    Map<String, String> out = new LinkedHashMap<>();
    pages.forEach((name, content) -> out.put(name, content.stripTrailing() + "\n"));
    return out;
  }
}
