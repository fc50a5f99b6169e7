package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.secrets.InProcessCli;

/** One of anything is counted in the singular, from validate to apply: "1 setting", "1 change", never "(s)". */
class SingularPluralCliTest {

  @Test
  void oneSettingOneChangeOneDrift(@TempDir Path dir) throws IOException {
    // The sandbox's demo tenant has pronouns off.
    Files.writeString(dir.resolve("people.yaml"), "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    String yaml = dir.toString();
    InProcessCli.Result validate = InProcessCli.run(Map.of(), "validate", yaml);
    assertThat(validate.out()).isEqualTo("Valid: 1 setting and 0 collections (lists of items, such as profile card properties or interests) in 1 path.\n");
    InProcessCli.Result check = InProcessCli.run(Map.of(), "check", yaml, "--sandbox");
    assertThat(check.out()).contains("Drift: 1 setting differs from the YAML:\n  people.pronouns\n");
    InProcessCli.Result apply = InProcessCli.run(Map.of(), "apply", yaml, "--sandbox", "--auto-approve");
    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("Sending 1 change, then reading the tenant back to verify:")
        .contains("Apply complete: 1 applied, 0 failed.");
    for (InProcessCli.Result r : new InProcessCli.Result[] {validate, check, apply}) {
      assertThat(r.out() + r.err()).doesNotContain("(s)").doesNotContain(" 1 settings").doesNotContain(" 1 changes");
    }
  }

  @Test
  void twoOfThemArePlural(@TempDir Path a, @TempDir Path b) throws IOException {
    Files.writeString(a.resolve("people.yaml"), "people:\n  pronouns:\n    isEnabledInOrganization: false\n"
        + "  namePronunciation:\n    isEnabledInOrganization: true\n");
    Files.writeString(b.resolve("more.yaml"), "people:\n  itemInsights:\n    isEnabledInOrganization: false\n");
    InProcessCli.Result validate = InProcessCli.run(Map.of(), "validate", a.toString(), b.toString());
    assertThat(validate.out()).isEqualTo("Valid: 3 settings and 0 collections (lists of items, such as profile card properties or interests) in 2 paths.\n");
  }

  @Test
  void oneErrorIsOneError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "people:\n  pronouns:\n    isEnabledInOrganization: 7\n");
    InProcessCli.Result validate = InProcessCli.run(Map.of(), "validate", dir.toString());
    assertThat(validate.err()).contains("(1 error)").doesNotContain("(s)");
  }
}
