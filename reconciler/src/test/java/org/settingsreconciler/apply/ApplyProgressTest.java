package org.settingsreconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a long apply says while it runs, against a clock the test moves. */
class ApplyProgressTest {

  private long now = 5_000_000_000L; // any start: only differences count
  private final List<String> lines = new ArrayList<>();
  private final ApplyProgress progress = new ApplyProgress(lines::add, () -> now);

  private void seconds(double s) {
    now += (long) (s * 1e9);
  }

  @Test
  void anApplyThatEndsWithinTenSecondsSaysNothingMore() {
    progress.sending(1000);
    for (int i = 0; i < 1000; i++) {
      seconds(0.009);
      progress.answered();
    }
    progress.readingBack(1000);

    assertThat(lines).isEmpty();
  }

  @Test
  void aLongApplySaysHowFarItHasGotEveryTenSecondsThenThatItReadsBack() {
    progress.sending(2000);
    for (int i = 0; i < 2000; i++) {
      seconds(0.0125); // 25 s for all the answers
      progress.answered();
    }
    progress.readingBack(1990);

    assertThat(lines).containsExactly(
        "Still applying: 800 of 2,000 changes answered [10s elapsed]",
        "Still applying: 1,600 of 2,000 changes answered [20s elapsed]",
        "All 2,000 changes answered; reading the tenant back to verify 1,990 of them [25s elapsed]");
  }

  @Test
  void aLongWaitIsToldAtTheNextAnswerAndTheLastAnswerIsNotToldTwice() {
    progress.sending(3);
    progress.answered();
    seconds(42); // a Retry-After, say
    progress.answered();
    seconds(1);
    progress.answered(); // the last: the read-back line follows at once
    progress.readingBack(0); // every write failed: nothing to read back

    assertThat(lines).containsExactly("Still applying: 2 of 3 changes answered [42s elapsed]");
  }

  @Test
  void eachApplyCountsFromItsOwnStart() {
    progress.sending(10);
    seconds(30);
    progress.sending(10); // a rollback's own sending, say
    progress.answered();
    progress.readingBack(1);

    assertThat(lines).isEmpty();
  }
}
