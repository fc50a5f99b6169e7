package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The written form of a fault: what people type after --fault and --sandbox-fault, and what a mistake says. */
class FaultSpecTest {

  @Test
  void aStatusAloneFailsEveryTimeWithGraphsUsualCode() {
    Fault f = FaultSpec.parse("PATCH /admin/people/pronouns=503");

    assertThat(f).isEqualTo(Fault.of("PATCH", "/admin/people/pronouns", 503, "serviceNotAvailable", Fault.ALWAYS));
    assertThat(f.describe()).isEqualTo("PATCH /admin/people/pronouns: 503 serviceNotAvailable, every time");
  }

  @Test
  void timesOptionsAndCaseAreUnderstood() {
    assertThat(FaultSpec.parse("patch /admin/people/pronouns=503x2").times()).isEqualTo(2);
    assertThat(FaultSpec.parse("GET /admin/people/pronouns=429x3:retry-after=1.5"))
        .isEqualTo(Fault.of("GET", "/admin/people/pronouns", 429, "TooManyRequests", 3).withRetryAfter("1.5"));
    assertThat(FaultSpec.parse("GET /x=500:code=activityLimitReached").code()).isEqualTo("activityLimitReached");
    assertThat(FaultSpec.parse("GET /x=timeout:delay=2.5").delay()).isEqualTo(Duration.ofMillis(2500));
    assertThat(FaultSpec.parse("GET /x=error-in-200:code=generalException").code()).isEqualTo("generalException");
    assertThat(FaultSpec.parse("  GET   /beta/admin/people/itemInsights = RESETx1 "))
        .isEqualTo(Fault.of("GET", "/beta/admin/people/itemInsights", Fault.Kind.RESET, 1));
    assertThat(FaultSpec.parse("PATCH /v1.0/admin/people/pronouns=503").path()).isEqualTo("/v1.0/admin/people/pronouns");
  }

  @Test
  void everyKindHasAName() {
    for (Fault.Kind kind : Fault.Kind.values()) {
      if (kind != Fault.Kind.ERROR) {
        assertThat(FaultSpec.KINDS).containsValue(kind);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "PATCH /admin/people/pronouns                 | expected METHOD PATH=ANSWER",
    "FETCH /admin/people/pronouns=503             | the method must be one of GET, POST, PATCH, PUT and DELETE",
    "GET admin/people/pronouns=503                | expected METHOD PATH=ANSWER",
    "GET /admin/people/pronouns?$top=1=503        | the path is matched without its query",
    "GET /admin/people/pronouns=200               | a status must be an error, 400 to 599, not 200",
    "GET /admin/people/pronouns=explode           | unknown answer 'explode': use an HTTP status (400 to 599) or one of empty, error-in-200, malformed, redirect, reset, timeout, truncated",
    "GET /admin/people/pronouns=503x0             | xTIMES must be a count from 1 up, not x0",
    "GET /admin/people/pronouns=429:retry-after=soon | retry-after must be a number of seconds such as 1.5, not 'soon'",
    "GET /admin/people/pronouns=429:retry-after=1.5x3 | (put xTIMES right after the answer: 429x3:retry-after=1.5)",
    "GET /admin/people/pronouns=reset:retry-after=1 | retry-after goes with an HTTP status",
    "GET /admin/people/pronouns=503:delay=1       | delay goes with timeout",
    "GET /admin/people/pronouns=503:color=red     | unknown option 'color=red'",
    "GET /admin/people/pronouns=503:code=a b      | expected METHOD PATH=ANSWER",
  })
  void aMistakeSaysWhatIsWrong(String spec, String message) {
    assertThatThrownBy(() -> FaultSpec.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid fault '" + spec.strip() + "': ")
        .hasMessageContaining(message);
  }
}
