package org.settingsreconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a long apply says while it runs: the lines, against a clock the test moves, and the clock thread. */
class ApplyProgressTest {

  private long now = 5_000_000_000L; // any start: only differences count
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final ApplyProgress progress = new ApplyProgress(lines::add, () -> now, null);

  private void seconds(long s) {
    now += s * 1_000_000_000L;
  }

  @Test
  void saysHowManyChangesHaveTheirAnswerThenThatTheTenantIsReadBack() {
    progress.sending(2000);
    progress.answered(800);
    seconds(10);
    progress.tick();
    progress.answered(1600);
    seconds(10);
    progress.tick();
    progress.answered(2000);
    progress.readingBack(1990);
    seconds(10);
    progress.tick();

    assertThat(lines).containsExactly(
        "Still applying: 800 of 2,000 changes answered [10s elapsed]",
        "Still applying: 1,600 of 2,000 changes answered [20s elapsed]",
        "Still applying: all 2,000 changes answered, reading the tenant back to verify 1,990 of them [30s elapsed]");
  }

  @Test
  void oneChangeIsOneChange() {
    progress.sending(1);
    seconds(10);
    progress.tick();
    progress.answered(1);
    progress.readingBack(1);
    seconds(10);
    progress.tick();

    assertThat(lines).containsExactly("Still applying: 0 of 1 change answered [10s elapsed]",
        "Still applying: the change was answered, reading the tenant back to verify it [20s elapsed]");
  }

  @Test
  void eachApplyCountsFromItsOwnStart() {
    progress.sending(10);
    progress.answered(10);
    progress.readingBack(10);
    seconds(30);
    progress.sending(3);
    seconds(10);
    progress.tick();

    assertThat(lines).containsExactly("Still applying: 0 of 3 changes answered [10s elapsed]");
  }

  @Test
  void theClockThreadSpeaksOnItsOwnWhileTheApplyWaitsAndIsSilentOnceItIsDone() throws Exception {
    ApplyProgress timed = new ApplyProgress(lines::add, System::nanoTime, Duration.ofMillis(20));
    timed.sending(5);
    timed.answered(2);
    // A tick may come between sending and answered on a loaded machine (it would say 0 of 5): wait for one that
    // comes after, rather than assume the first does.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (lines.stream().noneMatch(l -> l.startsWith("Still applying: 2 of 5 changes answered ["))
        && System.nanoTime() < deadline) {
      Thread.sleep(5); // a Retry-After, say: no answer comes, the line comes anyway
    }
    timed.done();
    int said = lines.size();
    Thread.sleep(100);

    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Still applying: 2 of 5 changes answered ["));
    assertThat(lines).as("nothing after done()").hasSize(said);
  }

  @Test
  void silentProgressStartsNoClock() {
    long before = clocks();
    ApplyProgress silent = ApplyProgress.silent();
    silent.sending(5);
    long during = clocks();
    silent.done();

    assertThat(during).isEqualTo(before);
  }

  private static long clocks() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("apply-progress")).count();
  }
}
