package org.settingsreconciler.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input built to break YAML loaders. Each is refused with a located error, or accepted where YAML 1.2 and the
 * schema agree it is fine, always in bounded time, and never with anything but a ConfigException.
 */
class HostileInputTest {

  @TempDir Path dir;

  static Stream<Arguments> corpus() {
    String laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        + "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        + "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
    StringBuilder deepMap = new StringBuilder("people:\n");
    for (int i = 1; i < 200; i++) {
      deepMap.append("  ".repeat(i)).append("k:\n");
    }
    return Stream.of(
        Arguments.of("billion laughs", bytes(laughs), "refused", "alias"),
        Arguments.of("deep flow nesting", bytes("people: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n"),
            "refused", "nested too deeply"),
        Arguments.of("deep block nesting", bytes(deepMap.toString()), "refused", "nested deeper than 64 levels"),
        Arguments.of("very large file", bytes("# " + "x".repeat(5 * 1024 * 1024) + "\n"), "refused", "larger than 4 MiB"),
        Arguments.of("non-UTF-8 bytes", new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'}, "refused",
            "not valid UTF-8"),
        Arguments.of("byte order mark", bytes("\uFEFFpeople:\n  pronouns:\n    isEnabledInOrganization: true\n"),
            "accepted", null),
        Arguments.of("tab indentation", bytes("people:\n\tpronouns: {}\n"), "refused", ":2:1: YAML syntax error"),
        Arguments.of("merge key (not YAML 1.2)", bytes("people:\n  pronouns:\n    <<: {isEnabledInOrganization: true}\n"),
            "refused", ":3:5: merge keys (<<) are not YAML 1.2"),
        Arguments.of("java tag", bytes("people: !!javax.script.ScriptEngineManager [x]\n"), "refused",
            "unsupported YAML tag"),
        Arguments.of("local tag", bytes("people:\n  pronouns: !secret {}\n"), "refused", "unsupported YAML tag !secret"),
        Arguments.of("two documents", bytes("people: {}\n---\ncopilot: {}\n"), "refused", "more than one YAML document"),
        Arguments.of("empty file", bytes(""), "accepted", null),
        Arguments.of("only a comment", bytes("# nothing\n"), "accepted", null),
        Arguments.of("huge integer", bytes("people:\n  pronouns:\n    isEnabledInOrganization: " + "9".repeat(5000) + "\n"),
            "refused", "must be a boolean, not an integer"),
        Arguments.of("huge float", bytes("people:\n  pronouns:\n    isEnabledInOrganization: 1e400\n"), "refused",
            "must be a boolean, not a number"),
        Arguments.of("infinity", bytes("people:\n  pronouns:\n    isEnabledInOrganization: .inf\n"), "refused",
            "infinite or NaN"),
        Arguments.of("yes is a string", bytes("people:\n  pronouns:\n    isEnabledInOrganization: yes\n"), "refused",
            "YAML 1.2 booleans are true and false"),
        Arguments.of("on is a string", bytes("people:\n  pronouns:\n    isEnabledInOrganization: on\n"), "refused",
            "YAML 1.2 booleans are true and false"),
        Arguments.of("True is a boolean in YAML 1.2", bytes("people:\n  pronouns:\n    isEnabledInOrganization: True\n"),
            "accepted", null),
        Arguments.of("complex key", bytes("people:\n  ? [a, b]\n  : x\n"), "refused", "Non scalar key"),
        Arguments.of("null byte", bytes("people: \u0000\n"), "refused", "special characters are not allowed"),
        Arguments.of("top-level list", bytes("- people\n"), "refused", "must be a mapping of sections"),
        Arguments.of("recursive alias", bytes("a: &a [*a]\n"), "refused", ""));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @Timeout(10)
  void isHandled(String name, byte[] content, String outcome, String message) throws Exception {
    Path file = dir.resolve("hostile.yaml");
    Files.write(file, content);
    try {
      new DesiredStateLoader().load(List.of(file));
      assertThat(outcome).as(name + " was accepted").isEqualTo("accepted");
    } catch (ConfigException e) {
      assertThat(outcome).as(name + " was refused: " + e.errors()).isEqualTo("refused");
      assertThat(e.errors()).as(name).isNotEmpty()
          .allSatisfy(err -> assertThat(err.toString()).startsWith(file + ":"));
      assertThat(e.errors().toString()).as(name).contains(message);
    }
  }
}
