package org.settingsreconciler.graph;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Judges what came back for one request, the same way whether it came on its own or as a batch item: a success,
 * or Graph's error and whether sending the request again is safe.
 */
final class Responses {

  static final String MAYBE_APPLIED =
      "; it may or may not have been applied, so it was not sent again: plan again to see the tenant as it is now";

  private Responses() {}

  static Verdict judge(Wire wire, Answer a) {
    Verdict v = judgeAnswer(wire, a);
    // Every error names the request it came from: Graph's request-id when Graph answered, else the client's.
    return v.ok() || a.clientRequestId() == null || v.error().clientRequestId() != null
        ? v
        : Verdict.failure(v.error().withClientRequestId(a.clientRequestId()), v.repeatable(), v.retryAfter());
  }

  private static Verdict judgeAnswer(Wire wire, Answer a) {
    if (a.failure() != null) {
      boolean repeatable =
          a.delivery() == Answer.Delivery.NOT_SENT || (a.delivery() == Answer.Delivery.MAYBE_SENT && wire.isRead());
      GraphError e = a.failure();
      if (a.delivery() == Answer.Delivery.MAYBE_SENT && !wire.isRead()) {
        e = maybeApplied(e);
      }
      return Verdict.failure(e, repeatable, Optional.empty());
    }
    int status = a.status();
    if (status >= 200 && status < 300) {
      try {
        return Verdict.success(new GraphResponse(status, successBody(wire.method(), status, a), a.requestId()));
      } catch (GraphException e) {
        // A write answered 2xx happened, whatever came with it; only reading the tenant can confirm it.
        return Verdict.failure(wire.isRead() ? e.error() : maybeApplied(e.error()), false, Optional.empty());
      }
    }
    if (status >= 300 && status < 400) {
      return Verdict.failure(redirect(status, a), false, Optional.empty());
    }
    GraphError e = errorFrom(status, a.body(), a.unreadable() != null, a.requestId());
    boolean repeatable = RetryPolicy.repeatable(status, wire.isRead());
    if (RetryPolicy.retryableStatus(status) && !repeatable) {
      e = maybeApplied(e);
    }
    return Verdict.failure(e, repeatable, a.header("retry-after"));
  }

  /**
   * Graph does not redirect these APIs; a redirect comes from something in between (a proxy, a captive portal). It
   * is never followed, so the bearer token is never sent to wherever it points; the request was not carried out.
   */
  private static GraphError redirect(int status, Answer a) {
    String where = a.header("location").map(Responses::hostOf).map(h -> " to " + h).orElse("");
    return new GraphError(status, "redirect", null, "Graph's address answered with a redirect" + where
        + "; redirects are not followed, so the access token is never sent elsewhere. Check --graph-url and any "
        + "proxy in between", a.requestId(), null);
  }

  private static String hostOf(String location) {
    try {
      java.net.URI u = java.net.URI.create(location.strip());
      return u.getHost() == null ? location.strip() : u.getScheme() + "://" + u.getHost();
    } catch (IllegalArgumentException e) {
      return "an invalid location";
    }
  }

  private static JsonNode successBody(String method, int status, Answer a) throws GraphException {
    if (a.body() == null && a.unreadable() == null) {
      // A write that got a 2xx happened, whatever the body (200 or 204); a read without data would invent drift.
      if (!method.equals("GET")) {
        return null;
      }
      throw malformed("an empty body with HTTP " + status, status, a.requestId());
    }
    if (a.unreadable() != null) {
      // For a write, the caller makes this "may or may not have been applied": only the read-back can tell.
      throw malformed(a.unreadable(), status, a.requestId());
    }
    JsonNode body = a.body();
    if (!body.isObject()) {
      throw malformed("a body that is not a JSON object", status, a.requestId());
    }
    if (body.has("error") && body.get("error").isObject()) {
      // A 200 that carries a Graph error is still an error; treating it as data would invent drift.
      throw new GraphException(errorFrom(status, body, false, a.requestId()));
    }
    return body;
  }

  /**
   * Graph's error JSON as a {@link GraphError}: the code, the innermost different inner code, the message, and the
   * request-id: innerError's, else the one given (the header's; for a batch item without one, the batch's).
   */
  static GraphError errorFrom(int status, JsonNode body, boolean unreadable, String requestId) {
    String code = null;
    String inner = null;
    String ownRequestId = null;
    String message = unreadable ? "the error body is not Graph's error JSON" : null;
    JsonNode error = body == null || !body.isObject() ? null : body.get("error");
    if (error != null && error.isObject()) {
      code = text(error.get("code"));
      message = text(error.get("message"));
      JsonNode in = innerError(error);
      while (in != null) {
        String c = text(in.get("code"));
        if (c != null && !c.equalsIgnoreCase(code)) {
          inner = c;
        }
        if (ownRequestId == null) {
          ownRequestId = text(in.get("request-id"));
        }
        in = innerError(in);
      }
    }
    return new GraphError(status, code, inner, message, ownRequestId != null ? ownRequestId : requestId, null);
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
    return n == null || n.isNull() ? null : n.isString() ? n.asString() : n.toString();
  }

  static GraphError maybeApplied(GraphError e) {
    return e.withMessage((e.message() == null ? "no answer" : e.message().strip()) + MAYBE_APPLIED).asMaybeApplied();
  }

  /** An answer that came (with {@code status}) but cannot be used. */
  static GraphException malformed(String what, int status, String requestId) {
    return new GraphException(GraphError.malformed(what, status, requestId));
  }
}
