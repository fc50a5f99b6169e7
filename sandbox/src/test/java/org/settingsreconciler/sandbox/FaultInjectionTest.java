package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.settingsreconciler.sandbox.SandboxClient.Reply;

/** Injected faults: matched by method and path, counted down, with an optional Retry-After, changing nothing. */
class FaultInjectionTest extends FreshSandbox {

  private static final String PRONOUNS = "/admin/people/pronouns";

  @Test
  void failsTheGivenNumberOfTimesThenServesNormally() {
    sandbox.injectFault(Fault.of("GET", PRONOUNS, 503, "serviceNotAvailable", 2));

    Reply first = client.get(PRONOUNS);
    Reply second = client.get("/Admin/People/Pronouns");
    Reply third = client.get(PRONOUNS);

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.errorCode()).isEqualTo("serviceNotAvailable");
    assertThat(first.body().at("/error/innerError/request-id").asString()).isEqualTo(first.header("request-id"));
    assertThat(second.status()).isEqualTo(503);
    assertThat(third.status()).isEqualTo(200);
  }

  @Test
  void sendsRetryAfterWhenGiven() {
    sandbox.injectFault(Fault.of("GET", PRONOUNS, 429, "TooManyRequests", 1).withRetryAfter("2.128"));

    Reply r = client.get(PRONOUNS);

    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("2.128");
  }

  @Test
  void aFaultedWriteChangesNothing() {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, 500, "generalException", 1));

    assertThat(client.patch(PRONOUNS, "{\"isEnabledInOrganization\":true}").status()).isEqualTo(500);

    assertThat(client.get(PRONOUNS).body().get("isEnabledInOrganization").asBoolean()).isFalse();
    assertThat(client.patch(PRONOUNS, "{\"isEnabledInOrganization\":true}").status()).isEqualTo(200);
  }

  @Test
  void onlyTheMatchingMethodAndPathFail() {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, 503, "serviceNotAvailable", 1));

    assertThat(client.get(PRONOUNS).status()).isEqualTo(200);
    assertThat(client.get("/admin/people/itemInsights").status()).isEqualTo(200);
    assertThat(client.patch(PRONOUNS, "{\"isEnabledInOrganization\":true}").status()).isEqualTo(503);
  }

  @Test
  void faultsMatchThePathWithoutQuery() {
    sandbox.injectFault(Fault.of("GET", "/users", 504, "gatewayTimeout", 1));

    assertThat(client.get("/users?$top=1").status()).isEqualTo(504);
  }

  @Test
  void faultsMustBeErrorsThatHappenAtLeastOnce() {
    assertThatThrownBy(() -> Fault.of("GET", PRONOUNS, 200, "ok", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.of("GET", PRONOUNS, 503, "x", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPathWithAVersionFailsOnlyThatVersionAndOneWithoutFailsBoth() {
    SandboxClient v1 = new SandboxClient(sandbox, ApiVersion.V1_0);
    sandbox.injectFault(FaultSpec.parse("GET /v1.0" + PRONOUNS + "=503"));
    sandbox.injectFault(FaultSpec.parse("GET /beta/admin/people/itemInsights=504"));
    sandbox.injectFault(FaultSpec.parse("PATCH " + PRONOUNS + "=500x2"));

    assertThat(v1.get(PRONOUNS).status()).isEqualTo(503);
    assertThat(client.get(PRONOUNS).status()).isEqualTo(200);
    assertThat(v1.get("/admin/people/itemInsights").status()).isEqualTo(200);
    assertThat(client.get("/admin/people/itemInsights").status()).isEqualTo(504);
    assertThat(v1.patch(PRONOUNS, "{\"isEnabledInOrganization\":true}").status()).isEqualTo(500);
    assertThat(client.patch(PRONOUNS, "{\"isEnabledInOrganization\":true}").status()).isEqualTo(500);
  }

  /**
   * A fault is written with the path as plans show it, and a plan shows a user whose name begins with {@code $} in
   * parentheses, percent-encoded as sent ({@code /beta/users('$o%27%27neil@contoso.com')/...}, user-get.md): it fires
   * for that user's requests.
   */
  @Test
  void aFaultWrittenAsAPlanShowsAUserInParenthesesFires() {
    String path = "/users('$o%27%27neil@contoso.com')/profile/interests";
    sandbox.injectFault(FaultSpec.parse("GET /beta" + path + "=503x1"));

    assertThat(client.get(path).status()).isEqualTo(503);
    assertThat(client.get(path).status()).as("the fault is spent; no such user").isEqualTo(404);
  }
}
