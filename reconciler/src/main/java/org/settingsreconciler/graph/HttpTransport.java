package org.settingsreconciler.graph;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One round trip to Graph: a request on its own, or several as one {@code POST /$batch}. It never retries and never
 * throws: every request gets an {@link Answer}, and the dispatcher decides what happens next. Redirects are never
 * followed (a token must not travel to another host), and response bodies are read up to a bound.
 */
final class HttpTransport {

  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Origin origin;
  private final AccessTokenProvider tokens;
  private final HttpClient http;
  private volatile Consumer<String> debug;

  /**
   * A client built ahead of need by {@link #prepare()} on a background thread, and taken by the next transport made:
   * in a fresh JVM a client costs tens of milliseconds to build. Every transport still gets a client of its own.
   */
  private static final AtomicReference<FutureTask<HttpClient>> PREPARED = new AtomicReference<>();

  HttpTransport(Origin origin, AccessTokenProvider tokens) {
    this.origin = origin;
    this.tokens = tokens;
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
    if (wires.size() == 1) {
      Wire w = wires.get(0);
      return List.of(roundTrip(w.method(), w.uri(), w.body(), token));
    }
    return batch(wires, token);
  }

  private List<Answer> batch(List<Wire> wires, String token) {
    Answer envelope = roundTrip("POST", origin.batchUri(), BatchCodec.encode(wires), token);
    if (envelope.failure() != null || envelope.status() < 200 || envelope.status() >= 300) {
      // No item was answered: each one gets the envelope's answer, judged by its own method (a 429 for the whole
      // batch is retried; a connection reset after sending makes every write in it ambiguous).
      return all(wires.size(), envelope);
    }
    List<Answer> items;
    try {
      if (envelope.unreadable()) {
        throw Responses.malformed("a batch response that is not valid JSON", envelope.requestId());
      }
      items = BatchCodec.decode(envelope.body(), wires.size(), envelope.requestId());
    } catch (GraphException e) {
      return all(wires.size(), Answer.failed(e.error(), Answer.Delivery.MAYBE_SENT));
    }
    List<Answer> out = new ArrayList<>(items.size());
    for (Answer a : items) {
      out.add(a != null ? a : Answer.failed(
          new GraphError(0, "noResponse", null, "the batch response has no answer for this request",
              envelope.requestId(), null),
          Answer.Delivery.MAYBE_SENT));
    }
    return out;
  }

  private Answer roundTrip(String method, java.net.URI uri, JsonNode body, String token) {
    HttpResponse<InputStream> response;
    try {
      HttpRequest request = build(method, uri, body, token);
      Consumer<String> log = debug;
      if (log != null) {
        log.accept("request: " + describe(request));
      }
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (log != null) {
        log.accept("answer: HTTP " + response.statusCode() + " request-id "
            + response.headers().firstValue("request-id").orElse("-"));
      }
    } catch (IOException e) {
      return Answer.failed(transportError(e), deliveryOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.failed(new GraphError(0, "interrupted", null, "interrupted", null, null), Answer.Delivery.FINAL);
    }
    String requestId = response.headers().firstValue("request-id").orElse(null);
    byte[] bytes;
    try (InputStream in = response.body()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      return Answer.failed(transportError(e).withRequestId(requestId), Answer.Delivery.MAYBE_SENT);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      return Answer.failed(
          Responses.malformed("a response body larger than 16 MiB", requestId).error(), Answer.Delivery.FINAL);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
    JsonNode parsed = null;
    boolean unreadable = false;
    if (bytes.length > 0) {
      try {
        parsed = JSON.readTree(bytes);
      } catch (JacksonException e) {
        unreadable = true;
      }
    }
    return Answer.of(response.statusCode(), headers, parsed, unreadable);
  }

  private HttpRequest build(String method, java.net.URI uri, JsonNode body, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("client-request-id", UUID.randomUUID().toString())
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

  private static GraphError transportError(IOException e) {
    String what = e instanceof HttpTimeoutException ? "timeout" : "connectionFailed";
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new GraphError(0, what, null, message, null, null);
  }

  private static List<Answer> all(int n, Answer a) {
    return Collections.nCopies(n, a);
  }
}
