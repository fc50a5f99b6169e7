package org.settingsreconciler.hostile;

import static org.settingsreconciler.hostile.Trick.Read.RECOVERS;
import static org.settingsreconciler.hostile.Trick.Read.UNREADABLE;
import static org.settingsreconciler.hostile.Trick.Write.ACCEPTED;
import static org.settingsreconciler.hostile.Trick.Write.REFUSED;
import static org.settingsreconciler.hostile.Trick.Write.UNKNOWN;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.settingsreconciler.hostile.HostileTenant.Reply;
import org.settingsreconciler.hostile.Trick.Batch;
import org.settingsreconciler.hostile.Trick.Item;
import org.settingsreconciler.hostile.Trick.Wire;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The hostile Graph's repertoire: answers that fit no resource, broken batches, broken HTTP, broken TCP. */
final class Tricks {

  private Tricks() {}

  // ---- 2xx answers whose body is not the resource ----

  static final Trick EMPTY_OBJECT = body("200 {}", "{}");
  static final Trick VALUE_NULL = body("200 {\"value\":null}", "{\"value\":null}");
  static final Trick VALUE_EMPTY_LIST = body("200 {\"value\":[]}", "{\"value\":[]}");
  static final Trick WRAPPED_EMPTY = body("200 {\"value\":{}}", "{\"value\":{}}");
  static final Trick EMPTY_BODY = body("200 with no body", "");
  static final Trick ARRAY_FOR_OBJECT = body("200 [an array]", "[{\"isEnabledInOrganization\":true}]");
  static final Trick STRING_FOR_BOOLEAN = body("a string where a boolean belongs",
      "{\"isEnabledInOrganization\":\"yes\"}");
  static final Trick OBJECT_FOR_BOOLEAN = body("an object where a boolean belongs", "{\"isEnabledInOrganization\":{}}");
  static final Trick NUMBER_FOR_STRING = body("a number where a string belongs",
      "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":5,\"policyId\":null}");
  static final Trick ANOTHER_ID = body("another setting's object",
      "{\"id\":\"microsoft.copilot.imagegeneration\",\"value\":\"1\",\"policyId\":null}");
  static final Trick NOT_OBJECT_ITEMS = body("list items that are not objects", "{\"value\":[\"x\",5,null]}");
  static final Trick ITEM_WITHOUT_ID = body("a list item without its id",
      "{\"value\":[{\"name\":null,\"prioritizedSourceUrls\":[]}]}");
  static final Trick NUMBER_ID = body("a list item whose id is a number",
      "{\"value\":[{\"id\":5,\"name\":null,\"prioritizedSourceUrls\":[]}]}");
  static final Trick OBJECT_NAME = body("a list item whose key is an object",
      "{\"value\":[{\"id\":\"pps-0\",\"name\":{},\"prioritizedSourceUrls\":[]}]}");
  static final Trick DOT_DOT_ID = body("a list item whose id is ..",
      "{\"value\":[{\"id\":\"..\",\"name\":null,\"prioritizedSourceUrls\":[\"" + HostileTenant.ENTRA + "\"]}]}");
  static final Trick CLIMBING_NEXT_LINK = body("a nextLink with dot segments",
      "{\"value\":[],\"@odata.nextLink\":\"/users/x/../../../admin/people/pronouns\"}");
  static final Trick LOOPING_NEXT_LINK = body("a nextLink back to the same page",
      "{\"value\":[],\"@odata.nextLink\":\"" + HostileTenant.INTERESTS + "\"}");
  static final Trick OBJECT_NEXT_LINK = body("a nextLink that is an object", "{\"value\":[],\"@odata.nextLink\":{}}");
  static final Trick GARBAGE_200 = new Trick("200 with garbage for JSON", new Item(r -> Reply.json(200, "}{ nope")),
      true, 0, UNREADABLE, UNKNOWN, false);
  static final Trick GARBAGE_200_NOT_DONE = new Trick("200 with garbage, not carried out",
      new Item(r -> Reply.json(200, "}{ nope")), false, 0, UNREADABLE, UNKNOWN, false);
  static final Trick HTML_200 = new Trick("200 text/html login page",
      new Item(r -> new Reply(200, "text/html", Map.of(), "<html><body>Sign in to continue</body></html>")),
      false, 0, UNREADABLE, UNKNOWN, false);

  // ---- errors ----

  static final Trick HTML_502 = new Trick("502 text/html error page",
      new Item(r -> new Reply(502, "text/html", Map.of(), "<html><h1>502 Bad Gateway</h1></html>")),
      false, 0, UNREADABLE, REFUSED, false);
  static final Trick RETRY_AFTER_DATE = new Trick("429 once, Retry-After as an HTTP date",
      // The next whole second at least half a second away: an HTTP date has no finer unit.
      new Item(r -> throttled(Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.SECONDS))),
      false, 1, RECOVERS, ACCEPTED, false);
  static final Trick RETRY_AFTER_DATE_FAR = new Trick("429, Retry-After an HTTP date an hour away",
      new Item(r -> throttled(Instant.now().plus(Duration.ofHours(1)))), false, 0, UNREADABLE, REFUSED, false);

  // ---- the wire ----

  static final Trick JSON_AS_TEXT = new Trick("the honest JSON labelled text/plain",
      new Wire((s, honest) -> s.send(new Reply(honest.status(), "text/plain", honest.headers(), honest.body()))),
      true, 0, RECOVERS, ACCEPTED, false);
  static final Trick TRUNCATED = new Trick("JSON cut off, Content-Length to match",
      new Wire((s, honest) -> s.send(Reply.json(200, honest.body().substring(0, honest.body().length() / 2)))),
      true, 0, UNREADABLE, UNKNOWN, false);
  static final Trick RESET_MID_BODY = new Trick("TCP reset halfway through the body",
      new Wire((s, honest) -> {
        byte[] body = honest.body().getBytes(StandardCharsets.UTF_8);
        s.raw(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        s.raw(Arrays.copyOf(body, body.length / 2));
        s.reset();
      }), true, 0, UNREADABLE, UNKNOWN, false);
  static final Trick CLOSED_MID_BODY = new Trick("connection closed halfway through the body",
      new Wire((s, honest) -> {
        s.raw(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"value\":")
            .getBytes(StandardCharsets.ISO_8859_1));
        s.close();
      }), false, 0, UNREADABLE, UNKNOWN, false);
  static final Trick NO_ANSWER = new Trick("connection closed with no answer", new Wire((s, honest) -> s.close()),
      false, 0, UNREADABLE, UNKNOWN, false);
  static final Trick NOT_HTTP = new Trick("bytes that are not HTTP, then close",
      new Wire((s, honest) -> {
        s.raw("SSH-2.0-OpenSSH_9.6\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        s.close();
      }), false, 0, UNREADABLE, UNKNOWN, false);
  static final Trick SLOW_HEADERS = new Trick("no headers before the client's timeout",
      new Wire((s, honest) -> s.stall()), false, 0, UNREADABLE, UNKNOWN, true);
  static final Trick HUGE_BODY = new Trick("a 2xx body past the client's 16 MiB cap",
      new Wire((s, honest) -> {
        int size = 17 * 1024 * 1024;
        s.raw(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + size + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        for (int sent = 0; sent < size; sent += chunk.length) {
          s.raw(chunk);
        }
      }), true, 0, UNREADABLE, UNKNOWN, false);

  // ---- $batch answers that are not one answer per request ----

  static final Trick DUPLICATE_ID = batch("the item's id answered twice (a refusal, then a 200)", false,
      (responses, id) -> {
        ObjectNode fake = item(responses, id).deepCopy();
        ObjectNode refused = item(responses, id);
        refused.put("status", 500);
        refused.set("body", HostileTenant.JSON.readTree("{\"error\":{\"code\":\"generalException\"}}"));
        responses.add(fake);
      });
  static final Trick MISSING_ID = batch("no answer for the item", false, (responses, id) -> remove(responses, id));
  static final Trick EXTRA_ID = batch("an answer to a request never sent", true,
      (responses, id) -> responses.add(HostileTenant.JSON.readTree("{\"id\":\"99\",\"status\":200,\"body\":{}}")));
  static final Trick STRING_STATUS = batch("the item's status as a string \"200\"", true,
      (responses, id) -> item(responses, id).put("status", String.valueOf(item(responses, id).get("status").asInt())));
  static final Trick INFORMATIONAL_STATUS = batch("the item's status 100, which is no final answer", true,
      (responses, id) -> item(responses, id).put("status", 100));
  static final Trick NOT_OBJECT_RESPONSE = batch("a responses entry that is not an object", true,
      (responses, id) -> responses.add("surprise"));
  static final Trick NUMBER_ITEM_ID = batch("the item's id as a number", true,
      (responses, id) -> item(responses, id).put("id", Integer.parseInt(id)));

  // ---- makers ----

  /** A 2xx answer with this body, to reads and writes alike; a write is carried out. */
  static Trick body(String name, String json) {
    UnaryOperator<Reply> rewrite = r -> Reply.json(200, json);
    return new Trick(name, new Item(rewrite), true, 0, UNREADABLE, ACCEPTED, false);
  }

  private static Trick batch(String name, boolean carriesOut,
      BiConsumer<ArrayNode, String> mangle) {
    return new Trick(name, new Batch(mangle), carriesOut, 0, UNREADABLE, UNKNOWN, false);
  }

  private static Reply throttled(Instant until) {
    return HostileTenant.error(429, "TooManyRequests").withHeader("Retry-After", HostileGraph.httpDate(until));
  }

  private static ObjectNode item(ArrayNode responses, String id) {
    for (JsonNode r : responses) {
      if (r.isObject() && r.get("id").isString() && r.get("id").asString().equals(id)) {
        return (ObjectNode) r;
      }
    }
    throw new IllegalStateException("no item " + id);
  }

  private static void remove(ArrayNode responses, String id) {
    for (int i = 0; i < responses.size(); i++) {
      if (responses.get(i).get("id").asString().equals(id)) {
        responses.remove(i);
        return;
      }
    }
  }
}
