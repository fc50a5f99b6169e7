package org.settingsreconciler.export;

import java.util.List;
import org.settingsreconciler.plan.ReadFailure;

/**
 * @param content the desired state that matches the tenant, written out by copying (see {@link ExportedYaml})
 * @param notes what was left out on purpose (unconfigured or unmanageable settings), for stderr
 * @param failures reads that failed: the export is incomplete and the command exits 1
 * @param warnings what the YAML cannot say as it is (an item the tenant holds more than once, exported once; an item
 *     without a key, such as an interest without a displayName, left out), for stderr; the YAML carries them as
 *     comments at its top
 */
public record ExportResult(ExportedYaml content, List<String> notes, List<ReadFailure> failures,
    List<String> warnings) {

  /** The whole YAML as one string: for small exports and tests. */
  public String yaml() {
    return content.text();
  }
}
