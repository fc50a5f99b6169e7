package org.settingsreconciler.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.RetryPolicy;
import org.settingsreconciler.graph.Sleeper;
import org.settingsreconciler.graph.StaticTokenProvider;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.SandboxProbe;
import tools.jackson.databind.node.ObjectNode;

/**
 * A read of every user streams (issue 17): each page of users is handed on with only its own users' reads, once they
 * have ended, in Graph's page order and sorted within the page; and the next page of users is not listed while two
 * pages are still being read, so memory holds a few pages, not the tenant.
 */
class AllUsersStreamSandboxTest {

  private static final int USERS = 23;
  private static final int PAGE = 5;

  private GraphSandbox sandbox;
  private SandboxProbe probe;

  /** A page as it was handed on, with the user lists asked for by then. */
  private record Heard(List<String> users, int kept, long listings) {}

  @BeforeEach
  void start() throws Exception {
    ObjectNode seed = (ObjectNode) GraphSandbox.demoTenant();
    ObjectNode users = seed.putObject("users");
    // Graph's order is not the names' order: pages are sorted within, never across.
    for (int i = USERS; i >= 1; i--) {
      ObjectNode u = users.putObject(String.format("u%02d@stream.example", i));
      u.put("id", String.format("00000000-0000-4000-8000-%012d", i));
      u.put("displayName", "User " + i);
      u.putArray("interests").addObject().put("id", "i" + i).put("displayName", "Topic " + i);
    }
    sandbox = GraphSandbox.start(0, null, seed);
    probe = SandboxProbe.on(sandbox);
    sandbox.setPageSize(PAGE);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void eachPageIsHandedOnWithItsOwnUsersAloneAndTheListingWaitsForIt() {
    GraphClient client =
        new GraphClient(sandbox.baseUrl(), StaticTokenProvider.of("t"), RetryPolicy.NONE, Sleeper.REAL);
    List<Heard> heard = new ArrayList<>();
    CurrentState tenantWide = new CurrentState();

    AllUsersRead read = new StateReader(client).readAllUsers(tenantWide, page -> heard.add(
        new Heard(page.users(), page.state().kept(), listings())), ReadProgress.silent());

    assertThat(read.usersError()).isNull();
    assertThat(read.users()).isEqualTo(USERS);
    assertThat(heard).hasSize((USERS + PAGE - 1) / PAGE);
    List<String> all = new ArrayList<>();
    int perUser = ResourceRegistry.userScoped().size();
    for (int i = 0; i < heard.size(); i++) {
      Heard page = heard.get(i);
      assertThat(page.users()).hasSizeLessThanOrEqualTo(PAGE).isSorted();
      assertThat(page.kept()).as("page %d holds its own users' reads only", i + 1)
          .isEqualTo(page.users().size() * perUser);
      // Page i+1 and the one after it may have been listed; a listing that ran ahead would have asked for them all.
      assertThat(page.listings()).as("user lists asked for when page %d was handed on", i + 1)
          .isLessThanOrEqualTo(i + 1 + UsersByPage.AHEAD);
      all.addAll(page.users());
    }
    assertThat(all).as("Graph's page order: the seed's, from u23 down")
        .startsWith("u19@stream.example", "u20@stream.example", "u21@stream.example", "u22@stream.example",
            "u23@stream.example")
        .hasSize(USERS).doesNotHaveDuplicates();
    assertThat(tenantWide.kept()).as("the tenant-wide reads").isPositive();
  }

  private long listings() {
    return probe.requests().stream().filter(r -> r.method().equals("GET") && r.path().contains("/users?")).count();
  }
}
