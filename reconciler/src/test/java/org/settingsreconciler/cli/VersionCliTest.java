package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.secrets.InProcessCli;

/** --version says the Maven project's version, the one the jar and the release bundle are named by. */
class VersionCliTest {

  @Test
  void versionIsTheProjectVersion() throws IOException {
    Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
        .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(parent.find()).isTrue();
    InProcessCli.Result version = InProcessCli.run(Map.of(), "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).isEqualTo("settings-reconciler " + parent.group(1) + "\n");
  }
}
