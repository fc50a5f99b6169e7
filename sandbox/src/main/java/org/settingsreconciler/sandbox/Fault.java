package org.settingsreconciler.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A failure the sandbox answers with instead of serving a request normally, so that retry and error handling can
 * be tried without a misbehaving tenant. It matches requests by method and path, {@code times} times. Inside a
 * {@code $batch}, a fault that answers (an error, a redirect, a bad or empty body) is that item's answer; one that
 * breaks the connection ({@link Kind#RESET}, {@link Kind#TIMEOUT}, {@link Kind#TRUNCATED}) breaks the whole batch's.
 * See {@link FaultSpec} for the written form, such as {@code PATCH /admin/people/pronouns=503x2}.
 *
 * <p>A path that starts with a version ({@code /v1.0/admin/people/pronouns}, {@code /beta/...}) matches requests
 * under that version only; one without ({@code /admin/people/pronouns}) matches the path under either version.
 *
 * @param method the HTTP method to match, ignoring case
 * @param path the path, without query, with or without its version first; matched exactly but ignoring case
 * @param kind how the sandbox misbehaves
 * @param status for {@link Kind#ERROR}: the HTTP status, 400 to 599; 0 for the other kinds
 * @param code for {@link Kind#ERROR} and {@link Kind#ERROR_IN_200}: Graph's {@code error.code}; else null
 * @param times how many matching requests fail before the fault is used up (at least 1; {@link #ALWAYS} never is)
 * @param retryAfter for {@link Kind#ERROR}: the {@code Retry-After} header in seconds (Graph sends decimals such as
 *     "2.128"), or null
 * @param delay for {@link Kind#TIMEOUT}: how long the answer is held back, or null for longer than any client waits
 */
public record Fault(
    String method, String path, Kind kind, int status, String code, int times, String retryAfter, Duration delay) {

  /** How the sandbox misbehaves. Some kinds still carry the request out: what a lost answer is really like. */
  public enum Kind {
    /** Graph's error JSON with the status and code, and Retry-After if given. The request is not carried out. */
    ERROR("an error"),
    /** 200 OK whose body is Graph's error JSON with the code. The request is not carried out. */
    ERROR_IN_200("200 with an error body"),
    /** The connection is closed without an answer. The request is not carried out. */
    RESET("a reset connection"),
    /** The request is carried out, and its answer is held back (by default longer than any client waits). */
    TIMEOUT("a timeout"),
    /** 200 OK with a body that is not valid JSON. The request is not carried out. */
    MALFORMED("malformed JSON"),
    /** The request is carried out, and only the first half of its JSON answer is sent. */
    TRUNCATED("truncated JSON"),
    /** The request is carried out, and answered 200 OK with no body. */
    EMPTY("an empty 200"),
    /** 302 Found to another host, which must not be followed. The request is not carried out. */
    REDIRECT("a redirect");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** Whether the fault breaks the connection, so that in a batch it is the whole batch's fault. */
    public boolean breaksConnection() {
      return this == RESET || this == TIMEOUT || this == TRUNCATED;
    }

    /** Whether the request is carried out although its answer is lost or spoilt. */
    public boolean carriesOut() {
      return this == TIMEOUT || this == TRUNCATED || this == EMPTY;
    }
  }

  /** A fault that never wears off. */
  public static final int ALWAYS = Integer.MAX_VALUE;

  public Fault {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.ERROR && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("a fault answers with an error status, 400 to 599, not " + status);
    }
    if (kind != Kind.ERROR && status != 0) {
      throw new IllegalArgumentException("only an error fault has a status");
    }
    if ((kind == Kind.ERROR || kind == Kind.ERROR_IN_200) != (code != null)) {
      throw new IllegalArgumentException("an error fault, and only one, has a Graph error code");
    }
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, not " + times);
    }
    if (retryAfter != null && kind != Kind.ERROR) {
      throw new IllegalArgumentException("only an error fault sends Retry-After");
    }
    if (delay != null && (kind != Kind.TIMEOUT || delay.isNegative())) {
      throw new IllegalArgumentException("only a timeout fault has a delay, and it must not be negative");
    }
  }

  /** Answers {@code status} with Graph's error JSON carrying {@code code}. */
  public static Fault of(String method, String path, int status, String code, int times) {
    return new Fault(method, path, Kind.ERROR, status, code, times, null, null);
  }

  /** A fault of any kind but {@link Kind#ERROR}; {@link Kind#ERROR_IN_200} gets {@code serviceNotAvailable}. */
  public static Fault of(String method, String path, Kind kind, int times) {
    String code = kind == Kind.ERROR_IN_200 ? "serviceNotAvailable" : null;
    return new Fault(method, path, kind, 0, code, times, null, null);
  }

  /** The same fault, also sending {@code Retry-After: seconds}. */
  public Fault withRetryAfter(String seconds) {
    return new Fault(method, path, kind, status, code, times, seconds, delay);
  }

  /** The same fault with another Graph error code. */
  public Fault withCode(String c) {
    return new Fault(method, path, kind, status, c, times, retryAfter, delay);
  }

  /** The same timeout, answering after {@code d}. */
  public Fault withDelay(Duration d) {
    return new Fault(method, path, kind, status, code, times, retryAfter, d);
  }

  /** For people: {@code PATCH /admin/people/pronouns: 503 serviceNotAvailable (Retry-After 1.5), 2 times}. */
  public String describe() {
    String what = switch (kind) {
      case ERROR -> status + " " + code + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")");
      case ERROR_IN_200 -> "200 with the error " + code;
      case TIMEOUT -> delay == null ? "a timeout (no answer)" : "an answer held back " + delay.toMillis() + " ms";
      default -> kind.description;
    };
    String often = times == ALWAYS ? "every time" : times == 1 ? "once" : times + " times";
    return method.toUpperCase(Locale.ROOT) + " " + path + ": " + what + ", " + often;
  }

  /** @param requestPath the request's path, version first, without query (see SandboxRequests.faultPath) */
  boolean matches(String requestMethod, String requestPath) {
    if (!method.equalsIgnoreCase(requestMethod)) {
      return false;
    }
    // Written as plans show paths (encoded, a user whose name begins with $ in parentheses), read as requests are.
    String wanted = normalise(SandboxRequests.faultPath(path));
    String got = normalise(requestPath);
    if (ApiVersion.leading(wanted).isEmpty()) {
      ApiVersion version = ApiVersion.leading(got).orElse(null);
      got = version == null ? got : normalise(got.substring(version.prefix().length()));
    }
    return wanted.equalsIgnoreCase(got);
  }

  private static String normalise(String p) {
    String withSlash = p.startsWith("/") ? p : "/" + p;
    return withSlash.length() > 1 && withSlash.endsWith("/")
        ? withSlash.substring(0, withSlash.length() - 1)
        : withSlash;
  }
}
