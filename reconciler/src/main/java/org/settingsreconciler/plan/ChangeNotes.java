package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ValueComparator;
import tools.jackson.databind.JsonNode;

/**
 * Makes the notes of a change, in one place for every renderer: a property whose descriptor has a plan note gets
 * it; where Graph rewrites what it is sent (appends to a list), the note comes with the value the tenant will hold,
 * and only when the rewrite changes the value (a list that already holds what Graph appends needs no note).
 */
final class ChangeNotes {

  private ChangeNotes() {}

  static List<Note> of(Change c) {
    List<Note> out = new ArrayList<>();
    for (PropertyChange p : PlanJson.properties(c)) {
      PropertySpec spec = c.resource().descriptor().property(p.name()).orElse(null);
      if (spec == null || spec.planNote() == null) {
        continue;
      }
      if (spec.storedAs() == null) {
        out.add(new Note(p.name(), spec.planNote(), null));
        continue;
      }
      // Graph rewrites under the version the write goes to (the Entra ID source's URL names it).
      GraphVersion version = GraphVersion.leading(c.path()).orElse(GraphVersion.BETA);
      JsonNode stored = spec.storedAs().apply(p.after(), version);
      if (!ValueComparator.sameJson(stored, p.after())) {
        out.add(new Note(p.name(), spec.planNote(), stored));
      }
    }
    return out;
  }
}
