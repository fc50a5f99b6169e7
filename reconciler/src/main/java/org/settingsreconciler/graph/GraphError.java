package org.settingsreconciler.graph;

/**
 * A failed request, in Graph's own terms. Messages are not stable in Graph, codes are, so codes drive decisions
 * and the message is only shown.
 *
 * @param status the HTTP status, or 0 when no answer came (connection failure, timeout)
 * @param code {@code error.code}, or a short description of a transport failure
 * @param innerCode the innermost {@code innerError.code} that differs from code, if any
 * @param requestId Graph's request-id, for support cases
 * @param hint what the error means for this resource, from its descriptor, if documented
 * @param clientRequestId the client-request-id this tool sent with the request, or null when none was sent; Graph
 *     logs it too, so it identifies a request that got no answer (and so no request-id) in a support case
 * @param maybeApplied the answer to a write was lost (a timeout, a 504, a batch without its answer), so the write
 *     may or may not have happened: only reading the tenant can tell
 */
public record GraphError(
    int status, String code, String innerCode, String message, String requestId, String hint,
    String clientRequestId, boolean maybeApplied) {

  public GraphError(int status, String code, String innerCode, String message, String requestId, String hint) {
    this(status, code, innerCode, message, requestId, hint, null, false);
  }

  /** The code of a request the tool did not send because it was bound to fail (see the permission preflight). */
  public static final String NOT_SENT = "notSent";

  /** A request that was not sent: {@code message} says why, {@code hint} how to make it possible. */
  public static GraphError notSent(String message, String hint) {
    return new GraphError(0, NOT_SENT, null, message, null, hint);
  }

  /** The code of an answer that came but cannot be used: not JSON, cut off, or not the shape of what was asked. */
  public static final String MALFORMED = "malformedResponse";

  /** An answer that came (with {@code status}) but cannot be used; {@code what} says what came. */
  public static GraphError malformed(String what, int status, String requestId) {
    return new GraphError(status, MALFORMED, null, "Graph answered with " + what, requestId, null);
  }

  public boolean notSent() {
    return status == 0 && NOT_SENT.equals(code);
  }

  public GraphError withHint(String h) {
    return new GraphError(status, code, innerCode, message, requestId, h, clientRequestId, maybeApplied);
  }

  public GraphError withMessage(String m) {
    return new GraphError(status, code, innerCode, m, requestId, hint, clientRequestId, maybeApplied);
  }

  public GraphError withRequestId(String id) {
    return new GraphError(status, code, innerCode, message, id, hint, clientRequestId, maybeApplied);
  }

  public GraphError withClientRequestId(String id) {
    return new GraphError(status, code, innerCode, message, requestId, hint, id, maybeApplied);
  }

  /** The same error, marked as the lost answer to a write that may have happened. */
  public GraphError asMaybeApplied() {
    return new GraphError(status, code, innerCode, message, requestId, hint, clientRequestId, true);
  }

  public boolean hasCode(String c) {
    return c.equalsIgnoreCase(code) || c.equalsIgnoreCase(innerCode);
  }

  /** Graph's text on one line: a line break in it must not start a line of the tool's output. */
  public static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * One line: status, codes, message, the documented meaning when there is one, and Graph's request-id. Without an
   * answer there is no request-id, so the client-request-id sent stands in for it.
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (notSent()) {
      b.append("not sent: ").append(message);
      if (hint != null) {
        b.append(". ").append(hint);
      }
      return b.toString();
    }
    b.append(status == 0 ? "no response" : "HTTP " + status);
    if (code != null) {
      b.append(' ').append(code);
      if (innerCode != null) {
        b.append('/').append(innerCode);
      }
    }
    if (message != null && !message.isBlank()) {
      b.append(": ").append(oneLine(message));
    }
    if (hint != null) {
      b.append(" (").append(oneLine(hint)).append(')');
    }
    if (requestId != null) {
      b.append(" [request-id ").append(requestId).append(']');
    } else if (clientRequestId != null) {
      b.append(" [client-request-id ").append(clientRequestId).append(']');
    }
    return b.toString();
  }
}
