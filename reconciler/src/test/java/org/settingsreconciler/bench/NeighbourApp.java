package org.settingsreconciler.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.settingsreconciler.sandbox.GraphSandbox;

/**
 * Another app of the tenant, beside the CLI: it reads one setting at a steady rate with a token of its own, as a
 * tenant's other tools would, drawing on the budget the tenant's apps share. Refused requests are not sent again
 * (a refused request uses no budget, so that changes nothing of what is left for the CLI). Stops when closed.
 */
final class NeighbourApp implements AutoCloseable {

  /** Its bearer token: the sandbox's probe counts its requests apart from the CLI's. */
  static final String TOKEN = "neighbour-app";

  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "neighbour-app");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newHttpClient();

  /** @param perSecond requests a second, sent one at a time on a fixed schedule, each without waiting for the last */
  NeighbourApp(GraphSandbox sandbox, int perSecond) {
    HttpRequest read = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1.0/admin/people/pronouns"))
        .header("Authorization", "Bearer " + TOKEN).build();
    long every = 1_000_000_000L / perSecond;
    clock.scheduleAtFixedRate(() -> http.sendAsync(read, HttpResponse.BodyHandlers.discarding()), 0, every,
        TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    clock.shutdownNow();
    clock.awaitTermination(5, TimeUnit.SECONDS);
  }
}
