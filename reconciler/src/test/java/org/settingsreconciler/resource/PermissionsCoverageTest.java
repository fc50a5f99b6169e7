package org.settingsreconciler.resource;

import org.settingsreconciler.resource.defs.ResourceRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every descriptor states, for every operation it supports, a permission and a directory role, or explicitly that the
 * docs name none; and states exactly what docs/permissions.md records from Microsoft's docs, so the two cannot drift.
 */
class PermissionsCoverageTest {

  static final Path DOC = Path.of("..", "docs", "permissions.md");

  /** The Microsoft Entra built-in roles the docs name for these operations; a typo in a descriptor is caught here. */
  static final List<String> ROLES = List.of("Global Reader", "Global Administrator", "People Administrator");

  @Test
  void everyOperationADescriptorSupportsHasAPermissionAndARoleOrNone() {
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      Permissions p = d.permissions();
      List<Operation> ops = new ArrayList<>(Operation.values());
      d.actions().forEach(action -> ops.add(Operation.action(action.name())));
      for (Operation op : ops) {
        Access a = p.of(op);
        if (!d.operations().contains(op)) {
          assertThat(a).as(d.type() + " has no " + op.verb() + " in Graph").isNull();
          continue;
        }
        assertThat(a).as(d.type() + " " + op.verb()).isNotNull();
        assertThat(a.delegated()).as(d.type() + " " + op.verb()).isNotBlank();
        assertThat(a.role()).as(d.type() + " " + op.verb() + ": a role, or Access.NO_ROLE")
            .isIn(concat(ROLES, Access.NO_ROLE));
      }
    }
  }

  @Test
  void descriptorsSayWhatTheDocsPageRecords() throws IOException {
    Map<String, String[]> documented = documentedRows();
    List<String> described = new ArrayList<>();
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      for (Operation op : d.operations()) {
        String key = d.type() + " " + op.verb();
        described.add(key);
        Access a = d.permissions().of(op);
        assertThat(documented).as("docs/permissions.md has a row for " + key).containsKey(key);
        String[] row = documented.get(key);
        assertThat(a.delegated()).as(key + " delegated").isEqualTo(row[0]);
        assertThat(a.appOnly() ? a.application() : "not supported").as(key + " application").isEqualTo(row[1]);
        assertThat(a.role()).as(key + " role").isEqualTo(row[2]);
      }
    }
    assertThat(described).as("every documented setting operation is a descriptor's")
        .containsExactlyInAnyOrderElementsOf(documented.keySet());
  }

  /**
   * The "Per resource and operation" table, for the setting types (rows whose resource is a registry type), keyed by
   * "type operation": delegated, application, role (its explanation in parentheses dropped).
   */
  private static Map<String, String[]> documentedRows() throws IOException {
    Map<String, String[]> out = new LinkedHashMap<>();
    boolean inTable = false;
    String resource = null;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("## ")) {
        inTable = line.equals("## Per resource and operation");
        continue;
      }
      if (!inTable || !line.startsWith("| ") || line.startsWith("| Resource") || line.startsWith("|---")) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      String first = cells[1].trim();
      if (!first.isEmpty()) {
        resource = first;
      }
      if (ResourceRegistry.byType(resource).isEmpty()) {
        continue; // group lookups, the tenant name: not descriptors
      }
      String role = cells[5].trim();
      int note = role.indexOf(" (");
      out.put(resource + " " + cells[2].trim(),
          new String[] {cells[3].trim(), cells[4].trim(), note < 0 ? role : role.substring(0, note)});
    }
    return out;
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> out = new ArrayList<>(list);
    out.add(more);
    return out;
  }
}
