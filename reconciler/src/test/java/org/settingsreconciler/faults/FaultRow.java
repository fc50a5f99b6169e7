package org.settingsreconciler.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

/**
 * One fault of the matrix, and what the tool must make of it when it hits a read and when it hits a write. Most are
 * the sandbox's own fault modes, written as users write them after {@code --sandbox-fault}; the last few are faults
 * only WireMock can produce on the wire (a TCP reset, garbage instead of HTTP, a broken chunk, a body that stalls),
 * with WireMock in front of a sandbox. "Every time" faults never wear off, so retries run out.
 */
enum FaultRow {

  // ---- the sandbox, batched (the default: reads and writes travel in $batch envelopes) ----
  RESET_ONCE("reset once", Via.BATCHED, "resetx1", Read.RECOVERS, Write.AMBIGUOUS, 1, "connectionFailed",
      Id.CLIENT_REQUEST_ID, "", "may or may not have been applied"),
  RESET("reset every time", Via.BATCHED, "reset", Read.FAILS, Write.AMBIGUOUS, 1, "connectionFailed",
      Id.CLIENT_REQUEST_ID, "(gave up after 3 attempts)", "may or may not have been applied"),
  TIMEOUT_ONCE("read timeout once", Via.BATCHED, "timeoutx1", Read.RECOVERS, Write.AMBIGUOUS, 1, "timeout",
      Id.CLIENT_REQUEST_ID, "", "no answer within 0.25 s; it may or may not have been applied"),
  TIMEOUT("read timeout every time", Via.BATCHED, "timeout", Read.FAILS, Write.AMBIGUOUS, 1, "timeout",
      Id.CLIENT_REQUEST_ID, "no answer within 0.25 s (gave up after 3 attempts)", "may or may not have been applied"),
  MALFORMED("malformed JSON", Via.BATCHED, "malformed", Read.FAILS, Write.AMBIGUOUS, 1, "HTTP 200 malformedResponse",
      Id.REQUEST_ID, "Graph answered with a body that is not a JSON object", "may or may not have been applied"),
  TRUNCATED("truncated JSON", Via.BATCHED, "truncated", Read.FAILS, Write.AMBIGUOUS, 1, "HTTP 200 malformedResponse",
      Id.REQUEST_ID, "not valid JSON", "a batch response that is not valid JSON; it may or may not have been applied"),
  EMPTY("an empty 200", Via.BATCHED, "empty", Read.FAILS, Write.APPLIED, 1, "HTTP 200 malformedResponse",
      Id.REQUEST_ID, "Graph answered with an empty body with HTTP 200", ""),
  HTTP_500("500", Via.BATCHED, "500", Read.FAILS, Write.FAILED, 1, "HTTP 500 generalException",
      Id.REQUEST_ID, "injected fault (500)", "injected fault (500)"),
  HTTP_502("502", Via.BATCHED, "502", Read.FAILS, Write.FAILED, 1, "HTTP 502 badGateway",
      Id.REQUEST_ID, "injected fault (502)", "injected fault (502)"),
  HTTP_503_ONCE("503 once", Via.BATCHED, "503x1", Read.RECOVERS, Write.APPLIED, 2, "serviceNotAvailable",
      Id.REQUEST_ID, "", ""),
  HTTP_503("503 every time", Via.BATCHED, "503", Read.FAILS, Write.FAILED, 3, "HTTP 503 serviceNotAvailable",
      Id.REQUEST_ID, "(gave up after 3 attempts)", "(gave up after 3 attempts)"),
  HTTP_504_ONCE("504 once", Via.BATCHED, "504x1", Read.RECOVERS, Write.AMBIGUOUS, 1, "HTTP 504 gatewayTimeout",
      Id.REQUEST_ID, "", "may or may not have been applied"),
  HTTP_504("504 every time", Via.BATCHED, "504", Read.FAILS, Write.AMBIGUOUS, 1, "HTTP 504 gatewayTimeout",
      Id.REQUEST_ID, "(gave up after 3 attempts)", "may or may not have been applied"),
  THROTTLED_ONCE("429 once, Retry-After", Via.BATCHED, "429x1:retry-after=0.05", Read.RECOVERS, Write.APPLIED, 2,
      "TooManyRequests", Id.REQUEST_ID, "", ""),
  THROTTLE_STORM("429 storm, Retry-After", Via.BATCHED, "429:retry-after=0.05", Read.FAILS, Write.FAILED, 3,
      "HTTP 429 TooManyRequests", Id.REQUEST_ID, "(gave up after 3 attempts)", "(gave up after 3 attempts)"),
  THROTTLED_ONCE_NO_RETRY_AFTER("429 once, no Retry-After", Via.BATCHED, "429x1", Read.RECOVERS, Write.APPLIED, 2,
      "TooManyRequests", Id.REQUEST_ID, "", ""),
  THROTTLE_STORM_NO_RETRY_AFTER("429 storm, no Retry-After", Via.BATCHED, "429", Read.FAILS, Write.FAILED, 3,
      "HTTP 429 TooManyRequests", Id.REQUEST_ID, "(gave up after 3 attempts)", "(gave up after 3 attempts)"),
  THROTTLED_PAST_THE_WAIT_LIMIT("429, Retry-After past the wait limit", Via.BATCHED, "429:retry-after=30",
      Read.FAILS, Write.FAILED, 1, "HTTP 429 TooManyRequests", Id.REQUEST_ID,
      "(not retried: waiting 30.0 s more would pass the limit of 10.0 s of waiting)",
      "(not retried: waiting 30.0 s more would pass the limit of 10.0 s of waiting)"),
  REDIRECT("a redirect to another host", Via.BATCHED, "redirect", Read.FAILS, Write.FAILED, 1, "HTTP 302 redirect",
      Id.REQUEST_ID, "redirect to https://graph.redirect.invalid; redirects are not followed",
      "redirect to https://graph.redirect.invalid; redirects are not followed"),
  ERROR_IN_200("a 200 whose body is a Graph error", Via.BATCHED, "error-in-200", Read.FAILS, Write.AMBIGUOUS, 1,
      "HTTP 200 serviceNotAvailable", Id.REQUEST_ID, "", "may or may not have been applied"),

  // ---- the sandbox, one request per round trip (--batch-size 1): the same faults on requests of their own ----
  RESET_SINGLE("reset every time, unbatched", Via.SINGLE, "reset", Read.FAILS, Write.AMBIGUOUS, 1,
      "connectionFailed", Id.CLIENT_REQUEST_ID, "", "may or may not have been applied"),
  TIMEOUT_ONCE_SINGLE("read timeout once, unbatched", Via.SINGLE, "timeoutx1", Read.RECOVERS, Write.AMBIGUOUS, 1,
      "timeout", Id.CLIENT_REQUEST_ID, "", "no answer within 0.25 s; it may or may not have been applied"),
  TRUNCATED_SINGLE("truncated JSON, unbatched", Via.SINGLE, "truncated", Read.FAILS, Write.AMBIGUOUS, 1,
      "HTTP 200 malformedResponse", Id.REQUEST_ID, "a body that is not valid JSON", "may or may not have been applied"),
  MALFORMED_SINGLE("malformed JSON, unbatched", Via.SINGLE, "malformed", Read.FAILS, Write.AMBIGUOUS, 1,
      "HTTP 200 malformedResponse", Id.REQUEST_ID, "a body that is not valid JSON", "may or may not have been applied"),

  // ---- WireMock in front of the sandbox, unbatched: faults of the wire itself ----
  TCP_RESET("TCP reset by peer (WireMock)", Via.WIREMOCK, null, Read.FAILS, Write.AMBIGUOUS, 1,
      "connectionFailed", Id.CLIENT_REQUEST_ID, "", "may or may not have been applied"),
  GARBAGE_THEN_CLOSE("random data, then close (WireMock)", Via.WIREMOCK, null, Read.FAILS, Write.AMBIGUOUS, 1,
      "connectionFailed", Id.CLIENT_REQUEST_ID, "", "may or may not have been applied"),
  BAD_CHUNK("a malformed response chunk (WireMock)", Via.WIREMOCK, null, Read.FAILS, Write.AMBIGUOUS, 1,
      "connectionFailed", Id.CLIENT_REQUEST_ID, "", "may or may not have been applied"),
  BODY_STALL_ONCE("a body that stalls halfway, once (WireMock)", Via.WIREMOCK, null, Read.RECOVERS,
      Write.AMBIGUOUS, 1, "timeout", Id.CLIENT_REQUEST_ID, "", "no answer within 0.25 s");

  /** How requests reach the fault. */
  enum Via {
    /** The sandbox's fault modes, requests in batches. */
    BATCHED,
    /** The sandbox's fault modes, every request on its own. */
    SINGLE,
    /** WireMock's faults, every request on its own, the rest proxied to a sandbox. */
    WIREMOCK
  }

  /** What a read that meets the fault ends as. */
  enum Read {
    /** Retried until it succeeds: the run is as without the fault. */
    RECOVERS,
    /** The setting cannot be read: an error, never drift. */
    FAILS
  }

  /** What a write that meets the fault ends as. */
  enum Write {
    /** Sent again until Graph took it (or Graph took it and said so oddly): applied. */
    APPLIED,
    /** Graph said no: failed, and nothing was changed. */
    FAILED,
    /**
     * The answer was lost, so the write is never sent again; reading the tenant back tells what happened: applied
     * where the fault let the request through ({@link #carriesOut()}), else "maybe applied" and the run fails.
     */
    AMBIGUOUS
  }

  /** Which id the message must name: Graph's when Graph answered, the one sent when nothing came back. */
  enum Id {
    REQUEST_ID("\\[request-id [0-9a-f-]{36}]"),
    CLIENT_REQUEST_ID("\\[client-request-id [0-9a-f-]{36}]");

    final String pattern;

    Id(String pattern) {
      this.pattern = pattern;
    }
  }

  final String label;
  final Via via;
  /** The sandbox fault's answer, as after {@code METHOD PATH=}; null for WireMock's faults. */
  final String answer;
  final Read read;
  final Write write;
  /** How many times the write is sent in all. */
  final int writeSends;
  /** What the message must say about the error: its status and code, or the transport failure. */
  final String code;
  final Id id;
  final String readNote;
  final String writeNote;

  FaultRow(String label, Via via, String answer, Read read, Write write, int writeSends, String code, Id id,
      String readNote, String writeNote) {
    this.label = label;
    this.via = via;
    this.answer = answer;
    this.read = read;
    this.write = write;
    this.writeSends = writeSends;
    this.code = code;
    this.id = id;
    this.readNote = readNote;
    this.writeNote = writeNote;
  }

  /**
   * Whether the fault may take other requests down with it: a broken batch breaks every request in it, and
   * WireMock speaks HTTP/2, where requests in flight together share one connection.
   */
  boolean breaksTheRoundTrip() {
    return via == Via.WIREMOCK
        || via == Via.BATCHED && (name().startsWith("RESET") || name().startsWith("TIMEOUT") || this == TRUNCATED);
  }

  /**
   * Whether the sandbox carries the request out before the fault spoils its answer (a timeout or a truncated
   * body); every other fault stops the request before it reaches the tenant.
   */
  boolean carriesOut() {
    return via != Via.WIREMOCK && (name().startsWith("TIMEOUT") || name().startsWith("TRUNCATED"));
  }

  /** Whether the fault is a timeout: only then is the client's timeout short. */
  boolean timesOut() {
    return name().startsWith("TIMEOUT") || this == BODY_STALL_ONCE;
  }

  /** WireMock's answer for this row; the first only when the fault happens once. */
  ResponseDefinitionBuilder wireMockAnswer(String body) {
    return switch (this) {
      case TCP_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
      case GARBAGE_THEN_CLOSE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
      case BAD_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
      // Headers at once, then the body a few bytes at a time over 2 s: far past the client's 0.25 s.
      case BODY_STALL_ONCE -> okJson(body).withChunkedDribbleDelay(8, 2_000);
      default -> throw new IllegalStateException(this + " is not a WireMock fault");
    };
  }

  /** Whether the fault wears off after one request (the retry then succeeds). */
  boolean once() {
    return name().contains("ONCE");
  }

  @Override
  public String toString() {
    return label;
  }
}
