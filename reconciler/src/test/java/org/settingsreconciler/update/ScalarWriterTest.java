package org.settingsreconciler.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.node.JsonNodeFactory;

class ScalarWriterTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final List<String> TRICKY =
      List.of("", " ", "a", "true", "True", "null", "~", "1", "-1", "0x1F", "0o17", "1e3", ".5", ".nan", "-.inf",
          "yes", "on", "-", "- a", "a:", "a: b", "a:b", "#", "a #b", "a#b", "'", "\"", "it's", "\\", "tab\there",
          "new\nline", "trailing ", " leading", "ünïcödé", "😀 smile", "[a]", "{a}", "a,b", "a]", "*x", "&x", "!x",
          "%x", "@x", "`x", "|", ">", "? x", "a\u2028b", "\uFEFFbom", "\u0007bell",
          "4c563cdf-0efa-44c5-a384-dbf57db277df", "https://graph.microsoft.com/beta/x(sourceId='a')",
          "me,organization", "World's greatest football club");

  static Stream<Arguments> everyStyleAndPlace() {
    return TRICKY.stream()
        .flatMap(s -> Stream.of(ScalarStyle.PLAIN, ScalarStyle.SINGLE_QUOTED, ScalarStyle.DOUBLE_QUOTED)
            .flatMap(style -> Stream.of(Arguments.of(s, style, false), Arguments.of(s, style, true))));
  }

  @ParameterizedTest(name = "[{index}] {1} flow={2}")
  @MethodSource("everyStyleAndPlace")
  void everyStringReadsBackAsItself(String s, ScalarStyle style, boolean inFlow) {
    String written = ScalarWriter.value(F.stringNode(s), style, inFlow);
    Object parsed = load(inFlow ? "[" + written + "]" : "k: " + written);
    Object value = inFlow ? ((List<?>) parsed).get(0) : ((Map<?, ?>) parsed).get("k");
    assertThat(value).as(written).isEqualTo(s);
  }

  @ParameterizedTest(name = "[{index}] key flow={1}")
  @MethodSource("keysInEveryPlace")
  void everyKeyReadsBackAsItself(String s, boolean inFlow) {
    String written = ScalarWriter.key(s, ScalarStyle.PLAIN, inFlow);
    Object parsed = load(inFlow ? "{" + written + ": x}" : written + ": x");
    assertThat(List.copyOf(((Map<?, ?>) parsed).keySet())).as(written).isEqualTo(List.of(s));
  }

  static Stream<Arguments> keysInEveryPlace() {
    return TRICKY.stream().flatMap(s -> Stream.of(Arguments.of(s, false), Arguments.of(s, true)));
  }

  @Test
  void keepsTheOldStyleWhereTheValueAllowsIt() {
    assertThat(ScalarWriter.value(F.stringNode("0"), ScalarStyle.DOUBLE_QUOTED, false)).isEqualTo("\"0\"");
    assertThat(ScalarWriter.value(F.stringNode("it's"), ScalarStyle.SINGLE_QUOTED, false)).isEqualTo("'it''s'");
    assertThat(ScalarWriter.value(F.stringNode("organization"), ScalarStyle.PLAIN, false)).isEqualTo("organization");
    assertThat(ScalarWriter.value(F.stringNode("Chelsea FC"), ScalarStyle.PLAIN, true)).isEqualTo("Chelsea FC");
  }

  @Test
  void quotesWhatPlainWouldReadDifferently() {
    assertThat(ScalarWriter.value(F.stringNode("1"), ScalarStyle.PLAIN, false)).isEqualTo("\"1\"");
    assertThat(ScalarWriter.value(F.stringNode("true"), ScalarStyle.PLAIN, false)).isEqualTo("\"true\"");
    assertThat(ScalarWriter.value(F.stringNode("a: b"), ScalarStyle.PLAIN, false)).isEqualTo("\"a: b\"");
    assertThat(ScalarWriter.value(F.stringNode("a,b"), ScalarStyle.PLAIN, false)).isEqualTo("a,b");
    assertThat(ScalarWriter.value(F.stringNode("a,b"), ScalarStyle.PLAIN, true)).isEqualTo("\"a,b\"");
    // Single quotes cannot hold a line break: double quotes take over.
    assertThat(ScalarWriter.value(F.stringNode("a\nb"), ScalarStyle.SINGLE_QUOTED, false)).isEqualTo("\"a\\nb\"");
  }

  @Test
  void nonStringsArePlainWhateverTheOldStyle() {
    assertThat(ScalarWriter.value(F.nullNode(), ScalarStyle.DOUBLE_QUOTED, false)).isEqualTo("null");
    assertThat(ScalarWriter.value(F.booleanNode(false), ScalarStyle.SINGLE_QUOTED, false)).isEqualTo("false");
    assertThat(ScalarWriter.value(F.numberNode(12), ScalarStyle.PLAIN, false)).isEqualTo("12");
  }

  private static Object load(String yaml) {
    return new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
  }
}
