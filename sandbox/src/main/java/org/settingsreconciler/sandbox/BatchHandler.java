package org.settingsreconciler.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /{version}/$batch} as docs/graph-facts.md 9.1 describes it: up to 20 requests with ids and URLs relative
 * to
 * the root of the version the batch was sent to, each served exactly like a request of its own (routing, faults, throttling), each answered with its
 * own status, headers and body; a fault that breaks the connection breaks the whole batch's (see {@link Fault}).
 * Answers come back shuffled, since Graph promises no order. {@code dependsOn} runs a request after the one it
 * names (only one: Graph's known issues say so), and answers 424 without running it when that one failed. Ids
 * are matched ignoring case, as the docs say they are. A batch that breaks the format is refused as a whole with 400,
 * as Graph does.
 */
final class BatchHandler {

  static final int MAX_REQUESTS = 20;

  private static final Pattern ABSOLUTE = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  /** One request of the batch, as parsed and checked before any is run. */
  private record Item(
      String id, String method, String url, ObjectNode headers, JsonNode body, List<String> dependsOn) {}

  private final SandboxService service;

  BatchHandler(SandboxService service) {
    this.service = service;
  }

  static boolean isBatch(SandboxRequest r) {
    return r.segments().size() == 1 && r.segments().get(0).equals("$batch");
  }

  SandboxResponse handle(SandboxRequest envelope, String client, long arrived) {
    if (!envelope.method().equals("POST")) {
      throw GraphErrors.methodNotAllowed(envelope.method());
    }
    List<Item> items = parse(envelope.jsonObjectBody());
    List<Item> order = runOrder(items);
    ApiVersion version = envelope.version();
    if (!service.listeners().none()) {
      for (Item item : items) {
        service.listeners().received(new SandboxListener.Received(item.method(), version.prefix() + rooted(item.url()),
            item.body() == null ? "" : item.body().toString(), true, client));
      }
    }
    // Faults are decided as the batch arrives. One that breaks the connection breaks the whole batch's: a reset
    // before any item is carried out, a timeout or truncated answer after all of them are.
    Map<String, Fault> faults = new HashMap<>();
    Fault broken = null;
    for (Item item : items) {
      Fault f = takeFault(version, item);
      if (f != null && f.kind().breaksConnection()) {
        broken = broken == null ? f : broken;
      } else if (f != null) {
        faults.put(item.id(), f);
      }
    }
    if (broken != null && !broken.kind().carriesOut()) {
      throw new InjectedFault(broken, null);
    }
    Map<String, Integer> statuses = new HashMap<>();
    List<ObjectNode> responses = new ArrayList<>();
    for (Item item : order) {
      boolean dependencyFailed = item.dependsOn().stream().anyMatch(id -> statuses.get(id) >= 400);
      SandboxResponse r = dependencyFailed ? failedDependency()
          : serve(version, item, client, arrived, faults.get(item.id()));
      statuses.put(item.id(), r.status());
      responses.add(answer(item.id(), r));
    }
    Collections.shuffle(responses, ThreadLocalRandom.current());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode array = out.putArray("responses");
    responses.forEach(array::add);
    if (broken != null) {
      throw new InjectedFault(broken, SandboxResponse.ok(out));
    }
    return SandboxResponse.ok(out);
  }

  /** The fault armed for a batch item, or null (also for an item whose URL is refused anyway). */
  private Fault takeFault(ApiVersion version, Item item) {
    try {
      return service.takeFault(request(version, item));
    } catch (GraphErrorException e) {
      return null;
    }
  }

  /**
   * The item as a request of its own, under the batch's version; its URL must be relative to that version's root and
   * not another batch.
   */
  private static SandboxRequest request(ApiVersion version, Item item) {
    if (ABSOLUTE.matcher(item.url()).matches()) {
      throw GraphErrors.badRequest("The url of a batch request must be relative to the version root, such as "
          + "/admin/people/pronouns.");
    }
    String url = rooted(item.url());
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? null : url.substring(q + 1);
    SandboxRequest request = SandboxRequests.of(version, item.method(), path, query, bodyText(item.body()));
    if (isBatch(request)) {
      throw GraphErrors.badRequest("A batch request cannot contain another batch.");
    }
    return request;
  }

  private static List<Item> parse(ObjectNode envelope) {
    JsonNode requests = envelope.get("requests");
    if (requests == null || !requests.isArray()) {
      throw GraphErrors.badRequest("Invalid batch payload format: a 'requests' array is required.");
    }
    if (requests.isEmpty()) {
      throw GraphErrors.badRequest("A batch request must contain at least one request.");
    }
    if (requests.size() > MAX_REQUESTS) {
      throw GraphErrors.badRequest(
          "The number of requests in a batch must not exceed " + MAX_REQUESTS + "; this one has " + requests.size()
              + ".");
    }
    List<Item> items = new ArrayList<>();
    // An id is "Not case-sensitive. Must be unique in the batch" (json-batching.md): kept as sent, known by its fold.
    Map<String, String> ids = new HashMap<>();
    for (JsonNode r : requests) {
      String id = SandboxJson.text(r.get("id"));
      String method = SandboxJson.text(r.get("method"));
      String url = SandboxJson.text(r.get("url"));
      if (!r.isObject() || id == null || id.isEmpty() || method == null || url == null) {
        throw GraphErrors.badRequest("Every request in a batch needs an id, a method and a url.");
      }
      if (ids.putIfAbsent(fold(id), id) != null) {
        throw GraphErrors.badRequest("Request id '" + id + "' appears more than once in the batch.");
      }
      JsonNode h = r.get("headers");
      ObjectNode headers = h != null && h.isObject() ? (ObjectNode) h : JsonNodeFactory.instance.objectNode();
      JsonNode body = r.get("body");
      if (body != null && !body.isNull() && header(headers, "content-type") == null) {
        throw GraphErrors.badRequest("Write request id : " + id + " does not contain Content-Type header or body.");
      }
      items.add(new Item(id, method.toUpperCase(Locale.ROOT), url, headers,
          body == null || body.isNull() ? null : body, dependsOn(r.get("dependsOn"), id)));
    }
    List<Item> resolved = new ArrayList<>();
    for (Item item : items) {
      List<String> dependsOn = new ArrayList<>();
      for (String d : item.dependsOn()) {
        String target = ids.get(fold(d));
        if (target == null || target.equals(item.id())) {
          throw GraphErrors.badRequest("Request id '" + item.id() + "' depends on '" + d + "', which is not another "
              + "request of this batch.");
        }
        dependsOn.add(target);
      }
      resolved.add(new Item(item.id(), item.method(), item.url(), item.headers(), item.body(), dependsOn));
    }
    return resolved;
  }

  private static String fold(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static List<String> dependsOn(JsonNode node, String id) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    // known-issues.md, JSON batching: "Currently, requests can only depend on a single other request".
    if (node.isArray() && node.size() > 1) {
      throw GraphErrors.badRequest("Request id '" + id + "' depends on " + node.size() + " requests; a request can "
          + "depend on a single other request only.");
    }
    if (node.isArray()) {
      for (JsonNode d : node) {
        if (d.isString()) {
          out.add(d.asString());
          continue;
        }
        throw GraphErrors.badRequest("dependsOn of request id '" + id + "' must be an array of ids.");
      }
      return out;
    }
    throw GraphErrors.badRequest("dependsOn of request id '" + id + "' must be an array of ids.");
  }

  /** The batch's order, with each request after those it depends on; a cycle refuses the batch. */
  private static List<Item> runOrder(List<Item> items) {
    List<Item> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    List<Item> left = new ArrayList<>(items);
    while (!left.isEmpty()) {
      boolean progress = false;
      for (var it = left.iterator(); it.hasNext(); ) {
        Item item = it.next();
        if (done.containsAll(item.dependsOn())) {
          order.add(item);
          done.add(item.id());
          it.remove();
          progress = true;
        }
      }
      if (!progress) {
        throw GraphErrors.badRequest("The dependsOn of the batch's requests form a cycle.");
      }
    }
    return order;
  }

  private static String rooted(String url) {
    return url.startsWith("/") ? url : "/" + url;
  }

  private SandboxResponse serve(ApiVersion version, Item item, String client, long arrived, Fault fault) {
    String requestId = UUID.randomUUID().toString();
    String sent = header(item.headers(), "client-request-id");
    String clientRequestId = sent == null || sent.isBlank() ? requestId : sent;
    try {
      return service.serve(request(version, item), client, arrived, fault);
    } catch (InjectedFault f) {
      // Only a malformed body is an item's own: inside a batch, a body that is not JSON comes as a string.
      if (f.fault().kind() != Fault.Kind.MALFORMED) {
        throw f;
      }
      return new SandboxResponse(200, JsonNodeFactory.instance.stringNode(FaultAnswers.MALFORMED_JSON), Map.of());
    } catch (GraphErrorException e) {
      return new SandboxResponse(e.status(), GraphErrors.body(e, requestId, clientRequestId), e.headers());
    } catch (RuntimeException e) {
      return new SandboxResponse(500,
          GraphErrors.body("generalException", String.valueOf(e.getMessage()), null, requestId, clientRequestId),
          Map.of());
    }
  }

  /** A JSON body is sent as JSON; Graph also takes other content as a base64 string. */
  private static String bodyText(JsonNode body) {
    if (body == null) {
      return "";
    }
    if (body.isString()) {
      try {
        return new String(Base64.getDecoder().decode(body.asString()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw GraphErrors.badRequest("The body of a batch request is neither JSON nor base64.");
      }
    }
    return body.toString();
  }

  private static SandboxResponse failedDependency() {
    String requestId = UUID.randomUUID().toString();
    return new SandboxResponse(424,
        GraphErrors.body("failedDependency", "The request was not run: a request it depends on failed.", null,
            requestId, requestId),
        Map.of());
  }

  private static ObjectNode answer(String id, SandboxResponse r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", id);
    o.put("status", r.status());
    ObjectNode headers = o.putObject("headers");
    r.headers().forEach(headers::put);
    if (r.body() != null) {
      headers.put("Content-Type", SandboxJson.CONTENT_TYPE);
      o.set("body", r.body());
    }
    return o;
  }

  private static String header(ObjectNode headers, String lowerCaseName) {
    for (var e : headers.properties()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
        return SandboxJson.text(e.getValue());
      }
    }
    return null;
  }
}
