package org.settingsreconciler.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A round trip without an answer names the host and port it went to and what happened, in words (Java's client
 * says "ConnectException" and nothing else for a refused connection); and the client knows whether any request
 * left the process, so "nothing was sent" is said only when it is true.
 */
class TransportFailureTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final URI GRAPH = URI.create("https://graph.contoso.test/beta/admin/people/pronouns");

  private static String said(IOException e) {
    return TransportFailure.of(GRAPH, e).message();
  }

  private static ConnectException connect(Throwable cause) {
    ConnectException e = new ConnectException();
    e.initCause(cause);
    return e;
  }

  @Test
  void eachKindOfFailureIsNamedWithHostAndPort() {
    assertThat(said(connect(new ClosedChannelException())))
        .isEqualTo("cannot connect to graph.contoso.test:443: the connection was refused");
    assertThat(said(connect(new UnresolvedAddressException())))
        .isEqualTo("cannot connect to graph.contoso.test:443: the host name graph.contoso.test is not found (DNS)");
    assertThat(said(new HttpConnectTimeoutException("HTTP connect timed out")))
        .isEqualTo("cannot connect to graph.contoso.test:443: the connection timed out");
    assertThat(said(new IOException(new SocketException("Connection reset"))))
        .isEqualTo("the connection to graph.contoso.test:443 was reset before the answer came");
    assertThat(said(new IOException("HTTP/1.1 header parser received no bytes", new EOFException())))
        .isEqualTo("graph.contoso.test:443 closed the connection before the answer came");
    assertThat(TransportFailure.timedOut(URI.create("http://127.0.0.1:8080/beta"), Duration.ofMillis(1500))
        .message()).isEqualTo("127.0.0.1:8080 sent no answer within 1.5 s");
  }

  @Test
  void aRefusedConnectionSendsNothingAndAnAnswerIsSomethingSent() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    GraphClient refused = new GraphClient(URI.create("http://127.0.0.1:" + closed + "/beta"), () -> "token",
        RetryPolicy.NONE, Sleeper.REAL);
    GraphResult<GraphResponse> o = refused.sendAll(List.of(GraphRequest.get("/beta/admin/people/pronouns"))).get(0);
    assertThat(o.error().describe())
        .startsWith("no response connectionFailed: cannot connect to 127.0.0.1:" + closed + ": the connection was "
            + "refused");
    assertThat(refused.anythingSent()).as("a refused connection carried nothing").isFalse();

    wm.stubFor(get(urlEqualTo("/beta/admin/people/pronouns")).willReturn(okJson("{}")));
    GraphClient answered = new GraphClient(URI.create(wm.baseUrl() + "/beta"), () -> "token", RetryPolicy.NONE,
        Sleeper.REAL);
    assertThat(answered.anythingSent()).isFalse();
    answered.sendAll(List.of(GraphRequest.get("/beta/admin/people/pronouns")));
    assertThat(answered.anythingSent()).isTrue();
  }
}
