package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes WireMock answer {@code POST /{version}/$batch} the way Graph does, from the stubs of the individual requests
 * under that version:
 * each item is sent to WireMock itself over loopback (with the batch's bearer token), so every existing stub,
 * scenario and verify works on the individual requests, and the answers are assembled into a batch response in
 * shuffled order. {@code dependsOn} gets Graph's 424 when a dependency failed. An item whose connection drops drops
 * the whole batch's connection, which is how a client sees a batch that may or may not have been carried out.
 */
public final class BatchFanOut implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "graph-batch-fan-out";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> ANSWER_HEADERS =
      Set.of("content-type", "retry-after", "request-id", "client-request-id", "location",
          "x-ms-throttle-limit-percentage");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request envelope = event.getRequest();
    // Item URLs are relative to the root of the version the batch was sent to.
    String version = envelope.getUrl().substring(0, envelope.getUrl().lastIndexOf("/$batch"));
    String base = envelope.getScheme() + "://" + envelope.getHost() + ":" + envelope.getPort() + version;
    JsonNode requests = JSON.readTree(envelope.getBodyAsString()).get("requests");
    Map<String, Integer> statuses = new HashMap<>();
    List<JsonNode> answers = new ArrayList<>();
    for (JsonNode item : requests) {
      String id = item.get("id").asString();
      boolean dependencyFailed = false;
      if (item.has("dependsOn")) {
        for (JsonNode d : item.get("dependsOn")) {
          dependencyFailed |= statuses.getOrDefault(d.asString(), 0) >= 400;
        }
      }
      ObjectNode answer;
      try {
        answer = dependencyFailed ? failedDependency(id) : send(base, envelope, item);
      } catch (IOException e) {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      statuses.put(id, answer.get("status").asInt());
      answers.add(answer);
    }
    Collections.shuffle(answers);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode responses = body.putArray("responses");
    answers.forEach(responses::add);
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString())
        .build();
  }

  private ObjectNode send(String base, Request envelope, JsonNode item) throws IOException, InterruptedException {
    String url = item.get("url").asString();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + (url.startsWith("/") ? url : "/" + url)));
    String authorization = envelope.getHeader("Authorization");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    JsonNode headers = item.get("headers");
    if (headers != null) {
      headers.properties().forEach(h -> b.header(h.getKey(), h.getValue().asString()));
    }
    JsonNode body = item.get("body");
    b.method(item.get("method").asString(), body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("id", item.get("id").asString());
    answer.put("status", r.statusCode());
    ObjectNode answerHeaders = answer.putObject("headers");
    r.headers().map().forEach((k, v) -> {
      if (ANSWER_HEADERS.contains(k.toLowerCase(java.util.Locale.ROOT)) && !v.isEmpty()) {
        answerHeaders.put(k, v.get(0));
      }
    });
    if (!r.body().isEmpty()) {
      try {
        answer.set("body", JSON.readTree(r.body()));
      } catch (JacksonException e) {
        answer.put("body", r.body()); // not JSON: passed on as a string, which no client may take for an object
      }
    }
    return answer;
  }

  private static ObjectNode failedDependency(String id) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("id", id);
    answer.put("status", 424);
    answer.putObject("headers").put("Content-Type", "application/json");
    answer.putObject("body").putObject("error")
        .put("code", "failedDependency")
        .put("message", "The request was not run: a request it depends on failed.");
    return answer;
  }
}
