package org.settingsreconciler.resource;

/** How a Graph settings resource is addressed, which decides how it is read and which requests can change it. */
public enum Shape {
  /** One object at a fixed path: GET and PATCH only (enhanced personalization, pronouns, ...). */
  SINGLETON,
  /** A known set of objects addressed by id, with no list endpoint: GET and PATCH per id (Copilot policy settings). */
  FIXED_IDS,
  /** A list endpoint with POST, and PATCH/DELETE per item (profile card properties, interests, ...). */
  COLLECTION
}
