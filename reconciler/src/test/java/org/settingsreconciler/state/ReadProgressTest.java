package org.settingsreconciler.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a long read says each time its clock ticks, on a clock the test moves (no clock thread, no sleeps). */
class ReadProgressTest {

  private long now;
  private final List<String> lines = new ArrayList<>();
  private final ReadProgress progress = new ReadProgress(lines::add, () -> now, null);

  @Test
  void anExportSaysUsersReadOfThoseListedUntilTheListEnds() {
    progress.start(null);
    now = 10_000_000_000L;
    progress.usersListed(1_998, false);
    progress.usersRead(999);
    progress.tick();
    now = 20_000_000_000L;
    progress.usersListed(2_500, true);
    progress.usersRead(2_000);
    progress.tick();

    assertThat(lines).containsExactly(
        "Still reading the tenant: 999 users read of 1,998 listed so far, 0 requests in flight, 0 throttled waits "
            + "[10s elapsed]",
        "Still reading the tenant: 2,000 of 2,500 users read, 0 requests in flight, 0 throttled waits [20s elapsed]");
  }

  @Test
  void aPlanKnowsItsUsersFromTheStart() {
    progress.usersTotal(100_000);
    progress.start(null);
    now = 30_000_000_000L;
    progress.usersRead(12_345);
    progress.tick();

    assertThat(lines).containsExactly("Still reading the tenant: 12,345 of 100,000 users read, 0 requests in flight, "
        + "0 throttled waits [30s elapsed]");
  }

  @Test
  void nothingIsSaidWithoutATick() {
    progress.start(null);
    progress.usersTotal(3);
    progress.usersRead(3);
    progress.done();

    assertThat(lines).isEmpty();
  }
}
