package org.settingsreconciler.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as written by a run: new or changed files where its arguments point, the token cache aside. */
class WrittenFilesTest {

  @TempDir Path dir;

  @Test
  void newAndChangedFilesNextToAndBelowTheArgumentsAreFoundButNotUntouchedInputs() throws Exception {
    Path input = Files.writeString(dir.resolve("desired.yaml"), "people: {}\n");
    Path updated = Files.writeString(dir.resolve("layer.yaml"), "before\n");
    Path plan = dir.resolve("out/plan.json");
    WrittenFiles files = WrittenFiles.watch(Map.of(), "check", input.toString(), "--out=" + plan);

    Files.createDirectories(plan.getParent());
    Files.writeString(plan, "{}");
    Files.writeString(updated, "after\n");
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/" + WrittenFiles.TOKEN_CACHE), "refresh token");

    assertThat(files.written()).containsExactlyInAnyOrder(plan, updated);
  }

  @Test
  void aFileInADirectoryTooBroadToWalkIsWatchedOnItsOwn() throws Exception {
    WrittenFiles files = WrittenFiles.watch(Map.of(), "plan", "not-a-file-here");

    assertThat(files.watchedDirectories()).containsExactly(ScannedTempDirs.ROOT);
    assertThat(files.written()).isEmpty();
  }

  @Test
  void aFileWrittenInAnyTestsTemporaryDirectoryIsFoundThoughNoArgumentPointsThere() throws Exception {
    WrittenFiles files = WrittenFiles.watch(Map.of(), "plan", "not-a-file-here");

    Path elsewhere = Files.writeString(dir.resolve("written-where-no-argument-points.json"), "{}");

    assertThat(dir).startsWith(ScannedTempDirs.ROOT);
    assertThat(files.written()).containsExactly(elsewhere);
  }

  @Test
  void savedPlansStateAndExportsHoldRealValuesButReportsDoNot() {
    Path plan = dir.resolve("plan.json");
    Path state = dir.resolve("state-prod.json");

    assertThat(InProcessCli.holdsSettingValues(plan, "plan", "x.yaml", "--out", plan.toString())).isTrue();
    assertThat(InProcessCli.holdsSettingValues(plan, "export", "--out=" + plan)).isTrue();
    assertThat(InProcessCli.holdsSettingValues(state, "apply", "t/", "--sandbox-state", dir + "/state-{tenant}.json"))
        .isTrue();
    assertThat(InProcessCli.holdsSettingValues(plan, "check", "x.yaml", "--report=" + plan)).isFalse();
    assertThat(InProcessCli.holdsSettingValues(plan, "apply", "x.yaml", "--report", plan.toString())).isFalse();
    assertThat(InProcessCli.holdsSettingValues(plan, "check", "x.yaml", "--update-files")).isFalse();
  }
}
