package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;

/** What every request shares: authentication, headers, error shape, routing errors, binding. */
class ProtocolTest extends FreshSandbox {

  @Test
  void refusesARequestWithoutBearerToken() {
    Reply r = client.send(client.unauthenticated("/admin/people/pronouns").GET());

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("InvalidAuthenticationToken");
    assertThat(r.body().path("error").path("innerError").has("request-id")).isTrue();
    assertThat(r.body().path("error").path("innerError").has("date")).isTrue();
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void refusesAnEmptyBearerToken() {
    Reply r = client.send(client.unauthenticated("/admin/people/pronouns").header("Authorization", "Bearer ").GET());

    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void unauthenticatedWritesChangeNothing() {
    client.send(SandboxClient.withBody(
        client.unauthenticated("/admin/people/pronouns"), "PATCH", "{\"isEnabledInOrganization\":true}"));

    assertThat(client.get("/admin/people/pronouns").body().get("isEnabledInOrganization").asBoolean()).isFalse();
  }

  @Test
  void answersWithRequestIdsAndODataJson() {
    Reply r = client.send(client.request("/admin/people/pronouns").header("client-request-id", "abc-123").GET());

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("client-request-id")).isEqualTo("abc-123");
    assertThat(r.header("request-id")).matches("[0-9a-f-]{36}");
    assertThat(r.header("Content-Type")).startsWith("application/json").contains("odata.metadata=minimal");
  }

  @Test
  void generatesAClientRequestIdWhenNoneIsSent() {
    Reply r = client.get("/admin/people/pronouns");

    assertThat(r.header("client-request-id")).isEqualTo(r.header("request-id"));
  }

  @Test
  void matchesPathSegmentsIgnoringCase() {
    Reply r = client.get("/copilot/settings/people/enhancedpersonalization");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("value").path("isEnabledInOrganization").asBoolean()).isTrue();
  }

  @Test
  void unknownSegmentIsABadRequestNamingTheSegment() {
    Reply r = client.get("/admin/people/nonsense");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("BadRequest");
    assertThat(r.errorMessage()).isEqualTo("Resource not found for the segment 'nonsense'.");
  }

  @Test
  void pathsOutsideTheVersionsAreRefused() {
    Reply r = client.send(client.unauthenticated(sandbox.baseUrl() + "/v2.0/admin/people/pronouns")
        .header("Authorization", "Bearer t").GET());
    Reply none = client.send(client.unauthenticated(sandbox.baseUrl() + "/admin/people/pronouns")
        .header("Authorization", "Bearer t").GET());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).isEqualTo("Invalid version: v2.0");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.errorMessage()).isEqualTo("Invalid version: admin");
  }

  @Test
  void wrongMethodOnAKnownPathIs405() {
    Reply r = client.post("/admin/people/pronouns", "{\"isEnabledInOrganization\":true}");

    assertThat(r.status()).isEqualTo(405);
    assertThat(r.body().path("error").has("innerError")).isTrue();
  }

  @Test
  void malformedJsonIsABadRequest() {
    Reply r = client.patch("/admin/people/pronouns", "{\"isEnabledInOrganization\": tru");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("BadRequest");
  }

  /**
   * Every write page of these endpoints lists the header as required, e.g. microsoft-graph-docs-contrib
   * api-reference/v1.0/api/pronounssettings-update.md: "|Content-Type|application/json. Required.|"; and
   * concepts/errors.md: "415 | Unsupported Media Type | The content type of the request is a format that is not
   * supported by the service."
   */
  @Test
  void aWriteWithoutAJsonContentTypeIsRefused() {
    String body = "{\"isEnabledInOrganization\":true}";
    Reply none = client.send(client.request("/admin/people/pronouns")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    Reply text = client.send(client.request("/admin/people/pronouns").header("Content-Type", "text/plain")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)));

    assertThat(none.status()).isEqualTo(415);
    assertThat(none.body().path("error").has("innerError")).isTrue();
    assertThat(text.status()).isEqualTo(415);
    assertThat(client.get("/admin/people/pronouns").body().get("isEnabledInOrganization").asBoolean()).isFalse();
    assertThat(client.send(client.request("/admin/people/pronouns")
        .header("Content-Type", "Application/JSON; charset=utf-8")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body))).status()).isEqualTo(200);
  }

  @Test
  void recordsEveryRequestInOrderWithPathAndBody() {
    probe.clearRequests();
    client.get("/users?$top=1");
    client.patch("/admin/people/pronouns", "{\"isEnabledInOrganization\":true}");
    client.send(client.unauthenticated("/admin/people/pronouns").GET());

    assertThat(probe.requests())
        .extracting(RecordedRequest::method, RecordedRequest::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/beta/users?$top=1"),
            org.assertj.core.groups.Tuple.tuple("PATCH", "/beta/admin/people/pronouns"),
            org.assertj.core.groups.Tuple.tuple("GET", "/beta/admin/people/pronouns"));
    assertThat(probe.requests().get(0).body()).isNull();
    assertThat(probe.requests().get(1).body())
        .isEqualTo(SandboxClient.json("{\"isEnabledInOrganization\":true}"));
  }

  /** The sandbox keeps nothing of what it was sent (one serving for hours would grow): a listener hears it live. */
  @Test
  void aListenerAddedLaterHearsOnlyLaterRequests() {
    client.get("/users?$top=1");

    SandboxProbe later = SandboxProbe.on(sandbox);
    client.patch("/admin/people/pronouns", "{\"isEnabledInOrganization\":true}");

    assertThat(later.requests()).extracting(RecordedRequest::method).containsExactly("PATCH");
    assertThat(probe.requests()).extracting(RecordedRequest::method).containsExactly("GET", "PATCH");
  }

  @Test
  void bindsTheLoopbackInterfaceOnly() throws IOException {
    assertThat(sandbox.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + sandbox.port());
    Optional<InetAddress> external = externalAddress();
    Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");

    assertThatThrownBy(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(external.get(), sandbox.port()), 2000);
      }
    }).isInstanceOf(IOException.class);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), sandbox.port()), 2000);
      assertThat(s.isConnected()).isTrue();
    }
  }

  private static Optional<InetAddress> externalAddress() throws IOException {
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!ni.isUp() || ni.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
