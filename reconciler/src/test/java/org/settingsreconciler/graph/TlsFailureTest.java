package org.settingsreconciler.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** A certificate problem is final and says what to do; a handshake cut short is an unsent request, tried again. */
class TlsFailureTest {

  static final URI GRAPH = URI.create("https://graph.microsoft.com/beta/admin/people/pronouns");

  @Test
  void anExpiredCertificateIsFinalAndNamedWithWhatToDo() {
    SSLHandshakeException e = new SSLHandshakeException("PKIX path validation failed: java.security.cert...");
    e.initCause(new CertificateExpiredException("NotAfter: Sat Nov 21 10:00:00 UTC 2026"));

    Answer a = TlsFailure.answer(GRAPH, e);

    assertThat(a.delivery()).isEqualTo(Answer.Delivery.FINAL);
    assertThat(a.failure().describe()).isEqualTo("no response tlsHandshakeFailed: the certificate of "
        + "graph.microsoft.com:443 is not trusted (NotAfter: Sat Nov 21 10:00:00 UTC 2026); certificates are always "
        + "checked, so use an address with a certificate this machine trusts, or add the certificate's CA to Java's "
        + "trust store (javax.net.ssl.trustStore)");
  }

  @Test
  void aHandshakeCutShortWasNotSentAndMayBeTriedAgain() {
    Answer a = TlsFailure.answer(GRAPH, new SSLHandshakeException("Remote host terminated the handshake"));

    assertThat(a.delivery()).isEqualTo(Answer.Delivery.NOT_SENT);
    assertThat(a.failure().describe())
        .isEqualTo("no response tlsHandshakeFailed: the TLS handshake with graph.microsoft.com:443 failed (Remote host "
            + "terminated the handshake)");
  }

  @Test
  void theHandshakeFailureIsFoundAmongTheCauses() {
    SSLHandshakeException h = new SSLHandshakeException("x");
    assertThat(TlsFailure.handshakeIn(new java.io.IOException("wrapped", h))).isSameAs(h);
    assertThat(TlsFailure.handshakeIn(new java.io.IOException("reset"))).isNull();
  }
}
