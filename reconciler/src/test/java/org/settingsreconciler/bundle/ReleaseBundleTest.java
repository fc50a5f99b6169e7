package org.settingsreconciler.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release bundle `mvn package` builds (src/bundle/bundle.sh) runs on a machine with no Java at all: unpacked,
 * its launcher runs the README's main job with no {@code java} on the PATH and JAVA_HOME unset. Runs after package
 * (tag "bundle", the surefire execution bundle-test in reconciler/pom.xml).
 */
@Tag("bundle")
class ReleaseBundleTest {

  /** The tools the launcher and tar need, and nothing else: above all no java. */
  private static final List<String> TOOLS = List.of("sh", "dirname", "readlink", "cat", "tar", "gzip", "uname");

  @TempDir static Path dir;
  private static Path home;
  private static Path path;

  @BeforeAll
  static void unpack() throws Exception {
    Path bundle = BuiltBundle.archive();
    path = Files.createDirectories(dir.resolve("bin"));
    for (String tool : TOOLS) {
      Path real = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new AssertionError(tool + " not found"));
      Files.createSymbolicLink(path.resolve(tool), real);
    }
    Run untar = run(dir, "tar", "-xzf", bundle.toString());
    assertThat(untar.exit()).as(untar.err()).isZero();
    try (Stream<Path> unpacked = Files.list(dir)) {
      home = unpacked.filter(p -> p.getFileName().toString().startsWith("reconciler-")).findFirst().orElseThrow();
    }
  }

  @Test
  void theMainJobRunsWithNoJavaOnTheMachine() throws Exception {
    assertThat(run(dir, "sh", "-c", "command -v java").exit()).as("java must not be on the PATH").isNotZero();

    Run plan = run(home, "bin/reconciler", "plan", "examples/", "--sandbox");

    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(BuiltBundle.planLine(plan.out())).isEqualTo(BuiltBundle.planLine(BuiltBundle.mainJobThroughTheJar()));
  }

  @Test
  void itHoldsARuntimeOfOnlyTheModulesTheToolUsesWithItsClassDataArchive() throws Exception {
    String modules = Files.readString(home.resolve("runtime/release"), StandardCharsets.UTF_8);
    assertThat(modules).contains("java.base", "java.net.http", "jdk.httpserver", "jdk.crypto.ec")
        .doesNotContain("java.compiler", "jdk.jshell", "java.rmi");
    assertThat(home.resolve("lib/reconciler.jar")).isRegularFile();
    assertThat(home.resolve("runtime/lib/server/classes.jsa")).isRegularFile();

    // The archive serves the runtime that wrote it: with -Xshare:on the JVM refuses to start without a usable one.
    Run strict = run(home, "runtime/bin/java", "-Xshare:on", "-jar", "lib/reconciler.jar", "--version");
    assertThat(strict.exit()).as(strict.err()).isZero();
    // The bundle is named by the version the tool says it is: reconciler-VERSION/ prints settings-reconciler VERSION.
    String version = home.getFileName().toString().substring("reconciler-".length());
    assertThat(strict.out()).isEqualTo("settings-reconciler " + version + "\n");
  }

  private record Run(int exit, String out, String err) {}

  /** Runs a command in {@code cwd} with only {@link #TOOLS} on the PATH and no JAVA_HOME. */
  private static Run run(Path cwd, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", path.toString());
    env.put("HOME", dir.toString());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
