package org.settingsreconciler.resource;

/** How a Graph settings resource is addressed, which decides how it is read and which requests can change it. */
public enum Shape {
  /** One object at a fixed path: GET and PATCH only (enhanced personalization, pronouns, ...). */
  SINGLETON,
  /** A known set of objects addressed by id, with no list endpoint: GET and PATCH per id (Copilot policy settings). */
  FIXED_IDS,
  /** A list endpoint with POST, and PATCH/DELETE per item (profile card properties, interests, ...). */
  COLLECTION,
  /**
   * Items published elsewhere (Copilot agents, by whoever made them), addressed by their Graph id, which is the YAML
   * key: each item the YAML names is read and written by id (GET, PATCH, the actions Graph binds to it), since Graph's
   * list shows less of an item than its GET; the list itself is read only to find the items the YAML does not name
   * (its allow-list, see {@link AllowList}) and for export. The tool never creates or deletes one.
   */
  CATALOG
}
