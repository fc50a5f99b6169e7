package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Editing a saved plan as a determined editor would, for the tests that prove apply --plan refuses it: find a
 * change, write the plan back, reseal it (a digest recomputed apart from the tool's code), apply it, and check that
 * it was refused with nothing written.
 */
final class SavedPlanEdits {

  private SavedPlanEdits() {}

  static ObjectNode change(ObjectNode plan, String address) {
    for (JsonNode c : plan.get("changes")) {
      if (c.get("address").asString().equals(address)) {
        return (ObjectNode) c;
      }
    }
    throw new AssertionError("no change " + address + " in " + plan);
  }

  /** Writes {@code plan} to {@code saved}, then runs {@code apply --plan saved} with {@code more} options. */
  static Run applySaved(WireHarness h, Path saved, ObjectNode plan, String... more) throws IOException {
    Files.writeString(saved, WireHarness.JSON.writeValueAsString(plan));
    return applySavedFile(h, saved, more);
  }

  static Run applySavedFile(WireHarness h, Path saved, String... more) {
    return h.graph(applyArgs(saved, more));
  }

  /** As {@link #applySaved}, with {@code --graph-url graphUrl} instead of the harness's own root. */
  static Run applySavedAt(WireHarness h, String graphUrl, Path saved, ObjectNode plan, String... more)
      throws IOException {
    Files.writeString(saved, WireHarness.JSON.writeValueAsString(plan));
    return h.graphAt(graphUrl, applyArgs(saved, more));
  }

  private static String[] applyArgs(Path saved, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "apply";
    args[1] = "--plan";
    args[2] = saved.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return args;
  }

  /** Exit 1, each message on stderr, nothing reported applied, and only reads reached Graph. */
  static void assertRefusedAndNothingWritten(WireHarness h, Run r, String... messages) {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains(messages);
    assertThat(r.out()).doesNotContain("applied ");
    assertThat(h.requests()).allSatisfy(q -> assertThat(q.getMethod().getName()).as(q.getUrl()).isEqualTo("GET"));
  }

  /**
   * Recomputes the digest of an edited plan as its format describes it (SHA-256 of the document without "digest",
   * object keys sorted, no spaces), written here apart from the tool's own code.
   */
  static ObjectNode reseal(ObjectNode plan) {
    ObjectNode copy = plan.deepCopy();
    copy.remove("digest");
    try {
      byte[] bytes = WireHarness.JSON.writeValueAsString(sorted(copy)).getBytes(StandardCharsets.UTF_8);
      copy.put("digest", "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return copy;
  }

  private static JsonNode sorted(JsonNode n) {
    if (n.isObject()) {
      Map<String, JsonNode> keys = new TreeMap<>();
      n.properties().forEach(e -> keys.put(e.getKey(), sorted(e.getValue())));
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      keys.forEach(out::set);
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      n.forEach(i -> out.add(sorted(i)));
      return out;
    }
    return n;
  }
}
