package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * Any name the file system takes is a name the tool writes to. Files are written to a temporary file beside the target
 * first, named after its start; before, that was its first 64 UTF-16 units: a name whose 64th began an emoji gave the
 * temporary file half a character, and the run ended in "this is a bug" after it had read the tenant.
 */
class OutputFileNamesCliTest {

  @TempDir Path dir;

  @Test
  void aReportWhoseNameHasAnEmojiAcrossTheTemporaryFilesCutIsWritten() throws Exception {
    Path desired = Files.writeString(dir.resolve("desired.yaml"),
        "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Path report = dir.resolve("a".repeat(63) + "\uD83D\uDE00.json");

    Run r = CliRunner.run(Map.of(), "check", desired.toString(), "--sandbox", "--report", report.toString());

    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("this is a bug");
    assertThat(Files.readString(report)).contains("people.pronouns");
  }
}
