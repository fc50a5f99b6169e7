package org.settingsreconciler.plan;

import java.util.List;
import org.settingsreconciler.graph.GraphError;

/**
 * One managed setting's state. An UNKNOWN setting could not be read: it is an error, never drift.
 *
 * @param changes what would fix a DRIFTED setting (empty otherwise)
 * @param error why an UNKNOWN setting could not be read (null otherwise)
 */
public record SettingStatus(String address, State state, List<Change> changes, GraphError error) {

  public enum State {
    IN_SYNC,
    DRIFTED,
    UNKNOWN
  }
}
