package org.settingsreconciler.sandbox;

import java.util.Objects;

/**
 * A failure the sandbox answers with instead of serving a request, so that retry and error handling can be tested
 * without a misbehaving tenant. A matching request gets {@code status} and a Graph error body with {@code code},
 * and leaves the state untouched.
 *
 * @param method the HTTP method to match, ignoring case
 * @param path the path relative to {@code /beta}, without query, matched exactly but ignoring case
 * @param status the HTTP status to answer with
 * @param code the Graph {@code error.code} to put in the body
 * @param times how many matching requests fail before the fault is used up (at least 1)
 * @param retryAfter the {@code Retry-After} header value in seconds (Graph sends decimals such as "2.128"), or null
 */
public record Fault(String method, String path, int status, String code, int times, String retryAfter) {

  public Fault {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a fault answers with an error status, not " + status);
    }
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, not " + times);
    }
  }

  public static Fault of(String method, String path, int status, String code, int times) {
    return new Fault(method, path, status, code, times, null);
  }

  /** The same fault, also sending {@code Retry-After: seconds}. */
  public Fault withRetryAfter(String seconds) {
    return new Fault(method, path, status, code, times, seconds);
  }

  boolean matches(String requestMethod, String relativePath) {
    return method.equalsIgnoreCase(requestMethod) && normalise(path).equalsIgnoreCase(normalise(relativePath));
  }

  private static String normalise(String p) {
    String withSlash = p.startsWith("/") ? p : "/" + p;
    return withSlash.length() > 1 && withSlash.endsWith("/")
        ? withSlash.substring(0, withSlash.length() - 1)
        : withSlash;
  }
}
