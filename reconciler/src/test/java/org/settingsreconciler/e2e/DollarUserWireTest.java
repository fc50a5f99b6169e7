package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * On the wire, held to Microsoft's words rather than to our sandbox: "enclose the userPrincipalName in parentheses and
 * single quotes, as follows: /users('$x@y.com')" (user-get.md, v1.0, "HTTP request"). WireMock answers that exact URL
 * only.
 */
class DollarUserWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  @Test
  void theInterestsOfADollarUserAreReadAtTheDocumentedUrl() {
    String interests = "/users('$x@y.com')/profile/interests";
    h.get(interests, "{\"value\":[]}");
    Path yaml = h.yaml("users.yaml", "users:\n  $x@y.com:\n    interests:\n      Chess:\n        categories: [Games]\n");

    Run r = h.graph("plan", yaml.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("POST /beta" + interests).doesNotContain("could not be read");
    h.verifyGets(1, interests);
  }
}
