package org.settingsreconciler.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The release bundle `mvn package` built in target/ (src/bundle/bundle.sh), for the tests that run it (tag "bundle"). */
final class BuiltBundle {

  private BuiltBundle() {}

  /**
   * The archive, reconciler-VERSION-OS-ARCH.tar.gz. bundle.sh skips it only where the JDK has no jmods to make a
   * runtime from: then the calling test is skipped, saying so; anywhere else a missing bundle fails it.
   */
  static Path archive() throws IOException {
    Path bundle;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      bundle = files.filter(f -> f.getFileName().toString().matches("reconciler-.+-[a-z]+-[a-z0-9]+\\.tar\\.gz"))
          .findFirst().orElse(null);
    }
    boolean jmods = Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods"));
    assumeTrue(bundle != null || jmods, "this JDK has no jmods (Ubuntu: openjdk-17-jmods), so no bundle was built");
    assertThat(bundle).as("the release bundle in target/ (mvn package builds it)").isNotNull();
    return bundle.toAbsolutePath();
  }
}
