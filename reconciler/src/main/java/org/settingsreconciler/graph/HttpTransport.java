package org.settingsreconciler.graph;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javax.net.ssl.SSLHandshakeException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One round trip to Graph: a request on its own, or several of one version as one {@code POST /{version}/$batch}. It never retries and never
 * throws: every request gets an {@link Answer}, and the dispatcher decides what happens next. Redirects are never
 * followed (a token must not travel to another host), response bodies are read up to a bound, and one timeout
 * covers each round trip from sending to the last byte of the answer.
 */
final class HttpTransport {

  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  /**
   * Answers are read strictly: an object that gives a key twice is two answers in one (parsers differ on which one
   * wins), so it is no answer.
   */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Origin origin;
  private final AccessTokenProvider tokens;
  private final HttpClient http;
  private final Duration timeout;
  private volatile Consumer<String> debug;
  private final LongAdder sent = new LongAdder();
  private final Traffic traffic = new Traffic();

  /**
   * A client built ahead of need by {@link #prepare()} on a background thread, and taken by the next transport made:
   * in a fresh JVM a client costs tens of milliseconds to build. Every transport still gets a client of its own.
   */
  private static final AtomicReference<FutureTask<HttpClient>> PREPARED = new AtomicReference<>();

  /** @param timeout the longest wait for one round trip's whole answer, from sending to the body's last byte */
  HttpTransport(Origin origin, AccessTokenProvider tokens, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
    this.origin = origin;
    this.tokens = tokens;
    this.timeout = timeout;
    FutureTask<HttpClient> prepared = PREPARED.getAndSet(null);
    this.http = prepared != null ? taken(prepared) : newClient();
  }

  /** Builds a client for the next transport; does nothing when one is already waiting. */
  static void prepare() {
    FutureTask<HttpClient> task = new FutureTask<>(HttpTransport::newClient);
    if (PREPARED.compareAndSet(null, task)) {
      task.run();
    }
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The prepared client, once its thread has built it; a new one if building it failed. */
  private static HttpClient taken(FutureTask<HttpClient> prepared) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return prepared.get();
        } catch (InterruptedException e) {
          interrupted = true; // it is being built and is nearly done: keep waiting
        }
      }
    } catch (ExecutionException e) {
      return newClient(); // fails again here, with its own exception, if it must
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  void debugTo(Consumer<String> sink) {
    this.debug = sink;
  }

  static String describe(HttpRequest request) {
    StringBuilder b = new StringBuilder(request.method()).append(' ').append(request.uri());
    request.headers().map().forEach(
        (name, values) -> {
          String shown = name.equalsIgnoreCase("Authorization") ? "Bearer [redacted]" : String.join(", ", values);
          b.append(" | ").append(name).append(": ").append(shown);
        });
    return b.toString();
  }

  /**
   * A token for the next round trip. The dispatcher asks for it from one thread, so sign-in methods need not be
   * thread-safe (an interactive sign-in must not start four times at once).
   */
  String token() throws GraphException {
    try {
      return tokens.token();
    } catch (CredentialException e) {
      throw new GraphException(new GraphError(0, "noCredentials", null, e.getMessage(), null, null));
    }
  }

  /** One answer per wire, in order. One wire goes on its own; several go as one batch. */
  List<Answer> exchange(List<Wire> wires, String token) {
    traffic.sending(wires.size());
    List<Answer> answers = List.of();
    try {
      answers = exchangeNow(wires, token);
      return answers;
    } finally {
      traffic.answered(wires.size(), answers);
    }
  }

  /** What a client has on the wire and how often it was throttled (see {@link Traffic}). */
  Traffic traffic() {
    return traffic;
  }

  private List<Answer> exchangeNow(List<Wire> wires, String token) {
    if (wires.size() == 1) {
      Wire w = wires.get(0);
      return List.of(roundTrip(w.method(), w.uri(), w.body(), token));
    }
    return batch(wires, token);
  }

  private List<Answer> batch(List<Wire> wires, String token) {
    List<String> itemIds = new ArrayList<>(wires.size());
    wires.forEach(w -> itemIds.add(UUID.randomUUID().toString()));
    // The dispatcher batches requests of one version only.
    Answer envelope =
        roundTrip("POST", origin.batchUri(wires.get(0).version()), BatchCodec.encode(wires, itemIds), token);
    if (envelope.failure() != null || envelope.status() < 200 || envelope.status() >= 300) {
      // No item was answered: each one gets the envelope's answer, judged by its own method (a 429 for the whole
      // batch is retried; a connection reset after sending makes every write in it ambiguous).
      return all(wires.size(), envelope);
    }
    List<Answer> items;
    try {
      if (envelope.unreadable() != null) {
        throw Responses.malformed(envelope.unreadable().replaceFirst("^a body", "a batch response"),
            envelope.status(), envelope.requestId());
      }
      items = BatchCodec.decode(envelope.body(), wires.size(), envelope.status(), envelope.requestId());
    } catch (GraphException e) {
      return all(wires.size(), Answer.failed(e.error(), Answer.Delivery.MAYBE_SENT).sentAs(envelope.clientRequestId()));
    }
    List<Answer> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Answer a = items.get(i);
      Answer answer = a != null ? a : Answer.failed(
          new GraphError(0, "noResponse", null, "the batch response has no answer for this request", null, null),
          Answer.Delivery.MAYBE_SENT);
      // An item answer need not carry a request-id: the batch's own then leads a support case to it.
      out.add(answer.sentAs(itemIds.get(i)).orRequestId(envelope.requestId()));
    }
    return out;
  }

  /** Sends one request and waits for its whole answer; each gets a client-request-id of its own. */
  private Answer roundTrip(String method, URI uri, JsonNode body, String token) {
    String clientRequestId = UUID.randomUUID().toString();
    return send(build(method, uri, body, token, clientRequestId)).sentAs(clientRequestId);
  }

  private Answer send(HttpRequest request) {
    Consumer<String> log = debug;
    if (log != null) {
      log.accept("request: " + describe(request));
    }
    CompletableFuture<HttpResponse<BoundedBody.Bytes>> pending =
        http.sendAsync(request, BoundedBody.handler(MAX_BODY_BYTES));
    HttpResponse<BoundedBody.Bytes> response;
    try {
      // One deadline for the whole answer: the request's own timeout stops at the headers, and a server that
      // stalls in the middle of a body would otherwise hold the run forever.
      response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return left(Answer.failed(TransportFailure.timedOut(request.uri(), timeout), Answer.Delivery.MAYBE_SENT));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      SSLHandshakeException handshake = TlsFailure.handshakeIn(cause);
      if (handshake != null) {
        return TlsFailure.answer(request.uri(), handshake); // before the request: it never left
      }
      if (cause instanceof IOException io) {
        Answer a = Answer.failed(transportError(request.uri(), io), deliveryOf(io));
        return a.delivery() == Answer.Delivery.NOT_SENT ? a : left(a);
      }
      return left(Answer.failed(
          new GraphError(0, "connectionFailed", null, String.valueOf(cause), null, null), Answer.Delivery.MAYBE_SENT));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return left(
          Answer.failed(new GraphError(0, "interrupted", null, "interrupted", null, null), Answer.Delivery.FINAL));
    }
    sent.increment();
    String requestId = response.headers().firstValue("request-id").orElse(null);
    if (log != null) {
      log.accept("answer: HTTP " + response.statusCode() + " request-id " + (requestId == null ? "-" : requestId));
    }
    BoundedBody.Bytes bytes = response.body();
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
    if (bytes.tooLarge()) {
      // The status came, so it is judged like any other: a write answered 2xx happened, whatever its body.
      return Answer.of(response.statusCode(), headers, null, "a body larger than 16 MiB");
    }
    JsonNode parsed = null;
    String unreadable = null;
    if (bytes.data().length > 0) {
      try {
        parsed = JSON.readTree(bytes.data());
      } catch (StreamReadException e) {
        // Jackson has no type of its own for a duplicate key; its message says so, and says it first.
        unreadable = e.getMessage().startsWith("Duplicate") ? "a body that gives a key twice in one object"
            : "a body that is not valid JSON";
      } catch (JacksonException e) {
        unreadable = "a body that is not valid JSON";
      }
    }
    return Answer.of(response.statusCode(), headers, parsed, unreadable);
  }

  private HttpRequest build(String method, URI uri, JsonNode body, String token, String clientRequestId) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("client-request-id", clientRequestId)
            .header("User-Agent", "settings-reconciler");
    if (body == null) {
      return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return b.header("Content-Type", "application/json; charset=utf-8")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build();
  }

  /** A refused or timed-out connection never carried the request; anything later may have. */
  private static Answer.Delivery deliveryOf(IOException e) {
    boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
    return notSent ? Answer.Delivery.NOT_SENT : Answer.Delivery.MAYBE_SENT;
  }

  private GraphError transportError(URI uri, IOException e) {
    if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
      return TransportFailure.timedOut(uri, timeout);
    }
    return TransportFailure.of(uri, e);
  }

  /** Counts a round trip that may have reached the server, and returns its answer. */
  private Answer left(Answer a) {
    sent.increment();
    return a;
  }

  /**
   * How many round trips may have reached the server: every one answered, and every one that failed after its
   * connection was made. A refused connection, a host name not found or a failed TLS handshake carried nothing.
   */
  long roundTripsSent() {
    return sent.sum();
  }

  private static List<Answer> all(int n, Answer a) {
    return Collections.nCopies(n, a);
  }
}
