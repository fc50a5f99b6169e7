package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The probe counts each client's load apart, as the benchmark does for the CLI beside a neighbour app. */
class ProbePerClientTest extends FreshSandbox {

  private static final String PRONOUNS = "/admin/people/pronouns";

  @Test
  void eachClientsRequestsAndThrottlesAreCountedApart() {
    sandbox.setThrottle(2, Duration.ofSeconds(30));
    SandboxClient neighbour = new SandboxClient(sandbox, "neighbour-token");
    client.get(PRONOUNS);
    client.post("/$batch", "{\"requests\":["
        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\"},"
        + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\"}]}");
    for (int i = 0; i < 4; i++) {
      neighbour.get(PRONOUNS);
    }

    assertThat(probe.stats(SandboxClient.TOKEN)).isEqualTo(new LoadStats(2, 1, 2, 1, 0));
    assertThat(probe.stats("neighbour-token")).isEqualTo(new LoadStats(4, 0, 0, 2, 1));
    assertThat(probe.stats()).isEqualTo(new LoadStats(6, 1, 2, 3, 1));
    assertThat(probe.stats("never-seen")).isEqualTo(new LoadStats(0, 0, 0, 0, 0));
  }

  @Test
  void resettingTheStatsStartsEachClientsAfresh() {
    client.get(PRONOUNS);
    probe.resetStats();
    client.get(PRONOUNS);

    assertThat(probe.stats(SandboxClient.TOKEN).roundTrips()).isEqualTo(1);
  }
}
