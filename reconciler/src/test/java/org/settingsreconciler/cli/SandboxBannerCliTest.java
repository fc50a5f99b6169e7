package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The command the standalone sandbox suggests is the one the README runs: the launcher on the PATH, not a jar path
 * that works only from the repository's root.
 */
class SandboxBannerCliTest {

  @Test
  void bannerSuggestsTheLauncherWithTheSandboxUrl() throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread sandbox = new Thread(() -> new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Terminal.none()).run("sandbox", "--port", "0"));
    sandbox.start();
    try {
      // It prints the banner and then waits to be stopped; the last line comes once it is all out.
      while (!out.toString(StandardCharsets.UTF_8).contains("Stop with Ctrl-C.") && sandbox.isAlive()) {
        Thread.sleep(20);
      }
    } finally {
      sandbox.interrupt();
      sandbox.join();
    }
    String banner = out.toString(StandardCharsets.UTF_8);
    Matcher url = Pattern.compile("listening at (http://127\\.0\\.0\\.1:\\d+) ").matcher(banner);
    assertThat(url.find()).as(banner + err).isTrue();
    assertThat(banner).contains("Use it from another shell (it accepts any token):\n"
        + "  export RECONCILER_ACCESS_TOKEN=sandbox\n"
        + "  reconciler plan PATH --graph-url " + url.group(1) + "\n").doesNotContain("java -jar");
  }
}
