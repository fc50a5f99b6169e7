package org.settingsreconciler.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import tools.jackson.databind.JsonNode;

/**
 * What keeps a desired state of 100,000 users small (see docs/guides/benchmark.md): the state built holds none of
 * what reading the files made (trees, source maps), repeated text is one object, and the compact source map still
 * places every node of a large file.
 */
class LoaderMemoryDesignTest {

  @TempDir Path dir;

  /** {@code users} users with three interests each; user u's interest k has its description on a line known. */
  private static String users(int users) {
    StringBuilder b = new StringBuilder("users:\n");
    for (int u = 1; u <= users; u++) {
      b.append("  user").append(u).append("@contoso.com:\n    interests:\n");
      for (int k = 1; k <= 3; k++) {
        b.append("      Topic ").append(k).append(":\n        categories: [Bench]\n        description: Interest ")
            .append(k).append(" of user ").append(u).append('\n');
      }
    }
    return b.toString();
  }

  /** The line of user u's interest k's description in {@link #users}: 1 + 2 lines a user + 3 lines an interest. */
  private static int descriptionLine(int u, int k) {
    return 1 + (u - 1) * 11 + 2 + (k - 1) * 3 + 3;
  }

  private static DesiredResource interest(DesiredState state, int u, int k) {
    return state.resources().stream()
        .filter(r -> ("user" + u + "@contoso.com").equals(r.id().user()) && ("Topic " + k).equals(r.id().key()))
        .findFirst().orElseThrow();
  }

  @Test
  void nodesDeepInALargeFileAreLocated() throws Exception {
    Path file = Files.writeString(dir.resolve("users.yaml"), users(3000));
    DesiredState state = new DesiredStateLoader().load(List.of(file));

    DesiredResource r = interest(state, 2718, 2);
    assertThat(r.propertyLocations().get("description"))
        .isEqualTo(new Location(file.toString(), descriptionLine(2718, 2), 22));
    assertThat(r.location()).isEqualTo(new Location(file.toString(), descriptionLine(2718, 2) - 2, 7));
  }

  @Test
  void anErrorFoundOnlyOnceBuiltIsLocatedDeepInALargeFile() throws IOException {
    // The builder finds this one (two spellings of one item), after the schema, from the source map alone.
    String yaml = users(3000).replace("      Topic 3:\n        categories: [Bench]\n        description: Interest 3 "
        + "of user 2999\n", "      topic 1:\n        categories: [Bench]\n        description: Interest 3 of user "
        + "2999\n");
    Path file = Files.writeString(dir.resolve("users.yaml"), yaml);

    int line = descriptionLine(2999, 3) - 2;
    assertThatThrownBy(() -> new DesiredStateLoader().load(List.of(file)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).map(ConfigError::toString)
            .containsExactly(file + ":" + line + ":7: users[\"user2999@contoso.com\"].interests[\"topic 1\"]: same item as "
                + "'Topic 1' at " + file + ":" + (descriptionLine(2999, 1) - 2) + ":7 (Graph matches displayName "
                + "ignoring case)"));
  }

  @Test
  void repeatedTextIsOneObject() throws Exception {
    Path file = Files.writeString(dir.resolve("users.yaml"), users(2));
    DesiredState state = new DesiredStateLoader().load(List.of(file));

    JsonNode one = interest(state, 1, 1).properties().get("categories").get(0);
    JsonNode other = interest(state, 2, 3).properties().get("categories").get(0);
    assertThat(one).isSameAs(other);
    String name = interest(state, 1, 1).properties().propertyNames().iterator().next();
    String same = interest(state, 2, 3).properties().propertyNames().iterator().next();
    assertThat(name).isEqualTo("categories").isSameAs(same);
  }

  @Test
  void theBuiltStateHoldsNothingOfReadingTheFiles() throws Exception {
    List<ConfigError> errors = new ArrayList<>();
    YamlDocument doc = YamlDocumentReader.read("users.yaml", users(50).getBytes(), errors);
    WeakReference<Object> tree = new WeakReference<>(doc.tree());
    WeakReference<Object> user = new WeakReference<>(doc.tree().at("/users/user7@contoso.com"));
    WeakReference<Object> sources = new WeakReference<>(doc.sources());
    DocumentMerger merger = new DocumentMerger(errors);
    merger.add(doc);
    DesiredState state = DesiredStateValidation.build(merger.tree(), merger.sources(), errors, true, p -> null);
    doc = null;
    merger = null;

    for (int i = 0; i < 50 && (tree.get() != null || user.get() != null || sources.get() != null); i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(state.resources()).hasSize(150);
    assertThat(tree.get()).as("the document's tree").isNull();
    assertThat(user.get()).as("a user's object in the tree (each of their items is a resource's own)").isNull();
    assertThat(sources.get()).as("the document's source map").isNull();
  }
}
