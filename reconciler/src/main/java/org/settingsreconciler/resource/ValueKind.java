package org.settingsreconciler.resource;

/** The kind of a managed property's value; it decides how desired and current values are compared. */
public enum ValueKind {
  BOOLEAN,
  STRING,
  /** An Entra object id; compared case-insensitively, as Graph does. */
  GUID,
  /**
   * An Entra group id: a GUID compared ignoring case, which the YAML may also write as {@code {group: "<name>"}}
   * (resolved to the id before planning, see resolve.GroupResolver).
   */
  GROUP_ID,
  /** A string collection whose order carries no meaning (categories, allowedRoles): compared as a set. */
  STRING_SET,
  /** A string collection whose order matters (prioritizedSourceUrls): compared element by element. */
  STRING_LIST,
  /** A collection of objects (profile card annotations): compared as ordered JSON. */
  OBJECT_LIST
}
