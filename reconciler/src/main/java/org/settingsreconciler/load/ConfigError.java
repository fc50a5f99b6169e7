package org.settingsreconciler.load;

import org.settingsreconciler.model.Location;

/**
 * One problem in the desired-state files, printed as {@code file:line:column: key: message} so editors and CI
 * annotations can jump to it.
 *
 * @param key the address of the place the problem is at ({@link KeyAddress}), or null when it is about the file
 *     itself
 */
public record ConfigError(Location location, String key, String message) implements Comparable<ConfigError> {

  @Override
  public String toString() {
    String where = location == null ? "" : location + ": ";
    return where + (key == null || key.isEmpty() ? "" : key + ": ") + message;
  }

  @Override
  public int compareTo(ConfigError o) {
    if (location == null || o.location == null) {
      return location == null ? (o.location == null ? 0 : -1) : 1;
    }
    int c = location.file().compareTo(o.location.file());
    if (c == 0) {
      c = Integer.compare(location.line(), o.location.line());
    }
    if (c == 0) {
      c = Integer.compare(location.column(), o.location.column());
    }
    return c == 0 ? message.compareTo(o.message) : c;
  }
}
