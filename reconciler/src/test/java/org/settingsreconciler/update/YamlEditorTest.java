package org.settingsreconciler.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlEditorTest {

  @Test
  void appliesEditsInOffsetOrderWhateverOrderTheyCameIn() {
    String text = "a: 1\nb: 2\nc: 3\n";
    List<YamlEdit> edits = List.of(new YamlEdit(13, 14, "30"), new YamlEdit(3, 4, "10"), YamlEdit.delete(5, 10));

    assertThat(YamlEditor.apply(text, edits, "\n")).isEqualTo("a: 10\nc: 30\n");
  }

  @Test
  void insertionsAtOneOffsetKeepTheirOrderAndMayTouchAReplacedRange() {
    String text = "x\ny\n";
    List<YamlEdit> edits = List.of(YamlEdit.delete(0, 2), YamlEdit.insert(2, "one\n"), YamlEdit.insert(2, "two\n"));

    assertThat(YamlEditor.apply(text, edits, "\n")).isEqualTo("one\ntwo\ny\n");
  }

  @Test
  void refusesOverlappingEdits() {
    assertThatThrownBy(() -> YamlEditor.apply("abcdef", List.of(new YamlEdit(0, 3, "x"), new YamlEdit(2, 4, "y")), "\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlapping");
    assertThatThrownBy(() -> YamlEditor.apply("abc", List.of(new YamlEdit(2, 9, "x")), "\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesInsertedLineBreaksInTheFilesStyleWithoutDoublingReusedOnes() {
    String text = "a: 1\r\nb: 2\r\n";
    List<YamlEdit> edits = List.of(YamlEdit.insert(6, "new: x\nmore: y\n"), new YamlEdit(6, 6, "b: 2\r\nkept: z\n"));

    assertThat(YamlEditor.apply(text, edits, "\r\n"))
        .isEqualTo("a: 1\r\nnew: x\r\nmore: y\r\nb: 2\r\nkept: z\r\nb: 2\r\n");
  }
}
