package org.settingsreconciler.render;

import static org.settingsreconciler.text.MarkdownText.cell;
import static org.settingsreconciler.text.MarkdownText.code;
import static org.settingsreconciler.text.MarkdownText.html;
import static org.settingsreconciler.text.MarkdownText.text;

import org.settingsreconciler.text.MarkdownText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.plan.Destructive;
import org.settingsreconciler.plan.Invoke;
import org.settingsreconciler.plan.PlanJson;
import org.settingsreconciler.plan.Note;
import org.settingsreconciler.plan.PropertyChange;
import org.settingsreconciler.plan.SettingStatus;
import org.settingsreconciler.plan.Update;
import tools.jackson.databind.JsonNode;

/**
 * One changed setting as a collapsible Markdown section: the summary line names the action and the address (and
 * flags a destructive change, which is then open by default), the body shows each request and a table of
 * property, before, after and where the desired value was written. Long values follow the table as diffs.
 */
final class MarkdownChangeSection {

  private static final String ABSENT = "—";

  private MarkdownChangeSection() {}

  /** @param description what the tenant calls the item (see Plan.description), or null */
  static String render(SettingStatus setting, String description) {
    List<Change> changes = setting.changes();
    boolean destructive = changes.stream().anyMatch(c -> Destructive.reason(c).isPresent());
    String actions = changes.stream().map(MarkdownChangeSection::action).collect(Collectors.joining(" then "));
    StringBuilder b = new StringBuilder();
    b.append(destructive ? "<details open>\n" : "<details>\n");
    b.append("<summary>").append(actions).append(' ').append(html(setting.address()));
    if (destructive) {
      b.append(" ⚠️ <b>destructive</b>");
    }
    b.append("</summary>\n\n");
    if (description != null) {
      b.append("In the tenant: ").append(text(description)).append("\n\n");
    }
    for (Change c : changes) {
      change(b, c);
    }
    return b.append("</details>\n").toString();
  }

  private static String action(Change c) {
    if (c instanceof Invoke i) {
      return "▶️ <b>" + i.name() + "</b>";
    }
    if (c instanceof Create) {
      return "➕ <b>create</b>";
    }
    return c instanceof Delete ? "➖ <b>delete</b>" : "🔄 <b>update</b>";
  }

  private static void change(StringBuilder b, Change c) {
    b.append(code(c.method() + " " + c.path())).append("\n\n");
    Optional<String> destructive = Destructive.reason(c);
    destructive.ifPresent(r -> b.append("> ⚠️ **Destructive:** ").append(text(r)).append("\n\n"));
    PlanJson.reason(c).ifPresent(r -> b.append("Why: ").append(text(r)).append("\n\n"));
    if (!c.dependsOn().isEmpty()) {
      b.append("After: ").append(String.join(", ", c.dependsOn().stream().map(a -> code(a)).toList()))
          .append("\n\n");
    }
    List<PropertyChange> rows = new ArrayList<>();
    List<PropertyChange> diffs = new ArrayList<>();
    for (PropertyChange p : properties(c)) {
      (LongValueDiff.applies(p.before(), p.after()) ? diffs : rows).add(p);
    }
    if (!rows.isEmpty()) {
      b.append("| property | before | after | source |\n|---|---|---|---|\n");
      for (PropertyChange p : rows) {
        b.append("| ").append(cell(p.name()))
            .append(" | ").append(value(p.before()))
            .append(" | ").append(p.after() == null ? ABSENT : cell(ProvenanceText.after(p)))
            .append(" | ").append(p.source() == null ? ABSENT : cell(ProvenanceText.source(p)))
            .append(" |\n");
      }
      b.append('\n');
    }
    for (PropertyChange p : diffs) {
      b.append(code(p.name()));
      if (p.source() != null) {
        b.append(" (source ").append(code(ProvenanceText.source(p))).append(')');
      }
      b.append(":\n\n").append(MarkdownText.fenced("diff", LongValueDiff.unified(p.before(), p.after()))).append('\n');
    }
    for (PropertyChange p : properties(c)) {
      String names = ProvenanceText.names(p);
      if (names != null) {
        b.append("Named in the YAML, in ").append(code(p.name())).append(": ").append(text(names)).append("\n\n");
      }
    }
    for (Note note : c.notes()) {
      b.append("ℹ️ Note on ").append(code(note.property())).append(": ").append(text(note.text()));
      if (note.afterApply() != null) {
        b.append("; after apply: ").append(code(note.afterApply().toString()));
      }
      b.append("\n\n");
    }
    if (c instanceof Update u) {
      resent(b, u);
    }
  }

  /** Properties the body carries unchanged because Graph requires them: named, so the review hides nothing sent. */
  private static void resent(StringBuilder b, Update u) {
    Set<String> changed = new HashSet<>();
    u.properties().forEach(p -> changed.add(p.name()));
    List<String> unchanged = new ArrayList<>();
    u.body().properties().forEach(e -> {
      if (!changed.contains(e.getKey())) {
        unchanged.add(code(e.getKey()) + " = " + code(ProvenanceText.resent(u, e.getKey())));
      }
    });
    if (!unchanged.isEmpty()) {
      b.append("Also sent unchanged, because Graph requires it in every PATCH: ")
          .append(String.join(", ", unchanged)).append("\n\n");
    }
  }

  /** What a change shows per property; a delete shows everything it removes. */
  private static List<PropertyChange> properties(Change c) {
    if (!(c instanceof Delete)) {
      return PlanJson.properties(c);
    }
    List<PropertyChange> out = new ArrayList<>();
    c.before().properties().forEach(e -> out.add(new PropertyChange(e.getKey(), e.getValue(), null, null)));
    return out;
  }

  /** A JSON value as code; no value at all (before a create, after a delete) as a dash, unlike JSON null. */
  private static String value(JsonNode n) {
    return n == null ? ABSENT : cell(n.toString());
  }
}
