package org.settingsreconciler.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Reading a document straight from the parser's events gives exactly what composing it does: the same tree, the same
 * places of every key and value, the same quoted scalars and the same errors, for plain documents and (through the
 * general way it falls back to) for every other kind, including thousands of random mutations of the examples.
 */
class PlainDocumentBuilderTest {

  static Stream<String> documents() {
    return Stream.of(
        "",
        "# only a comment\n",
        "---\n",
        "--- # a comment\n...\n",
        "people:\n  pronouns:\n    isEnabledInOrganization: true\n",
        "people: {pronouns: {isEnabledInOrganization: false}}\n",
        "a: 'quoted'\nb: \"double\"\nc: |\n  block\nd: >\n  folded\ne: plain\n",
        "n: [1, -2, +3, 0x1F, 0o17, 1.5, 1e3, .inf, -.Inf, .nan, ~, null, Null, true, True, FALSE, yes, on]\n",
        "t: !!str 5\nu: !!int '7'\nv: !!float x\nw: ! 8\nx: !local y\ny: !!binary aGk=\n",
        "m: !!map {a: 1}\ns: !!seq [1]\nbad: !!set {a}\nlocal: !thing [1, 2]\n",
        "k: {? a : 1}\n",
        "dup: 1\ndup: 2\n",
        "x:\n  y: 1\n  y: {z: 2}\n",
        "a: &x 1\nb: *x\n",
        "a: &x {k: v}\nb: *x\nc: [*x, *x]\n",
        "a: *undefined\n",
        "a: &a [*a]\n",
        "people:\n  ? [a, b]\n  : x\n",
        "<<: {a: 1}\n",
        "a:\n  <<: {b: 1}\n",
        "a: <<\n",
        "a: '<<'\n",
        "people: {}\n---\ncopilot: {}\n",
        "people: {}\n--- !!str\nx\n",
        "a: [1, 2\n",
        "a:\n\tb: 1\n",
        "- a\n- b\n",
        "just a scalar\n",
        "key with spaces: value with: colon\n\"quoted key\": 1\n'single': 2\n? explicit\n: 3\n",
        "users:\n  adele@contoso.com:\n    interests:\n      Chelsea FC:\n        categories: [Sports, Football]\n"
            + "        description: null\n",
        "a:\n  b:\n    c: [[[[[[1]]]]]]\n",
        "deep: " + "[".repeat(70) + "]".repeat(70) + "\n",
        "deep:\n" + nestedMap(62),
        "deep:\n" + nestedMap(63),
        "deep:\n" + nestedMap(64),
        "deep:\n" + nestedMap(65),
        "deep:\n" + nestedMap(66),
        "deep:\n" + nestedMap(70),
        "deep: " + "[".repeat(64) + "]".repeat(64) + "\n",
        "deep: " + "[".repeat(65) + "]".repeat(65) + "\n",
        "big: [" + "1, ".repeat(3000) + "1]\n",
        "a: \"\\u00e9\\t\"\nb: caf\u00e9\n");
  }

  private static String nestedMap(int depth) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < depth; i++) {
      b.append("  ".repeat(i)).append("k:\n");
    }
    return b.toString();
  }

  @ParameterizedTest
  @MethodSource("documents")
  void givesWhatComposingGives(String text) {
    assertSame(text);
  }

  @Test
  void givesWhatComposingGivesForTheExamples() throws IOException {
    for (String text : examples()) {
      assertSame(text);
    }
  }

  @Test
  void givesWhatComposingGivesForMutatedExamples() throws IOException {
    List<String> examples = examples();
    Random random = new Random(20261123L);
    for (int i = 0; i < 1000; i++) {
      assertSame(mutate(examples.get(random.nextInt(examples.size())), random));
    }
  }

  private static void assertSame(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<ConfigError> plainErrors = new ArrayList<>();
    List<ConfigError> composedErrors = new ArrayList<>();
    YamlDocument plain = YamlDocumentReader.read("f.yaml", bytes, plainErrors);
    YamlDocument composed = YamlDocumentReader.readComposed("f.yaml", bytes, composedErrors);
    String as = "input:\n" + text;
    assertThat(plainErrors).as(as).isEqualTo(composedErrors);
    assertThat(plain == null).as(as).isEqualTo(composed == null);
    if (plain == null) {
      return;
    }
    assertThat(plain.tree()).as(as).isEqualTo(composed.tree());
    if (plain.tree() == null) {
      return;
    }
    for (String pointer : pointers(plain.tree(), "")) {
      assertThat(plain.sources().keyLocation(pointer)).as(as + pointer)
          .isEqualTo(composed.sources().keyLocation(pointer));
      assertThat(plain.sources().valueLocation(pointer)).as(as + pointer)
          .isEqualTo(composed.sources().valueLocation(pointer));
      assertThat(plain.sources().isQuoted(pointer)).as(as + pointer).isEqualTo(composed.sources().isQuoted(pointer));
    }
  }

  private static List<String> pointers(JsonNode node, String pointer) {
    List<String> out = new ArrayList<>(List.of(pointer));
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.addAll(pointers(e.getValue(), SourceMap.child(pointer, e.getKey())));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.addAll(pointers(node.get(i), SourceMap.child(pointer, i)));
      }
    }
    return out;
  }

  private static List<String> examples() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("../examples"))) {
      for (Path p : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        out.add(Files.readString(p));
      }
    }
    return out;
  }

  private static final String[] INSERTS = {
    ":", "- ", " ", "  ", "\t", "{", "}", "[", "]", "\"", "'", "&a ", "*a", "!!str ", "!x ", "\n", "# ", "%", "@",
    "0", "1", "yes", "null", "~", "<<: ", "---\n", "? ", "|\n", ">\n", ",", "\u00e9", "!!map ", "!!seq "
  };

  private static String mutate(String text, Random random) {
    StringBuilder b = new StringBuilder(text);
    for (int e = 1 + random.nextInt(3); e > 0 && b.length() > 0; e--) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(4)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
        case 2 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
        default -> {
          int from = random.nextInt(b.length());
          b.insert(at, b.substring(from, Math.min(b.length(), from + random.nextInt(40))));
        }
      }
    }
    return b.toString();
  }
}
