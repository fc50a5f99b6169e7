package org.settingsreconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.settingsreconciler.apply.ChangeOutcome;
import org.settingsreconciler.apply.Executor;
import org.settingsreconciler.export.ExportResult;
import org.settingsreconciler.export.Exporter;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.RetryPolicy;
import org.settingsreconciler.graph.Sleeper;
import org.settingsreconciler.graph.StaticTokenProvider;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.state.StateReader;

/**
 * Golden-file plans: for every folder in {@code src/test/resources/plans/}, the plan of its desired state against
 * its tenant must match plan.txt, plan.md and plan.json; applying it must succeed; planning again must find nothing;
 * and an export of the result must plan to nothing too. Adding a case is adding a folder (see the README.md there).
 */
class GoldenPlanTest {

  @TempDir Path tmp;

  static List<String> cases() throws IOException {
    return GoldenCase.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planMatchesGoldenThenApplyConverges(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    DesiredState desired = golden.desired();
    try (GraphSandbox sandbox = GraphSandbox.start(0, null, golden.current())) {
      GraphClient client =
          new GraphClient(sandbox.baseUrl(), StaticTokenProvider.of("t"), RetryPolicy.NONE, Sleeper.REAL);
      Planner planner = new Planner(new StateReader(client));

      Plan plan = planner.plan(desired);
      golden.expectText(GoldenCase.text(plan));
      golden.expectMarkdown(GoldenCase.markdown(plan));
      golden.expectJson(PlanJson.write(plan));
      assertThat(plan.failures()).as("reads that failed").isEmpty();

      List<ChangeOutcome> outcomes = new Executor(client).run(plan.changes(), o -> {});
      assertThat(outcomes)
          .as("apply")
          .allSatisfy(
              o -> assertThat(o.status())
                  .as(o.change().address() + ": " + (o.error() == null ? "" : o.error().describe()))
                  .isEqualTo(ChangeOutcome.Status.APPLIED));

      assertEmpty("second plan, after apply", planner.plan(desired));

      List<String> users = users(desired);
      ExportResult export = new Exporter().export(new StateReader(client).readAll(users), users, "the sandbox");
      assertThat(export.failures()).as("export read failures").isEmpty();
      Path exported = Files.writeString(tmp.resolve("exported.yaml"), export.yaml());
      assertEmpty("plan of the export:\n" + export.yaml(), planner.plan(GoldenCase.load(List.of(exported))));
    }
  }

  /** A new resource type needs a golden case, or its plans, apply and export go untested end to end. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("descriptors")
  void everyResourceTypeHasAGoldenCase(ResourceDescriptor d) throws IOException {
    assertThat(coveredTypes()).as("types set in some case's desired state under " + GoldenCase.ROOT).contains(d.type());
  }

  private static Set<String> covered;

  private static synchronized Set<String> coveredTypes() throws IOException {
    if (covered == null) {
      covered = new HashSet<>();
      for (String name : GoldenCase.names()) {
        DesiredState desired = GoldenCase.named(name).desired();
        desired.resources().forEach(r -> covered.add(r.id().descriptor().type()));
        desired.collections().forEach(c -> covered.add(c.descriptor().type()));
      }
    }
    return covered;
  }

  static List<ResourceDescriptor> descriptors() {
    return ResourceRegistry.all();
  }

  /** The users the desired state names: those of its collections (interests) and of its objects (settings). */
  private static List<String> users(DesiredState desired) {
    return Stream.concat(desired.collections().stream().map(CollectionScope::user),
            desired.resources().stream().map(r -> r.id().user()))
        .filter(Objects::nonNull)
        .distinct()
        .collect(Collectors.toList());
  }

  private static void assertEmpty(String what, Plan plan) {
    assertThat(plan.hasChanges() || plan.hasFailures())
        .as(what + " should have no changes, but is:\n" + GoldenCase.text(plan))
        .isFalse();
  }
}
