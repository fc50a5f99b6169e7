package org.settingsreconciler.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * What the README's main job (a plan of examples/ against the sandbox) prints through the jar on the JDK these
   * tests run on, with {@code extra} options: what a bundle must print too. Asked of the jar rather than written
   * down, so that a new example changes the expectation of every test at once.
   */
  static String mainJobThroughTheJar(String... extra) throws IOException, InterruptedException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/reconciler.jar", "plan",
        "../examples/", "--sandbox"));
    command.addAll(java.util.List.of(extra));
    Path out = Files.createTempFile("main-job", ".out");
    try {
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the main job through the jar finished").isTrue();
      return Files.readString(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The counts row of a Markdown plan: {@code | 3 | 6 | 0 | 7 | 0 | 0 |}. */
  static String countsRow(String markdown) {
    Matcher m = Pattern.compile("(?m)^\\|( \\d+ \\|)+$").matcher(markdown);
    assertThat(m.find()).as("a counts row in\n" + markdown).isTrue();
    return m.group();
  }

  /** The summary line of a text plan: {@code Plan: 3 to create, ...}. */
  static String planLine(String text) {
    Matcher m = Pattern.compile("(?m)^Plan: .*$").matcher(text);
    assertThat(m.find()).as("a Plan: line in\n" + text).isTrue();
    return m.group();
  }
}
