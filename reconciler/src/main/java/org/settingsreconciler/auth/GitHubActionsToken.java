package org.settingsreconciler.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.settingsreconciler.graph.CredentialException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub Actions' OIDC token, asked for directly: a workflow with {@code permissions: id-token: write} gets
 * ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, and the endpoint returns a JWT for the audience
 * Entra expects. No secret is stored anywhere; the federated credential on the app registration names the repository.
 */
final class GitHubActionsToken implements AssertionSource {

  static final String URL_VARIABLE = "ACTIONS_ID_TOKEN_REQUEST_URL";
  static final String TOKEN_VARIABLE = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
  static final String AUDIENCE = "api://AzureADTokenExchange";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI uri;
  private final String requestToken;
  private final HttpClient http;

  GitHubActionsToken(String url, String requestToken) throws CredentialException {
    URI base;
    try {
      base = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new CredentialException(URL_VARIABLE + " is not a URL");
    }
    if (!"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
      throw new CredentialException(URL_VARIABLE + " must be an https URL: the request carries a token");
    }
    String sep = base.getRawQuery() == null ? "?" : "&";
    this.uri = URI.create(url + sep + "audience=" + URLEncoder.encode(AUDIENCE, StandardCharsets.UTF_8));
    this.requestToken = requestToken;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String read() throws CredentialException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + requestToken)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CredentialException("cannot reach GitHub's OIDC token endpoint (" + uri.getHost() + "): "
          + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialException("interrupted while asking GitHub for an OIDC token");
    }
    int status = response.statusCode();
    if (status != 200) {
      throw new CredentialException(
          "GitHub's OIDC token endpoint answered HTTP " + status
              + (status == 401 || status == 403 ? "; does the workflow grant 'permissions: id-token: write'?" : ""));
    }
    try {
      JsonNode value = JSON.readTree(response.body()).get("value");
      if (value == null || !value.isString() || value.asString().isBlank()) {
        throw new CredentialException("GitHub's OIDC token endpoint answered without a token");
      }
      return value.asString();
    } catch (JacksonException e) {
      throw new CredentialException("GitHub's OIDC token endpoint answered with invalid JSON");
    }
  }

  @Override
  public String description() {
    return "GitHub Actions OIDC token (audience " + AUDIENCE + ")";
  }
}
