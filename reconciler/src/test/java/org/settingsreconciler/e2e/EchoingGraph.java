package org.settingsreconciler.e2e;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A Graph that hands back what it was sent, as a careless service, proxy or gateway may: in a stub answered with
 * {@link #answer}, {@value #TOKEN} becomes the bearer token of the request, {@value #AUTHORIZATION_BASE64} its
 * Authorization header in Base64 (as a dump of the request's headers may hold it) and {@value #BODY} its body, each as
 * a JSON string's content. So Graph can echo the token in an error message, hold it (or a secret variable's value the run
 * sent) as a setting's value, and the suite-wide secret scan catches any path by which the tool would print or write
 * it back.
 */
final class EchoingGraph implements ResponseDefinitionTransformerV2 {

  static final String NAME = "graph-echoing-secrets";
  static final String TOKEN = "%TOKEN%";
  static final String BODY = "%BODY%";
  static final String AUTHORIZATION_BASE64 = "%AUTHORIZATION_BASE64%";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** A JSON answer of {@code status} whose {@code json} may hold {@value #TOKEN} and {@value #BODY}. */
  static ResponseDefinitionBuilder answer(int status, String json) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json").withHeader("request-id", "req-echo")
        .withBody(json).withTransformers(NAME);
  }

  /** Graph's error JSON whose message says {@code message} (which may hold the placeholders). */
  static ResponseDefinitionBuilder error(int status, String message) {
    return answer(status, "{\"error\":{\"code\":\"badRequest\",\"message\":\"" + message + "\",\"innerError\":"
        + "{\"request-id\":\"req-echo\",\"date\":\"2026-11-01T10:00:00\"}}}");
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    ResponseDefinition answer = event.getResponseDefinition();
    String authorization = request.getHeader("Authorization");
    String token = authorization == null ? "" : authorization.replaceFirst("(?i)^bearer\\s+", "");
    String header = "Authorization: " + (authorization == null ? "" : authorization) + "\r\n";
    String body = answer.getBody().replace(TOKEN, escaped(token)).replace(BODY, escaped(request.getBodyAsString()))
        .replace(AUTHORIZATION_BASE64, Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8)));
    return ResponseDefinitionBuilder.like(answer).but().withBody(body).build();
  }

  private static String escaped(String text) {
    String json = JsonNodeFactory.instance.stringNode(text).toString();
    return json.substring(1, json.length() - 1);
  }
}
