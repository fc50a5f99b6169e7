package org.settingsreconciler.graph;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests to Microsoft Graph: bearer token, JSON in and out, retries where Graph allows them, and Graph's
 * error JSON turned into {@link GraphError}. Redirects are never followed (a token must not travel to another
 * host), and response bodies are read up to a bound.
 */
public final class GraphClient {

  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI root;
  private final AccessTokenProvider tokens;
  private final HttpClient http;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private volatile Consumer<String> debug;

  public GraphClient(URI root, AccessTokenProvider tokens, RetryPolicy retry, Sleeper sleeper) {
    String s = root.toString();
    this.root = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.tokens = tokens;
    this.retry = retry;
    this.sleeper = sleeper;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public GraphClient(URI root, AccessTokenProvider tokens) {
    this(root, tokens, RetryPolicy.DEFAULT, Sleeper.REAL);
  }

  public URI root() {
    return root;
  }

  /**
   * Sends one line per request and per answer to {@code sink} (RECONCILER_DEBUG=1): method, URL, headers and status.
   * The Authorization header is always shown as {@code Bearer [redacted]}; bodies are not shown.
   */
  public void debugTo(Consumer<String> sink) {
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

  /** GETs one object, unwrapping the documented {@code {"value": {...}}} envelope. */
  public JsonNode getObject(String path) throws GraphException {
    return Envelope.unwrapSingle(send(GraphRequest.get(path)).body());
  }

  /** GETs every item of a list, following {@code @odata.nextLink} pages. */
  public List<JsonNode> list(String path) throws GraphException {
    List<JsonNode> items = new ArrayList<>();
    URI next = uri(path);
    for (int page = 0; next != null; page++) {
      if (page > 10_000) {
        throw new GraphException(new GraphError(0, "tooManyPages", null, "paging did not end", null, null));
      }
      GraphResponse r = send("GET", next, null);
      JsonNode value = r.body() == null ? null : r.body().get("value");
      if (value == null || !value.isArray()) {
        throw malformed("a list response without a value array", r.requestId());
      }
      value.forEach(items::add);
      JsonNode link = r.body().get("@odata.nextLink");
      next = link == null || link.isNull() ? null : sameOrigin(link.asString(), r.requestId());
    }
    return items;
  }

  public GraphResponse send(GraphRequest request) throws GraphException {
    return send(request.method(), uri(request.path()), request.body());
  }

  private GraphResponse send(String method, URI uri, JsonNode body) throws GraphException {
    String token;
    try {
      token = tokens.token();
    } catch (CredentialException e) {
      throw new GraphException(new GraphError(0, "noCredentials", null, e.getMessage(), null, null));
    }
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
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
        // A write that got no answer may or may not have happened: never repeat it blindly.
        GraphError error = transportError(e);
        if (!method.equals("GET") || attempt >= retry.maxAttempts()) {
          throw new GraphException(error);
        }
        Duration d = retry.delay(attempt, Optional.empty());
        waited = pause(waited, d, error);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GraphException(new GraphError(0, "interrupted", null, "interrupted", null, null));
      }
      int status = response.statusCode();
      String requestId = response.headers().firstValue("request-id").orElse(null);
      byte[] bytes = readBounded(response, requestId);
      if (status >= 200 && status < 300) {
        return new GraphResponse(status, parseSuccess(method, status, bytes, requestId), requestId);
      }
      GraphError error = errorFrom(status, bytes, requestId);
      if (!RetryPolicy.retryableStatus(status) || attempt >= retry.maxAttempts()) {
        throw new GraphException(error);
      }
      Duration d = retry.delay(attempt, response.headers().firstValue("Retry-After"));
      waited = pause(waited, d, error);
    }
  }

  private Duration pause(Duration waited, Duration d, GraphError error) throws GraphException {
    Duration total = waited.plus(d);
    if (total.compareTo(retry.maxTotalWait()) > 0) {
      throw new GraphException(error);
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphException(error);
    }
    return total;
  }

  private HttpRequest build(String method, URI uri, JsonNode body, String token) {
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

  private URI uri(String path) {
    return URI.create(root + path);
  }

  /** Follows a nextLink only to the host the run talks to: a token never goes anywhere else. */
  private URI sameOrigin(String link, String requestId) throws GraphException {
    URI u;
    try {
      u = URI.create(link);
    } catch (IllegalArgumentException e) {
      throw malformed("an invalid @odata.nextLink", requestId);
    }
    if (!u.isAbsolute()) {
      return uri(link.startsWith("/") ? link : "/" + link);
    }
    boolean same =
        root.getScheme().equalsIgnoreCase(u.getScheme())
            && root.getHost().equalsIgnoreCase(u.getHost())
            && root.getPort() == u.getPort();
    if (!same) {
      throw malformed("an @odata.nextLink to another host (" + u.getHost() + ")", requestId);
    }
    return u;
  }

  private static byte[] readBounded(HttpResponse<InputStream> response, String requestId) throws GraphException {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw malformed("a response body larger than 16 MiB", requestId);
      }
      return bytes;
    } catch (IOException e) {
      throw new GraphException(transportError(e).withRequestId(requestId));
    }
  }

  private static JsonNode parseSuccess(String method, int status, byte[] bytes, String requestId)
      throws GraphException {
    if (bytes.length == 0) {
      // A write that got a 2xx happened, whatever the body (200 or 204); a read without data would invent drift.
      if (!method.equals("GET")) {
        return null;
      }
      throw malformed("an empty body with HTTP " + status, requestId);
    }
    JsonNode body;
    try {
      body = JSON.readTree(bytes);
    } catch (JacksonException e) {
      throw malformed("a body that is not valid JSON", requestId);
    }
    if (body == null || !body.isObject()) {
      throw malformed("a body that is not a JSON object", requestId);
    }
    if (body.has("error") && body.get("error").isObject()) {
      // A 200 that carries a Graph error is still an error; treating it as data would invent drift.
      throw new GraphException(errorFrom(status, bytes, requestId));
    }
    return body;
  }

  static GraphError errorFrom(int status, byte[] bytes, String requestId) {
    String code = null;
    String inner = null;
    String message = null;
    try {
      JsonNode error = JSON.readTree(bytes).get("error");
      if (error != null && error.isObject()) {
        code = text(error.get("code"));
        message = text(error.get("message"));
        JsonNode in = innerError(error);
        while (in != null) {
          String c = text(in.get("code"));
          if (c != null && !c.equalsIgnoreCase(code)) {
            inner = c;
          }
          if (requestId == null) {
            requestId = text(in.get("request-id"));
          }
          in = innerError(in);
        }
      }
    } catch (JacksonException | IllegalArgumentException ignored) {
      message = "the error body is not Graph's error JSON";
    }
    return new GraphError(status, code, inner, message, requestId, null);
  }

  /** Graph's docs spell it innererror, real answers innerError: match either. */
  private static JsonNode innerError(JsonNode node) {
    for (var e : node.properties()) {
      if (e.getKey().equalsIgnoreCase("innerError") && e.getValue().isObject()) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asString();
  }

  private static GraphException malformed(String what, String requestId) {
    return new GraphException(
        new GraphError(0, "malformedResponse", null, "Graph answered with " + what, requestId, null));
  }

  private static GraphError transportError(IOException e) {
    String what = e instanceof HttpTimeoutException ? "timeout" : "connectionFailed";
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new GraphError(0, what, null, message, null, null);
  }
}
