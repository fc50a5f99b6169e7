package org.settingsreconciler.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** No pattern of schemas/ is ever shown to a user as a regex: each is worded in plain words. */
class PatternWordingTest {

  private static final Path SCHEMAS = Path.of("..", "schemas");

  @Test
  void everyPatternInTheSchemasIsWordedWithoutItsRegex() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SCHEMAS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        collect(JsonMapper.builder().build().readTree(file.toFile()), file + "#", found, null);
      }
    }

    assertThat(found).hasSizeGreaterThanOrEqualTo(6);
    for (String line : found) {
      String[] parts = line.split("\n", 3);
      String worded = PatternWording.of(parts[1], JsonMapper.builder().build().readTree(parts[2]), "no-such-thing");
      assertThat(worded).as(parts[0]).doesNotContain(parts[1]).doesNotContain("^").doesNotContain("regex")
          .doesNotContain(PatternWording.UNDESCRIBED);
    }
  }

  /** Every schema object holding a pattern, as its location, its pattern and itself (JSON), a line each. */
  private static void collect(JsonNode node, String at, List<String> out, String key) {
    if (node.isObject()) {
      JsonNode pattern = node.get("pattern");
      if (pattern != null && pattern.isString() && !"properties".equals(key)) {
        out.add(at + "\n" + pattern.asString() + "\n" + node);
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collect(e.getValue(), at + "/" + e.getKey(), out, e.getKey());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), at + "/" + i, out, null);
      }
    }
  }

  @Test
  void aFlagsEnumListsItsNamesButNotOdataSentinelAndOffersTheCloseOne() {
    String pattern = "^(me|organization|unknownFutureValue)(,(me|organization|unknownFutureValue))*$";

    assertThat(PatternWording.of(pattern, null, "me,organisation"))
        .isEqualTo("\"organisation\" is not one of me, organization (comma-separated); did you mean organization?");
  }
}
