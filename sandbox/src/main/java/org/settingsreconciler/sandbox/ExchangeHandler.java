package org.settingsreconciler.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP side of the sandbox: tells the listeners of each request, waits the configured latency, checks the bearer
 * token, turns the exchange into a {@link SandboxRequest} for the service (or the batch handler), and writes Graph's
 * headers ({@code request-id}, {@code client-request-id}, the OData JSON content type) and error bodies, or hands
 * the exchange to {@link FaultAnswers} for an injected fault.
 */
final class ExchangeHandler implements HttpHandler {

  private static final Pattern BEARER = Pattern.compile("(?i)^Bearer\\s+\\S+.*$");

  private final SandboxService service;
  private final BatchHandler batches;
  private final FaultAnswers faultAnswers;

  ExchangeHandler(SandboxService service, FaultAnswers faultAnswers) {
    this.service = service;
    this.batches = new BatchHandler(service);
    this.faultAnswers = faultAnswers;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    String sent = exchange.getRequestHeaders().getFirst("client-request-id");
    String clientRequestId = sent == null || sent.isBlank() ? requestId : sent;
    SandboxResponse response;
    try {
      response = serve(exchange);
    } catch (InjectedFault f) {
      faultAnswers.answer(exchange, f, requestId, clientRequestId); // it closes the exchange, maybe later
      return;
    } catch (GraphErrorException e) {
      response = new SandboxResponse(e.status(), GraphErrors.body(e, requestId, clientRequestId), e.headers());
    } catch (RuntimeException e) {
      response =
          new SandboxResponse(
              500,
              GraphErrors.body("generalException", String.valueOf(e.getMessage()), null, requestId, clientRequestId),
              Map.of());
    } catch (IOException e) {
      exchange.close();
      throw e;
    }
    try (exchange) {
      write(exchange, response, requestId, clientRequestId);
    }
  }

  private SandboxResponse serve(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String bodyText = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    // Both versions are served, from the same tenant; what a version lacks is routed as Graph answers it.
    ApiVersion version = ApiVersion.leading(rawPath).orElse(null);
    String relative = version == null ? rawPath : rawPath.substring(version.prefix().length());
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (!service.listeners().none()) {
      String path = rawPath + (rawQuery == null ? "" : "?" + rawQuery);
      service.listeners().received(new SandboxListener.Received(method, path, bodyText, false, authorization));
    }
    simulateLatency();

    if (authorization == null || !BEARER.matcher(authorization).matches()) {
      throw new GraphErrorException(
          401,
          "InvalidAuthenticationToken",
          authorization == null ? "Access token is empty." : "Access token validation failure.",
          null,
          Map.of(
              "WWW-Authenticate",
              "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
                  + "client_id=\"00000003-0000-0000-c000-000000000000\""));
    }
    if (version == null) {
      String first = rawPath.split("/").length > 1 ? rawPath.split("/")[1] : "";
      throw GraphErrors.badRequest("Invalid version: " + first);
    }
    if (!bodyText.isBlank() && !isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      // Every write page lists "Content-Type: application/json. Required."; errors.md: 415 is "The content type of
      // the request is a format that is not supported by the service."
      throw new GraphErrorException(415, "UnsupportedMediaType",
          "A request with a body must say Content-Type: application/json.");
    }
    SandboxRequest request = SandboxRequests.of(version, method, relative, rawQuery, bodyText);
    // Throttling is per client, and the bearer token is what names a client here.
    String client = authorization;
    if (BatchHandler.isBatch(request)) {
      return batches.handle(request, client, arrived);
    }
    return service.serve(request, client, arrived);
  }

  /** Whether a Content-Type header names JSON, whatever its parameters (charset) and letter case. */
  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return mediaType.strip().equalsIgnoreCase("application/json");
  }

  /** Every HTTP round trip, a batch envelope included, takes the configured latency, as a distant service would. */
  private void simulateLatency() {
    long millis = service.latencyMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void write(HttpExchange exchange, SandboxResponse response, String requestId, String clientRequestId)
      throws IOException {
    byte[] body = response.body() == null ? null : SandboxJson.bytes(response.body());
    write(exchange, response.status(), response.headers(), body, requestId, clientRequestId);
  }

  /** Graph's headers, then the body as given (null for none), which need not be valid JSON. */
  static void write(HttpExchange exchange, int status, Map<String, String> extraHeaders, byte[] body,
      String requestId, String clientRequestId) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("request-id", requestId);
    headers.set("client-request-id", clientRequestId);
    extraHeaders.forEach(headers::set);
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    headers.set("Content-Type", SandboxJson.CONTENT_TYPE);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
