package org.settingsreconciler.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.RetryPolicy;
import org.settingsreconciler.graph.Sleeper;
import org.settingsreconciler.graph.StaticTokenProvider;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.Planner;
import org.settingsreconciler.plan.PropertyChange;
import org.settingsreconciler.plan.Update;
import org.settingsreconciler.sandbox.Fault;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.RecordedRequest;
import org.settingsreconciler.sandbox.SandboxProbe;
import org.settingsreconciler.state.StateReader;

/**
 * Users named by principal name, in an agent's owner and its access lists (the demo tenant's), become their ids: each
 * looked up once, by its own GET; an unknown one is an error where it is written; a lookup Graph refuses stops the run
 * before anything is written; and the plan keeps each name beside the id it became.
 */
class UserNamesTest {

  private static final String HR = "P_7c4d1e2a-9b3f-4e6d-8a1c-2f5b9d0e3a71";
  private static final String ALEX = "9a1b7f4c-2d3e-4f5a-8b6c-1d2e3f4a5b6c";
  private static final String PILOT = "edbfe4fb-ec70-4300-928f-dbb2ae86c981";

  @TempDir Path dir;
  private GraphSandbox sandbox;
  private SandboxProbe probe;
  private Planner planner;

  @BeforeEach
  void start() throws Exception {
    sandbox = GraphSandbox.start(0, null, null);
    probe = SandboxProbe.on(sandbox);
    GraphClient client = new GraphClient(sandbox.baseUrl(), StaticTokenProvider.of("t"), RetryPolicy.NONE, Sleeper.REAL);
    planner = new Planner(new StateReader(client));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private DesiredState load(String yaml) throws Exception {
    Path file = dir.resolve("agents.yaml");
    Files.writeString(file, yaml);
    return new DesiredStateLoader().load(List.of(file));
  }

  private List<String> userLookups() {
    return probe.requests().stream().map(RecordedRequest::path).filter(p -> p.contains("/users/")).toList();
  }

  @Test
  void entriesByNameBecomeIdsAndThePlanKeepsTheirNames() throws Exception {
    Plan plan = planner.plan(load("""
        copilot:
          agents:
            %s:
              allowedUsersAndGroups:
                - {group: Copilot Pilot}
                - {user: Alex.Wilber@contoso.com}
              acquireUsersAndGroups:
                - {user: alex.wilber@contoso.com}
        """.formatted(HR)));

    Update u = (Update) plan.changes().get(0);
    assertThat(u.body().get("allowedUsersAndGroups").toString()).isEqualTo(
        "[{\"resourceType\":\"group\",\"resourceId\":\"" + PILOT + "\"},"
            + "{\"resourceType\":\"user\",\"resourceId\":\"" + ALEX + "\"}]");
    PropertyChange allowed = u.properties().stream().filter(p -> p.name().equals("allowedUsersAndGroups"))
        .findFirst().orElseThrow();
    assertThat(allowed.namedEntries()).extracting(n -> n.kind() + " " + n.name() + " " + n.id())
        .containsExactly("group Copilot Pilot " + PILOT, "user Alex.Wilber@contoso.com " + ALEX);
    assertThat(userLookups()).as("each name once, whatever its letter case")
        .hasSize(2).allMatch(p -> p.endsWith("?$select=id,userPrincipalName"));
  }

  @Test
  void anUnknownUserIsAnErrorWhereItIsWritten() throws Exception {
    DesiredState state = load("copilot:\n  agents:\n    " + HR + ":\n      allowedUsersAndGroups:\n"
        + "        - {user: nobody@contoso.com}\n");

    assertThatThrownBy(() -> planner.plan(state)).isInstanceOfSatisfying(UnresolvedNamesException.class, e -> {
      assertThat(e.count()).isEqualTo("1 user principal name");
      assertThat(e.errors()).singleElement().asString()
          .startsWith(dir.resolve("agents.yaml") + ":5:11: copilot.agents[\"" + HR + "\"].allowedUsersAndGroups[0]: "
              + "no Entra user has the principal name \"nobody@contoso.com\"");
    });
    assertThat(probe.requests()).as("nothing read but the lookup").allMatch(r -> r.path().contains("/users/"));
  }

  @Test
  void aLookupGraphRefusesStopsTheRunBeforeAnyWrite() throws Exception {
    sandbox.injectFault(Fault.of("GET", "/users/alex.wilber@contoso.com", 403, "Authorization_RequestDenied", 1));
    DesiredState state = load("copilot:\n  agents:\n    " + HR + ":\n      ownerId: {user: alex.wilber@contoso.com}\n");

    assertThatThrownBy(() -> planner.plan(state)).isInstanceOfSatisfying(NameLookupException.class, e -> {
      assertThat(e.kind()).isEqualTo(NameReference.Kind.USER);
      assertThat(e.names()).containsExactly("alex.wilber@contoso.com");
      assertThat(e.error().status()).isEqualTo(403);
    });
    assertThat(probe.requests()).allMatch(r -> r.method().equals("GET"));
  }
}
