package org.settingsreconciler.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP side of the sandbox: records each request, checks the bearer token, turns the exchange into a
 * {@link SandboxRequest} for the service, and writes Graph's headers ({@code request-id}, {@code client-request-id},
 * the OData JSON content type) and error bodies.
 */
final class ExchangeHandler implements HttpHandler {

  private static final String VERSION = "/beta";
  private static final Pattern BEARER = Pattern.compile("(?i)^Bearer\\s+\\S+.*$");

  private final SandboxService service;
  private final List<RecordedRequest> recorded;

  ExchangeHandler(SandboxService service, List<RecordedRequest> recorded) {
    this.service = service;
    this.recorded = recorded;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    String sent = exchange.getRequestHeaders().getFirst("client-request-id");
    String clientRequestId = sent == null || sent.isBlank() ? requestId : sent;
    try (exchange) {
      SandboxResponse response;
      try {
        response = serve(exchange);
      } catch (GraphErrorException e) {
        response = new SandboxResponse(e.status(), GraphErrors.body(e, requestId, clientRequestId), e.headers());
      } catch (RuntimeException e) {
        response =
            new SandboxResponse(
                500,
                GraphErrors.body("generalException", String.valueOf(e.getMessage()), null, requestId, clientRequestId),
                Map.of());
      }
      write(exchange, response, requestId, clientRequestId);
    }
  }

  private SandboxResponse serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String bodyText = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    boolean underVersion =
        rawPath.regionMatches(true, 0, VERSION, 0, VERSION.length())
            && (rawPath.length() == VERSION.length() || rawPath.charAt(VERSION.length()) == '/');
    String relative = underVersion ? rawPath.substring(VERSION.length()) : rawPath;
    String recordedPath = relative + (rawQuery == null ? "" : "?" + rawQuery);
    recorded.add(new RecordedRequest(method, recordedPath, jsonOrNull(bodyText)));

    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
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
    if (!underVersion) {
      String version = rawPath.split("/").length > 1 ? rawPath.split("/")[1] : "";
      throw GraphErrors.badRequest("Invalid version: " + version);
    }
    List<String> segments = decodeSegments(relative);
    SandboxRequest request =
        new SandboxRequest(method, segments, relative, rawQuery, decodeQuery(rawQuery), bodyText);
    return service.serve(request, "/" + String.join("/", segments));
  }

  private static JsonNode jsonOrNull(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return SandboxJson.parse(text);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** Percent-decodes each segment; '+' is literal in paths, unlike in queries. */
  private static List<String> decodeSegments(String relative) {
    List<String> out = new ArrayList<>();
    for (String raw : relative.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      try {
        out.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw GraphErrors.badRequest("The path segment '" + raw + "' is not correctly encoded.");
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<String, String> decodeQuery(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      try {
        out.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      } catch (IllegalArgumentException e) {
        throw GraphErrors.badRequest("The query option '" + pair + "' is not correctly encoded.");
      }
    }
    return out;
  }

  private static void write(HttpExchange exchange, SandboxResponse response, String requestId, String clientRequestId)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("request-id", requestId);
    headers.set("client-request-id", clientRequestId);
    response.headers().forEach(headers::set);
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = SandboxJson.bytes(response.body());
    headers.set("Content-Type", SandboxJson.CONTENT_TYPE);
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
