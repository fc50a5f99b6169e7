package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/** Server-driven paging with absolute next links, on every list. */
class PagingTest extends FreshSandbox {

  /** Follows next links from the first page, returning every page. */
  private List<Reply> allPages(String first) {
    List<Reply> pages = new ArrayList<>();
    Reply page = client.get(first);
    pages.add(page);
    while (page.body().has("@odata.nextLink")) {
      assertThat(pages).hasSizeLessThan(10);
      page = client.get(page.body().get("@odata.nextLink").asString());
      pages.add(page);
    }
    return pages;
  }

  private static List<String> values(List<Reply> pages, String property) {
    List<String> out = new ArrayList<>();
    for (Reply p : pages) {
      assertThat(p.status()).isEqualTo(200);
      for (JsonNode n : p.body().get("value")) {
        out.add(n.get(property).asString());
      }
    }
    return out;
  }

  @Test
  void pageSizeSplitsAListAndNextLinksWalkIt() {
    sandbox.setPageSize(2);

    List<Reply> pages = allPages("/users");

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).body().get("value")).hasSize(2);
    assertThat(values(pages, "userPrincipalName"))
        .containsExactly("adele.vance@contoso.com", "megan.bowen@contoso.com", "alex.wilber@contoso.com");
  }

  @Test
  void nextLinkIsAbsoluteWithASkipToken() {
    sandbox.setPageSize(1);

    String next = client.get("/admin/people/profileCardProperties").body().get("@odata.nextLink").asString();

    assertThat(next).startsWith(sandbox.baseUrl() + "/beta/admin/people/profileCardProperties?").contains("$skiptoken=");
  }

  @Test
  void topLimitsThePageAndIsKeptInNextLinks() {
    List<Reply> pages = allPages("/users/adele.vance@contoso.com/profile/interests?$top=1");

    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).body().has("@odata.nextLink")).isFalse();
    assertThat(client.get("/users/adele.vance@contoso.com/profile/interests?$top=1").body()
        .get("@odata.nextLink").asString()).contains("$top=1");
    assertThat(values(pages, "displayName")).containsExactly("Chelsea FC", "Hiking");
  }

  @Test
  void pageSizeCapsALargerTop() {
    sandbox.setPageSize(1);

    assertThat(client.get("/users?$top=50").body().get("value")).hasSize(1);
  }

  @Test
  void byDefaultPagesAreGraphsHundredOrATopOfUpTo999() throws IOException {
    tools.jackson.databind.node.ObjectNode seed = (tools.jackson.databind.node.ObjectNode) GraphSandbox.emptyTenant();
    tools.jackson.databind.node.ObjectNode users = seed.putObject("users");
    for (int i = 0; i < 1200; i++) {
      users.putObject("user" + i + "@contoso.com");
    }
    try (GraphSandbox big = GraphSandbox.start(0, null, seed)) {
      SandboxClient c = new SandboxClient(big);

      assertThat(c.get("/users").body().get("value")).hasSize(100);
      assertThat(c.get("/users?$top=999").body().get("value")).hasSize(999);
      assertThat(c.get("/users?$top=5000").body().get("value")).hasSize(999);
      assertThat(c.get("/users?$top=5000").body().has("@odata.nextLink")).isTrue();
    }
  }

  /**
   * microsoft-graph-docs-contrib concepts/query-parameters.md: "On the beta endpoint, the `$` prefix is optional. For
   * example, instead of `$filter`, you can use `filter`. On the v1 endpoint, the `$` prefix is optional for only a
   * subset of APIs."
   */
  @Test
  void onBetaTheDollarOfAQueryOptionMayBeLeftOut() {
    List<Reply> pages = allPages("/users/adele.vance@contoso.com/profile/interests?top=1");

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).body().get("value")).hasSize(1);
    assertThat(values(pages, "displayName")).containsExactly("Chelsea FC", "Hiking");
    assertThat(client.get("/users?top=1").body().get("value")).hasSize(1);
    assertThat(client.get("/users?skip=2").body().get("value")).hasSize(1);
  }

  @Test
  void badPagingOptionsAreBadRequests() {
    assertThat(client.get("/users?$top=-1").status()).isEqualTo(400);
    assertThat(client.get("/users?$skiptoken=garbage!").status()).isEqualTo(400);
  }
}
