package org.settingsreconciler.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers every Retry-After a sandbox answers (see SandboxProbe), from throttling or an injected fault, and tells when the same
 * request comes back before it has passed: a client that does so would make Graph throttle it harder. Thread-safe.
 */
final class RetryAfterWatch {

  /** client + request line: when Retry-After allows that request again (nanoTime). */
  private final Map<String, Long> allowedAt = new HashMap<>();
  /**
   * @param key the client and the request line (method, path with query, body), to recognise the same request
   * @param arrived when the request arrived (nanoTime)
   * @return whether this is a retry sent before its Retry-After had passed
   */
  synchronized boolean early(String key, long arrived) {
    Long at = allowedAt.remove(key);
    return at != null && arrived - at < 0;
  }

  /** The request {@code key} was told, now, to wait {@code wait}. */
  synchronized void told(String key, Duration wait) {
    allowedAt.put(key, System.nanoTime() + wait.toNanos());
  }

  /**
   * Retry-After as a wait, rounded up to whole milliseconds so that a client waiting exactly as long is never
   * early; null when it is not a number of seconds.
   */
  static Duration parse(String retryAfter) {
    try {
      double seconds = Double.parseDouble(retryAfter.strip());
      return seconds >= 0 && !Double.isInfinite(seconds) ? Duration.ofMillis((long) Math.ceil(seconds * 1000)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
