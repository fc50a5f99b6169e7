package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * A file that cannot be written is named once, with the reason. Before: the path came twice ("p.yaml/r.json:
 * p.yaml/r.json: Not a directory"), or the reason not at all: only the temporary file's name ("cannot write the report
 * to /proc/self/r.json: /proc/self/.r.json.5192853425811030145.tmp").
 */
class OutputFileErrorsCliTest {

  @TempDir Path dir;

  private Path desired;

  @BeforeEach
  void desiredState() throws Exception {
    desired = Files.writeString(dir.resolve("desired.yaml"),
        "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
  }

  @Test
  void aReportUnderARegularFileIsRefusedWithTheReasonOnce() {
    Path report = desired.resolve("r.json");

    Run r = CliRunner.run(Map.of(), "check", desired.toString(), "--sandbox", "--report", report.toString());

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains(report + ": Not a directory").doesNotContain(report + ": " + report);
  }

  @Test
  void aReportWhereNoFileCanBeCreatedSaysWhy() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc, where no file can be created");
    Path report = Path.of("/proc/self/r.json");

    Run r = CliRunner.run(Map.of(), "check", desired.toString(), "--sandbox", "--report", report.toString());

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error: cannot write the report to /proc/self/r.json: no such file or directory")
        .doesNotContain(".tmp");
  }
}
