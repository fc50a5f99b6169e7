package org.settingsreconciler.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI in a JVM of its own through {@link MeasuredMain}, as a user would start it: the wall time includes
 * the JVM's start, and the heap is the CLI's alone (the sandbox stays in the benchmark's JVM).
 */
final class ChildRun {

  /** What one run took. */
  record Result(int exit, long wallMillis, long liveAfterGcBytes, long sampledBytes, String out, String err) {}

  private final Path dir;
  private final String maxHeap;
  private final List<String> jvmArgs;
  private int runs;

  ChildRun(Path dir, String maxHeap, List<String> jvmArgs) {
    this.dir = dir;
    this.maxHeap = maxHeap;
    this.jvmArgs = jvmArgs;
  }

  Result run(List<String> cliArgs) throws IOException, InterruptedException {
    int n = ++runs;
    Path stats = dir.resolve("stats-" + n + ".txt");
    Path out = dir.resolve("out-" + n + ".txt");
    Path err = dir.resolve("err-" + n + ".txt");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap));
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", classPath(), MeasuredMain.class.getName(), stats.toString()));
    command.addAll(cliArgs);
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("RECONCILER_ACCESS_TOKEN", "benchmark");
    long start = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("the run did not end within an hour: " + cliArgs);
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    Map<String, Long> s = new HashMap<>();
    if (Files.exists(stats)) {
      for (String line : Files.readAllLines(stats)) {
        String[] kv = line.split("=", 2);
        s.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    return new Result(p.exitValue(), wall, s.getOrDefault("liveAfterGc", -1L), s.getOrDefault("sampled", -1L),
        Files.readString(out), Files.readString(err));
  }

  /** Surefire names the test class path in a property of its own; its java.class.path may be a booter jar. */
  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
  }
}
