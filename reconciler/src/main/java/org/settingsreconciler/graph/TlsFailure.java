package org.settingsreconciler.graph;

import java.net.URI;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A TLS handshake that failed, said in words: most often Graph's address (a proxy, a test server) has a certificate
 * this machine does not trust. Certificates are always checked, so the only ways out are a trusted address or a
 * trusted certificate, and the message says which setting that is. A handshake comes before the request, so the
 * request was never sent.
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

  /**
   * The answer to a request whose handshake failed. A certificate stays untrusted until someone acts, so that is
   * final; a handshake cut short (a connection closed in the middle) may be tried again like any unsent request.
   */
  static Answer answer(URI uri, SSLHandshakeException e) {
    return Answer.failed(new GraphError(0, CODE, null, describe(TransportFailure.where(uri), e), null, null),
        certificateProblem(e) ? Answer.Delivery.FINAL : Answer.Delivery.NOT_SENT);
  }

  /** What went wrong with {@code server} (a host name, or "the sign-in service"), and what to do about it. */
  public static String describe(String server, SSLHandshakeException e) {
    String reason = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        reason = t.getMessage().strip(); // the innermost says it plainest ("unable to find valid certification path")
      }
    }
    String because = reason == null ? "" : " (" + reason + ")";
    if (!certificateProblem(e)) {
      return "the TLS handshake with " + server + " failed" + because;
    }
    return "the certificate of " + server + " is not trusted" + because + "; certificates are always checked, so use"
        + " an address with a certificate this machine trusts, or add the certificate's CA to Java's trust store"
        + " (javax.net.ssl.trustStore)";
  }

  /** The certificate checks' exceptions (path building, validation, an expired or misnamed certificate) all are. */
  private static boolean certificateProblem(SSLHandshakeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GeneralSecurityException) {
        return true;
      }
    }
    return false;
  }
}
