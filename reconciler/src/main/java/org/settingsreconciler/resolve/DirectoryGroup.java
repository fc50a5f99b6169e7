package org.settingsreconciler.resolve;

/** An Entra group as the directory lists it: only what name resolution needs. */
public record DirectoryGroup(String id, String displayName) {

  @Override
  public String toString() {
    return id + " (\"" + displayName + "\")";
  }
}
