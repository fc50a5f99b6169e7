package org.settingsreconciler.render;

import org.settingsreconciler.graph.GraphResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.plan.Differ;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans for renderer tests, made by the real loader and differ from {@code src/test/resources/render/<case>/}:
 * {@code desired.yaml}, and {@code current.json} with what the tenant holds: {@code objects} and
 * {@code collections} by address, and {@code failures} (Graph errors) for reads that failed. The YAML is loaded by
 * its path relative to the module, so the provenance in plans is the same on every machine.
 */
public final class PlanFixtures {

  public static final Path ROOT = Path.of("src/test/resources/render");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PlanFixtures() {}

  public static Plan plan(String name) throws Exception {
    Path dir = ROOT.resolve(name);
    JsonNode current = JSON.readTree(Files.readString(dir.resolve("current.json")));
    return new Differ().diff(new DesiredStateLoader().load(List.of(dir.resolve("desired.yaml"))), state(current));
  }

  static CurrentState state(JsonNode json) {
    CurrentState state = new CurrentState();
    json.path("objects").properties().forEach(e -> state.putObject(e.getKey(), GraphResult.of(e.getValue())));
    json.path("collections").properties().forEach(e -> {
      List<JsonNode> items = new ArrayList<>();
      e.getValue().forEach(items::add);
      state.putCollection(e.getKey(), GraphResult.items(items));
    });
    json.path("failures").properties().forEach(e -> {
      GraphError error = error(e.getValue());
      state.putObject(e.getKey(), GraphResult.failed(error));
      state.putCollection(e.getKey(), GraphResult.failed(error));
    });
    return state;
  }

  static GraphError error(JsonNode n) {
    return new GraphError(n.path("status").asInt(), text(n, "code"), text(n, "innerCode"), text(n, "message"),
        text(n, "requestId"), null);
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asString() : null;
  }
}
