package org.settingsreconciler.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every link in README.md and docs/ leads somewhere: a relative link to a file or directory of the repository, an
 * anchor to a heading there (as GitHub makes anchors), an external link at least a well-formed URL (never fetched:
 * the build has no network). docs/notes/ is left out: it holds text other branches wrote for the guides, checked
 * once it is folded into them.
 */
class DocLinksTest {

  @Test
  void everyLinkOfTheReadmeAndTheDocsResolves() throws IOException {
    MarkdownLinks links = new MarkdownLinks(GeneratedPages.ROOT);
    List<Path> files = new ArrayList<>();
    files.add(GeneratedPages.ROOT.resolve("README.md"));
    Path docs = GeneratedPages.ROOT.resolve("docs");
    try (Stream<Path> walk = Files.walk(docs)) {
      walk.filter(p -> p.toString().endsWith(".md")).filter(p -> !p.startsWith(docs.resolve("notes"))).sorted()
          .forEach(files::add);
    }
    assertThat(files).as("the guides are there to be checked").hasSizeGreaterThan(10);
    List<String> broken = new ArrayList<>();
    files.forEach(f -> broken.addAll(links.broken(f)));
    assertThat(broken).as("links that lead nowhere").isEmpty();
  }

  @Test
  void brokenLinksAndAnchorsAreFound(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("guides"));
    Files.writeString(dir.resolve("guides/a.md"), """
        # Saved plans (`plan --out FILE`)
        ## Saved plans (`plan --out FILE`)
        <a id="kept"></a>
        """);
    Files.writeString(dir.resolve("README.md"), """
        # Top
        [ok](guides/a.md) [ok](guides/a.md#saved-plans-plan---out-file) [ok](guides/a.md#saved-plans-plan---out-file-1)
        [ok](#top) [ok](guides/) [ok](https://learn.microsoft.com/graph/) [ok](guides/a.md#kept) [ok](/guides/a.md)
        [gone](guides/b.md) [bad anchor](guides/a.md#saved-plans) [bad](#nowhere) [bad url](https://exa%zz.com)
        [out](../x.md) `[in code](nowhere.md)`
        ```
        [in a fence](nowhere.md)
        ```
        [ref]: guides/missing.md
        """);
    List<String> broken = new MarkdownLinks(dir).broken(dir.resolve("README.md"));
    assertThat(broken).containsExactly(
        "README.md:4: guides/b.md: no such file or directory",
        "README.md:4: guides/a.md#saved-plans: no heading #saved-plans in guides/a.md",
        "README.md:4: #nowhere: no heading #nowhere in README.md",
        "README.md:4: https://exa%zz.com: not a URL: Malformed escape pair",
        "README.md:5: ../x.md: outside the repository",
        "README.md:9: guides/missing.md: no such file or directory");
  }
}
