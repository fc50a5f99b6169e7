package org.settingsreconciler.resource;

import org.settingsreconciler.resource.defs.ResourceRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The table "GET envelopes, as the docs show them" in docs/metadata-differences.md names, for every resource, the
 * form of its single GET with the docs page it was read from; each descriptor's getWrappedInValue says the same.
 */
class GetEnvelopesTableTest {

  static final String HEADING = "GET envelopes, as the docs show them";

  @Test
  void everyDescriptorWrapsItsGetExactlyWhereTheTableSaysTheDocsDo() {
    Map<String, String> table = new TreeMap<>();
    for (List<String> row : MetadataDifferences.table(HEADING, List.of("Resource", "Single GET", "Source"))) {
      assertThat(row.get(1)).as(row.get(0)).isIn("wrapped", "bare");
      assertThat(row.get(2)).as(row.get(0) + " needs the docs page it comes from").contains(".md");
      table.put(row.get(0), row.get(1));
    }
    Map<String, String> descriptors = new TreeMap<>();
    ResourceRegistry.all().forEach(d -> descriptors.put(d.type(), d.getWrappedInValue() ? "wrapped" : "bare"));

    assertThat(table).isEqualTo(descriptors);
  }
}
