package org.settingsreconciler.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the built CLI in a JVM of its own, as a user starts it: through {@code bin/reconciler} (the launcher, the
 * default) or with plain {@code java -jar target/reconciler.jar}. The wall time includes the JVM's start, and the
 * heap is the CLI's alone (the sandbox stays in the benchmark's JVM), read from the JVM's own GC log.
 */
final class ChildRun {

  /** How the CLI is started. */
  enum Launch { SCRIPT, JAVA_JAR }

  /**
   * What one run took. The heap figures come from the GC log: the most in use after any collection (the live data,
   * -1 when no collection ran) and the most in use at all, which is reached just before a collection or at exit
   * (between collections the heap only grows).
   */
  record Result(int exit, long wallMillis, long liveAfterGcBytes, long sampledBytes, String out, String err,
      long liveAfterFullGcBytes) {

    Result(int exit, long wallMillis, long liveAfterGcBytes, long sampledBytes, String out, String err) {
      this(exit, wallMillis, liveAfterGcBytes, sampledBytes, out, err, -1);
    }
  }

  /**
   * A full collection's figures: what is left after one is the live data itself, where after a young collection it
   * includes whatever dead data the old generation still holds.
   */
  private static final Pattern FULL = Pattern.compile("Pause Full.*?(\\d+)M->(\\d+)M\\(");

  /** A collection's "before->after(committed)" figures, as every collector logs them with -Xlog:gc. */
  private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\(");
  /** A heap's total at exit (-Xlog:gc+heap+exit): a generation for Serial and Parallel, the heap for G1. */
  private static final Pattern AT_EXIT = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

  private final Path dir;
  private final String maxHeap;
  private final List<String> jvmArgs;
  private final Launch launch;
  private int runs;

  ChildRun(Path dir, String maxHeap, List<String> jvmArgs, Launch launch) {
    this.dir = dir;
    this.maxHeap = maxHeap;
    this.jvmArgs = jvmArgs;
    this.launch = launch;
    if (!Files.isRegularFile(jar())) {
      throw new IllegalStateException(jar() + " is missing: the benchmark runs the built jar, after `package`");
    }
  }

  /** The token every run of the CLI sends: the sandbox's probe counts its requests by it. */
  static final String TOKEN = "benchmark";

  Result run(List<String> cliArgs) throws IOException, InterruptedException {
    int n = ++runs;
    Path gcLog = dir.resolve("gc-" + n + ".log");
    Path out = dir.resolve("out-" + n + ".txt");
    Path err = dir.resolve("err-" + n + ".txt");
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + maxHeap, "-Xlog:gc,gc+heap+exit:file=" + gcLog));
    jvm.addAll(jvmArgs);
    List<String> command = new ArrayList<>();
    ProcessBuilder pb = new ProcessBuilder(command);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    if (launch == Launch.SCRIPT) {
      command.add(Path.of("bin", "reconciler").toAbsolutePath().toString());
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      pb.environment().put("RECONCILER_JAVA_OPTS", String.join(" ", jvm));
    } else {
      command.add(java);
      command.addAll(jvm);
      command.addAll(List.of("-jar", jar().toString()));
    }
    command.addAll(cliArgs);
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("RECONCILER_ACCESS_TOKEN", TOKEN);
    // The CLI's own state (the rates Graph taught it, recent creates) in this benchmark's directory: the runs of one
    // benchmark share it, one run after another as a user's would, and nothing is left in the user's config.
    pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    // -Dbenchmark.rateMemoryHours=0 measures every run as a first one, starting at full speed.
    String memory = System.getProperty("benchmark.rateMemoryHours");
    if (memory != null && !memory.isBlank()) {
      pb.environment().put("RECONCILER_RATE_MEMORY_HOURS", memory);
    }
    long start = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("the run did not end within an hour: " + cliArgs);
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    long live = -1;
    long peak = 0;
    long atExit = 0;
    long liveAfterFull = -1;
    for (String line : Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.<String>of()) {
      Matcher c = COLLECTION.matcher(line);
      if (c.find()) {
        peak = Math.max(peak, Long.parseLong(c.group(1)) << 20);
        live = Math.max(live, Long.parseLong(c.group(2)) << 20);
      }
      Matcher f = FULL.matcher(line);
      if (f.find()) {
        liveAfterFull = Math.max(liveAfterFull, Long.parseLong(f.group(2)) << 20);
      }
      Matcher e = AT_EXIT.matcher(line);
      if (e.find()) {
        atExit += Long.parseLong(e.group(1)) << 10;
      }
    }
    return new Result(p.exitValue(), wall, live, Math.max(peak, atExit), Files.readString(out),
        Files.readString(err), liveAfterFull);
  }

  /** The jar `package` builds, from the module's directory (Surefire's working directory). */
  private static Path jar() {
    return Path.of("target", "reconciler.jar").toAbsolutePath();
  }
}
