package org.settingsreconciler.graph;

import java.net.URI;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A TLS handshake that failed, said in words: most often Graph's address (a proxy, a test server) has a certificate
 * this machine does not trust. Certificates are always checked, so the only ways out are a trusted address or a
 * trusted certificate, and the message says which setting that is.
 */
public final class TlsFailure {

  static final String CODE = "tlsHandshakeFailed";

  private TlsFailure() {}

  /** The handshake failure in {@code e} or its causes, or null. */
  public static SSLHandshakeException handshakeIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException h) {
        return h;
      }
    }
    return null;
  }

  static GraphError error(URI uri, SSLHandshakeException e) {
    return new GraphError(0, CODE, null, describe(uri.getHost(), e), null, null);
  }

  /** What went wrong with {@code server} (a host name, or "the sign-in service"), and what to do about it. */
  public static String describe(String server, SSLHandshakeException e) {
    boolean certificate = false;
    String reason = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      certificate |= t instanceof GeneralSecurityException; // the certificate checks' exceptions all are
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        reason = t.getMessage().strip(); // the innermost says it plainest ("unable to find valid certification path")
      }
    }
    String what = certificate ? "the certificate of " + server + " is not trusted"
        : "the TLS handshake with " + server + " failed";
    return what + (reason == null ? "" : " (" + reason + ")") + "; certificates are always checked, so use an address"
        + " with a certificate this machine trusts, or add the certificate's CA to Java's trust store"
        + " (javax.net.ssl.trustStore)";
  }
}
