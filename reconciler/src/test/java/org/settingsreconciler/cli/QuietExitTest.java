package org.settingsreconciler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The process exit stops the HTTP clients' selector threads, which would otherwise hold the JVM's exit 300 ms. */
class QuietExitTest {

  @Test
  void aClientsSelectorThreadEndsWhenStopped() throws Exception {
    Set<Thread> before = Set.of(QuietExit.liveThreads());
    HttpClient client = HttpClient.newHttpClient();
    List<Thread> selectors = Arrays.stream(QuietExit.liveThreads())
        .filter(t -> !before.contains(t) && t.getName().endsWith("-SelectorManager"))
        .collect(Collectors.toList());
    assertEquals(1, selectors.size(), "a new client starts one selector thread");
    Thread selector = selectors.get(0);
    assertTrue(selector.isAlive());

    assertEquals(1, QuietExit.stopHttpSelectors(selector));

    assertFalse(selector.isAlive());
    assertTrue(client.toString().length() > 0); // the client itself stays reachable: the thread ended on its own
  }

  @Test
  void otherThreadsAreLeftAlone() throws Exception {
    Thread other = new Thread(() -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // ends early only if interrupted
      }
    }, "HttpClient-1-Worker-0");
    other.setDaemon(true);
    other.start();
    try {
      assertEquals(0, QuietExit.stopHttpSelectors(other));
      assertTrue(other.isAlive(), "a client's thread that is not its selector (named as the JDK names its workers) "
          + "is never interrupted");
    } finally {
      other.interrupt();
    }
  }
}
