package org.settingsreconciler.generative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shrinker, against a stand-in for the round trip that fails wherever the tenant holds a text with a tab in it:
 * what it hands back must still fail at the same stage, and hold little besides the text that makes it fail.
 */
class ShrinkerTest {

  @Test
  void aFailingCaseShrinksToTheValueThatMakesItFail() {
    RoundTripCase drawn = drawnWithATab();
    RoundTrip.Failure failure = new RoundTrip.Failure("export is invalid", "a tab");

    Shrinker.Shrunk shrunk = new Shrinker(ShrinkerTest::failsOnATab, 2000).shrink(drawn, failure);

    assertThat(shrunk.failure().stage()).isEqualTo("export is invalid");
    assertThat(failsOnATab(shrunk.smallest())).isPresent();
    assertThat(shrunk.smallest().desired().isEmpty()).isTrue();
    // Nothing is left but the path down to one string, which is a tab and at most one character more.
    String tenant = shrunk.smallest().tenant().toString();
    assertThat(tenant.length()).as(tenant).isLessThan(drawn.tenant().toString().length() / 10).isLessThan(200);
    assertThat(tenant).containsPattern("\"[^\"]?\\\\t[^\"]?\"");
  }

  /** The first drawn case whose tenant holds a tab somewhere, among other things. */
  private static RoundTripCase drawnWithATab() {
    for (long seed = 1; ; seed++) {
      RoundTripCase c = RoundTripCase.draw(seed);
      if (failsOnATab(c).isPresent() && c.tenant().toString().length() > 5000 && !c.desired().isEmpty()) {
        return c;
      }
    }
  }

  private static Optional<RoundTrip.Failure> failsOnATab(RoundTripCase c) {
    return holdsATab(c.tenant()) ? Optional.of(new RoundTrip.Failure("export is invalid", "a tab")) : Optional.empty();
  }

  private static boolean holdsATab(tools.jackson.databind.JsonNode node) {
    if (node.isString()) {
      return node.asString().contains("\t");
    }
    if (node instanceof ObjectNode o) {
      return o.properties().stream().anyMatch(e -> e.getKey().contains("\t") || holdsATab(e.getValue()));
    }
    return node.valueStream().anyMatch(ShrinkerTest::holdsATab);
  }
}
