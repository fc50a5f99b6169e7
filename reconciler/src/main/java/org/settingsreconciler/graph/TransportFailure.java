package org.settingsreconciler.graph;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/**
 * A round trip that got no answer, said in words an admin can act on: the host and port it went to, and what
 * happened (the host name not found, the connection refused, timed out, reset or closed). Java's HTTP client
 * often says none of it (a refused connection is a ConnectException without a message), so it is read from the
 * exception's type and causes.
 */
final class TransportFailure {

  static final String CONNECTION_FAILED = "connectionFailed";
  static final String TIMEOUT = "timeout";

  private TransportFailure() {}

  /** {@code host:port} of the URI, with the scheme's default port when it names none. */
  static String where(URI uri) {
    int port = uri.getPort() != -1 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    return uri.getHost() + ":" + port;
  }

  /** The failure of a request to {@code uri} that ended in {@code e}, with no answer. */
  static GraphError of(URI uri, IOException e) {
    String where = where(uri);
    if (e instanceof HttpConnectTimeoutException) {
      return error(TIMEOUT, "cannot connect to " + where + ": the connection timed out");
    }
    if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, UnknownHostException.class)) {
      return error(CONNECTION_FAILED,
          "cannot connect to " + where + ": the host name " + uri.getHost() + " is not found (DNS)");
    }
    if (causedBy(e, NoRouteToHostException.class)) {
      return error(CONNECTION_FAILED, "cannot connect to " + where + ": no route to the host");
    }
    if (e instanceof ConnectException) {
      // Java's client tries a refused connection once more on the closed channel, and reports only that.
      String m = e.getMessage();
      String what = m == null || m.isBlank() || contains(m, "refused") ? "the connection was refused" : lower(m);
      return error(CONNECTION_FAILED, "cannot connect to " + where + ": " + what);
    }
    String m = innermostMessage(e);
    if (contains(m, "reset")) {
      return error(CONNECTION_FAILED, "the connection to " + where + " was reset before the answer came");
    }
    if (causedBy(e, EOFException.class) || contains(m, "closed") || contains(m, "received no bytes")) {
      return error(CONNECTION_FAILED, where + " closed the connection before the answer came");
    }
    return error(CONNECTION_FAILED,
        "the connection to " + where + " failed" + (m == null ? "" : ": " + lower(m)));
  }

  /** No (whole) answer within the round trip's time limit. */
  static GraphError timedOut(URI uri, Duration timeout) {
    return error(TIMEOUT, where(uri) + " sent no answer within " + seconds(timeout));
  }

  private static GraphError error(String code, String message) {
    return new GraphError(0, code, null, message, null, null);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String innermostMessage(Throwable e) {
    String m = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        m = t.getMessage().strip();
      }
    }
    return m;
  }

  private static boolean contains(String message, String word) {
    return message != null && message.toLowerCase(Locale.ROOT).contains(word);
  }

  private static String lower(String m) {
    return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }

  /** 60 s, 1.5 s, 0.25 s: as precise as the setting, no more. */
  private static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }
}
