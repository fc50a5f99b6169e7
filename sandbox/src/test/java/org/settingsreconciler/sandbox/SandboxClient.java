package org.settingsreconciler.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal Graph client for the tests: java.net.http against a running sandbox, with a bearer token. */
final class SandboxClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One answer: status, parsed body (null when empty) and headers. */
  record Reply(int status, JsonNode body, HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String errorCode() {
      return body.path("error").path("code").asString();
    }

    String innerErrorCode() {
      return body.path("error").path("innerError").path("code").asString();
    }

    String errorMessage() {
      return body.path("error").path("message").asString();
    }
  }

  /** The token of {@link #SandboxClient(GraphSandbox)}. */
  static final String TOKEN = "test-token";

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String token;

  /** A client of the sandbox's beta root, where every resource exists. */
  SandboxClient(GraphSandbox sandbox) {
    this(sandbox, ApiVersion.BETA);
  }

  /** A client of one version's root: paths are relative to it, as a batch item's are. */
  SandboxClient(GraphSandbox sandbox, ApiVersion version) {
    this(sandbox, version, TOKEN);
  }

  /**
   * A client of the beta root with its own bearer token: another app of the tenant, as the sandbox counts clients.
   */
  SandboxClient(GraphSandbox sandbox, String token) {
    this(sandbox, ApiVersion.BETA, token);
  }

  private SandboxClient(GraphSandbox sandbox, ApiVersion version, String token) {
    this.base = URI.create(sandbox.baseUrl() + version.prefix());
    this.token = token;
  }

  /** The root this client's paths are relative to: the sandbox's, then the version. */
  URI base() {
    return base;
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply patch(String path, String json) {
    return send(withBody(request(path), "PATCH", json));
  }

  /** One {@code $batch} of {@code count} GETs of {@code url} (relative to the version's root), ids 1 to count. */
  Reply batchOfGets(String url, int count) {
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      items.append(i == 1 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"method\":\"GET\",\"url\":\"")
          .append(url).append("\"}");
    }
    return post("/$batch", "{\"requests\":[" + items + "]}");
  }

  /** The items of a {@code $batch} answer Graph throttled (status 429). */
  static List<JsonNode> throttledItems(Reply batch) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode a : batch.body().get("responses")) {
      if (a.get("status").asInt() == 429) {
        out.add(a);
      }
    }
    return out;
  }

  Reply post(String path, String json) {
    return send(withBody(request(path), "POST", json));
  }

  /** A request to a path relative to the client's version root (or an absolute URL, for next links), with a token. */
  HttpRequest.Builder request(String pathOrUrl) {
    return unauthenticated(pathOrUrl).header("Authorization", "Bearer " + token);
  }

  HttpRequest.Builder unauthenticated(String pathOrUrl) {
    URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base + pathOrUrl);
    return HttpRequest.newBuilder(uri);
  }

  static HttpRequest.Builder withBody(HttpRequest.Builder b, String method, String json) {
    return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
  }

  Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = r.body().isEmpty() ? null : JSON.readTree(r.body());
      return new Reply(r.statusCode(), body, r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
