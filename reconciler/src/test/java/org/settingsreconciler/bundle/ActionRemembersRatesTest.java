package org.settingsreconciler.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.files.ConfigDir;
import org.settingsreconciler.run.RateMemory;

/**
 * The GitHub Action keeps the rates Graph taught earlier jobs (docs/guides/requests.md, "Remembered between runs") in
 * the Actions cache, since every job starts on a runner with an empty home: restored before the tool runs, saved
 * after it whatever its outcome, at the path where the tool writes them on GitHub's runners (HOME set, no
 * XDG_CONFIG_HOME). The cache steps are GitHub's own actions, which {@link CompositeActionRunner} does not run, so
 * this holds what action.yml gives them against where the tool really writes.
 */
class ActionRemembersRatesTest {

  private final CompositeActionRunner action;

  ActionRemembersRatesTest() throws Exception {
    action = new CompositeActionRunner();
  }

  @Test
  void restoresTheLearnedRatesBeforeTheRunAndSavesThemAfterItWhateverItsOutcome() {
    List<Map<?, ?>> steps = action.steps();
    assertThat(steps).hasSize(3);
    Map<?, ?> restore = steps.get(0);
    Map<?, ?> save = steps.get(2);
    assertThat(steps.get(1).get("id")).isEqualTo("run");
    assertThat(restore.get("uses")).isEqualTo("actions/cache/restore@v4");
    assertThat(save.get("uses")).isEqualTo("actions/cache/save@v4");
    assertThat(action.usesSteps()).containsExactly(restore, save);

    assertThat(restore.get("if")).isEqualTo("inputs.remember-rates == 'true'");
    // A failed step still learned: a throttled run that then failed learned the most.
    assertThat(save.get("if")).isEqualTo("always() && inputs.remember-rates == 'true'");

    Map<?, ?> restoreWith = (Map<?, ?>) restore.get("with");
    Map<?, ?> saveWith = (Map<?, ?>) save.get("with");
    assertThat(saveWith.get("key")).isEqualTo(restoreWith.get("key"));
    // Each run saves under a key of its own (a cache entry cannot be overwritten) and restores the newest of them.
    assertThat((String) restoreWith.get("key")).contains("${{ github.run_id }}")
        .startsWith((String) restoreWith.get("restore-keys"));
    assertThat(saveWith.get("path")).isEqualTo(restoreWith.get("path"));
  }

  @Test
  void theCachedPathIsWhereTheToolWritesItsLearnedRatesOnARunner() {
    String path = (String) ((Map<?, ?>) action.steps().get(0).get("with")).get("path");
    Path home = Path.of("/home/runner");
    Path cached = home.resolve(path.replaceFirst("^~/", ""));
    Path written = ConfigDir.of(Map.of("HOME", home.toString())).orElseThrow().resolve(RateMemory.FILES);
    assertThat(cached).isEqualTo(written);
  }

  @Test
  void rememberingIsOnUnlessTurnedOff() {
    assertThat(action.inputDefault("remember-rates")).isEqualTo("true");
  }
}
