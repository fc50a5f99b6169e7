package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The standalone sandbox ({@code reconciler sandbox}): the command it suggests is the one the README runs (the launcher
 * on the PATH, not a jar path that works only from the repository's root), and its throttling options reach it.
 */
class SandboxBannerCliTest {

  /** A standalone sandbox's banner, with the sandbox still running while {@code use} looks at it and talks to it. */
  private interface WhileRunning {
    void accept(String banner, String url) throws Exception;
  }

  private static void runSandbox(WhileRunning use, String... options) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = new String[options.length + 3];
    args[0] = "sandbox";
    args[1] = "--port";
    args[2] = "0";
    System.arraycopy(options, 0, args, 3, options.length);
    Thread sandbox = new Thread(() -> new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Terminal.none()).run(args));
    sandbox.start();
    try {
      // It prints the banner and then waits to be stopped; the last line comes once it is all out.
      while (!out.toString(StandardCharsets.UTF_8).contains("Stop with Ctrl-C.") && sandbox.isAlive()) {
        Thread.sleep(20);
      }
      String banner = out.toString(StandardCharsets.UTF_8);
      Matcher url = Pattern.compile("listening at (http://127\\.0\\.0\\.1:\\d+) ").matcher(banner);
      assertThat(url.find()).as(banner + err).isTrue();
      use.accept(banner, url.group(1));
    } finally {
      sandbox.interrupt();
      sandbox.join();
    }
  }

  @Test
  void bannerSuggestsTheLauncherWithTheSandboxUrl() throws Exception {
    runSandbox((banner, url) -> assertThat(banner).contains("no throttling.\n")
        .contains("Use it from another shell (it accepts any token):\n"
        + "  export RECONCILER_ACCESS_TOKEN=sandbox\n"
        + "  reconciler plan PATH --graph-url " + url + "\n").doesNotContain("java -jar"));
  }

  @Test
  void aTenantBudgetIsSharedByEveryClient() throws Exception {
    runSandbox((banner, url) -> {
      assertThat(banner).contains("throttled past 5 requests per client and 2 requests for the tenant per 60000 ms.");
      HttpClient http = HttpClient.newHttpClient();
      List<Integer> statuses = new ArrayList<>();
      for (String token : List.of("app-one", "app-two", "app-three")) {
        statuses.add(http.send(HttpRequest.newBuilder(URI.create(url + "/v1.0/admin/people/pronouns"))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
      }
      // Each app is far from its own 5, but the tenant's 2 are spent by the first two apps.
      assertThat(statuses).containsExactly(200, 200, 429);
    }, "--throttle-budget", "5", "--throttle-tenant-budget", "2", "--throttle-window-ms", "60000");
  }
}
