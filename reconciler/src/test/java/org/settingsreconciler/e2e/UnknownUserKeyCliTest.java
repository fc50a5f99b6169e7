package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/** A users: key the sandbox's demo tenant has no user for, as a newcomer first meets it. */
class UnknownUserKeyCliTest {

  @TempDir Path dir;

  @Test
  void planNamesTheKeyAndItsPlace() throws Exception {
    Path yaml = Files.writeString(dir.resolve("users.yaml"),
        "users:\n  nobody@contoso.com:\n    interests:\n      Hiking: {}\n");

    Run plan = CliRunner.run(Map.of(), "plan", yaml.toString(), "--sandbox");

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err()).as(plan.toString())
        .contains("error: " + yaml + ":2:3: users[\"nobody@contoso.com\"]: no Entra user has the principal name "
            + "\"nobody@contoso.com\"");
    assertThat(plan.out()).doesNotContain("could not be read");
  }
}
