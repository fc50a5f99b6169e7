package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/reconciler, the launcher, run for real with a stand-in for java (it writes down the arguments it was given
 * and exits with a code of its own): which JVM options it adds and in what order, that the tool's arguments reach
 * the jar untouched, that the class-data archive is used only when it is there, and that the exit code is the
 * tool's. The launcher with the real JVM runs in .ci/run (the main job) and in the benchmark.
 */
class LauncherScriptTest {

  private static final Path SCRIPT = Path.of("bin", "reconciler").toAbsolutePath();

  @TempDir Path tmp;

  private Path javaHome;
  private Path jar;
  private Path argsSeen;

  private record Run(int code, String err, List<String> javaArgs) {}

  @BeforeEach
  void fakeJava() throws IOException {
    javaHome = tmp.resolve("jdk with space");
    Files.createDirectories(javaHome.resolve("bin"));
    argsSeen = tmp.resolve("args.txt");
    Path java = javaHome.resolve("bin").resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + argsSeen + "'\nexit 7\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path dist = Files.createDirectories(tmp.resolve("dist dir"));
    jar = Files.writeString(dist.resolve("reconciler.jar"), "not really a jar");
  }

  @Test
  void startsTheJarWithC1SerialGcAndTheToolsArgumentsUntouched() throws Exception {
    Run r = run(Map.of(), "plan", "my desired/state", "--out", "*.json");

    assertThat(r.code()).as("the exit code is java's").isEqualTo(7);
    assertThat(r.javaArgs()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn16m", "-jar",
        jar.toString(),
        "plan", "my desired/state", "--out", "*.json");
  }

  @Test
  void usesTheClassDataArchiveBesideTheJarWhenThereIsOne() throws Exception {
    Path archive = Files.writeString(jar.resolveSibling("reconciler.jsa"), "archive");

    Run r = run(Map.of(), "--version");

    assertThat(r.javaArgs()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn16m",
        "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString(),
        "--version");
  }

  @Test
  void addsTheUsersJvmOptionsLastInTheirOrderAndUnglobbed() throws Exception {
    Files.writeString(tmp.resolve("-Xlog:gc.log"), ""); // what -Xlog:gc* would match in the working directory

    Run r = run(Map.of("RECONCILER_JAVA_OPTS", "-Xmx2g  -XX:TieredStopAtLevel=4 -Xlog:gc*"), "validate", "x");

    assertThat(r.javaArgs()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn16m", "-Xmx2g",
        "-XX:TieredStopAtLevel=4", "-Xlog:gc*", "-jar", jar.toString(), "validate", "x");
  }

  @Test
  void asksForTransparentHugePagesOnlyWhereTheKernelOffersThem() throws Exception {
    Path setting = tmp.resolve("thp enabled");
    List<String> withHugePages = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn16m",
        "-XX:+UseTransparentHugePages", "-Xlog:pagesize=off", "-jar", jar.toString(), "plan", "x");
    List<String> without = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn16m", "-jar",
        jar.toString(), "plan", "x");
    Map<String, String> env = Map.of("RECONCILER_THP_FILE", setting.toString());

    Files.writeString(setting, "always [madvise] never\n");
    assertThat(run(env, "plan", "x").javaArgs()).as("madvise").isEqualTo(withHugePages);
    Files.writeString(setting, "[always] madvise never\n");
    assertThat(run(env, "plan", "x").javaArgs()).as("always").isEqualTo(withHugePages);
    Files.writeString(setting, "always madvise [never]\n");
    assertThat(run(env, "plan", "x").javaArgs()).as("never: the JVM would only warn").isEqualTo(without);
    Files.delete(setting);
    assertThat(run(env, "plan", "x").javaArgs()).as("not Linux, or no such setting").isEqualTo(without);
    Files.createDirectory(setting);
    Run directory = run(env, "plan", "x");
    assertThat(directory.javaArgs()).as("not a file").isEqualTo(without);
    assertThat(directory.err()).as("and nothing said about it").isEmpty();
  }

  @Test
  void findsTheJarBesideTheScriptWhenStartedThroughSymbolicLinks() throws Exception {
    // An installed copy: bin/reconciler and target/reconciler.jar, reached through a chain of links elsewhere.
    Path install = tmp.resolve("opt dir/settings-reconciler");
    Path script = Files.copy(SCRIPT, Files.createDirectories(install.resolve("bin")).resolve("reconciler"));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path installedJar = Files.writeString(Files.createDirectories(install.resolve("target")).resolve("reconciler.jar"),
        "not really a jar");
    Path links = Files.createDirectories(tmp.resolve("home/bin"));
    Path absolute = Files.createSymbolicLink(links.resolve("reconciler-real"), script);
    Path relative = Files.createSymbolicLink(links.resolve("reconciler"), Path.of("reconciler-real"));

    Run r = runScript(relative, Map.of(), false, "--version");

    assertThat(r.code()).isEqualTo(7);
    assertThat(r.javaArgs()).containsSubsequence("-jar", install.resolve("bin/../target/reconciler.jar").toString(),
        "--version");
    assertThat(Path.of(r.javaArgs().get(r.javaArgs().indexOf("-jar") + 1)).toRealPath())
        .isEqualTo(installedJar.toRealPath());
    assertThat(absolute).isSymbolicLink();
  }

  @Test
  void aMissingJarIsAClearErrorAndExit1() throws Exception {
    Files.delete(jar);

    Run r = run(Map.of(), "plan", "examples/");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(jar.toString() + " not found").contains("mvn -B -ntp package -DskipTests");
    assertThat(argsSeen).doesNotExist();
  }

  private Run run(Map<String, String> env, String... toolArgs) throws IOException, InterruptedException {
    return runScript(SCRIPT, env, true, toolArgs);
  }

  /** @param withJar whether RECONCILER_JAR names the test's jar; without it, the script finds its own */
  private Run runScript(Path script, Map<String, String> env, boolean withJar, String... toolArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(toolArgs));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().remove("RECONCILER_JAVA_OPTS");
    pb.environment().remove("RECONCILER_JAR");
    pb.environment().put("JAVA_HOME", javaHome.toString());
    if (withJar) {
      pb.environment().put("RECONCILER_JAR", jar.toString());
    }
    // The machine's own setting would make the expected options depend on where the test runs.
    pb.environment().put("RECONCILER_THP_FILE", tmp.resolve("no such setting").toString());
    pb.environment().putAll(env);
    Path err = tmp.resolve("err.txt");
    pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
    List<String> seen = Files.exists(argsSeen) ? Files.readAllLines(argsSeen, StandardCharsets.UTF_8) : List.of();
    return new Run(p.exitValue(), Files.readString(err), seen);
  }
}
