package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Parallel writes are all applied: the state is guarded, so no create is lost. */
class ConcurrencyTest {

  @Test
  void parallelCreatesAreAllKept() throws Exception {
    try (GraphSandbox sandbox = GraphSandbox.start(0, null, null)) {
      SandboxClient client = new SandboxClient(sandbox);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> statuses =
            IntStream.range(0, 40)
                .mapToObj(i -> pool.submit(() -> client.post(
                    "/users/megan.bowen@contoso.com/profile/interests", "{\"displayName\":\"Topic " + i + "\"}")
                    .status()))
                .toList();
        for (Future<Integer> s : statuses) {
          assertThat(s.get()).isEqualTo(201);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(sandbox.snapshot().at("/users/megan.bowen@contoso.com/interests")).hasSize(40);
    }
  }
}
