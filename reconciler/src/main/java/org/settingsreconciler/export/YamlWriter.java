package org.settingsreconciler.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.load.VariableSubstitution;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import tools.jackson.databind.JsonNode;

/**
 * Writes plain Java maps and lists as YAML 1.2 that the loader reads back to the same values: block style for whole
 * files and new blocks, flow style for values that must fit on one line. Export and {@code check --update-files}
 * both write through here, so a value looks the same whichever wrote it.
 */
public final class YamlWriter {

  private YamlWriter() {}

  public static String write(Map<String, Object> root) {
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(200)
            // A value stays on one line however long: output is masked a line at a time (MaskingWriter, standard
            // output), and a value folded at a space put a bearer token on the line after its "Bearer", unmasked.
            .setSplitLines(false)
            .setSchema(new DumpSchema())
            .setDumpComments(true)
            .build();
    return root.isEmpty() ? "{}\n" : new Dump(settings, new Representer(settings)).dumpToString(root);
  }

  /**
   * A map key written with a comment line above it, as export names a catalog's item: the key is its id, the
   * comment what the tenant calls it ({@code # displayName "Contoso HR Agent", publisher "Contoso"}). The comment
   * must be one line: text from the tenant goes through ResourceId.quote first.
   */
  public record CommentedKey(String key, String comment) {}

  /** One value in flow style on a single line, without a line break: {@code [a, b]}, {@code {k: v}}. */
  public static String flow(Object value) {
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.FLOW)
            .setSplitLines(false)
            .setWidth(Integer.MAX_VALUE)
            .setSchema(new DumpSchema())
            .build();
    return new Dump(settings, new Representer(settings)).dumpToString(value).strip();
  }

  /**
   * The dumper's representer, except that text holding NEL, LS or PS is always double-quoted, which reads back as
   * written. In a literal block (the dumper's choice for text with a line break) its own reader takes them for line
   * breaks and drops them: an interest named "\n\u0085" was exported as a key that reads back empty (found by the
   * generative round trip).
   */
  private static final class Representer extends StandardRepresenter {
    Representer(DumpSettings settings) {
      super(settings);
      this.representers.put(CommentedKey.class, data -> {
        CommentedKey k = (CommentedKey) data;
        Node n = representScalar(Tag.STR, k.key(), ScalarStyle.PLAIN);
        n.setBlockComments(List.of(
            new CommentLine(Optional.empty(), Optional.empty(), " " + k.comment(), CommentType.BLOCK)));
        return n;
      });
    }

    @Override
    protected Node representScalar(Tag tag, String value, ScalarStyle style) {
      boolean breaks = value.indexOf('\u0085') >= 0 || value.indexOf('\u2028') >= 0 || value.indexOf('\u2029') >= 0;
      return super.representScalar(tag, value, breaks ? ScalarStyle.DOUBLE_QUOTED : style);
    }
  }

  /**
   * A JSON value as plain Java values for the YAML dumper, its strings as {@link VariableSubstitution#literal} writes
   * them (keys are never substituted, so they stay as they are).
   */
  public static Object plain(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isNumber()) {
      return n.numberValue();
    }
    if (n.isString()) {
      return VariableSubstitution.literal(n.asString());
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(v -> out.add(plain(v)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    n.properties().forEach(e -> out.put(e.getKey(), plain(e.getValue())));
    return out;
  }
}
