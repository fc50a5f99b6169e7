package org.settingsreconciler.resource;

import tools.jackson.databind.JsonNode;

/**
 * The kind of a managed property's value; it decides how desired and current values are compared, and which JSON
 * type a value Graph answers must have.
 */
public enum ValueKind {
  BOOLEAN,
  STRING,
  /** An Entra object id; compared case-insensitively, as Graph does. */
  GUID,
  /**
   * An Entra group id: a GUID compared ignoring case, which the YAML may also write as {@code {group: "<name>"}}
   * (resolved to the id before planning, see resolve.NameResolver).
   */
  GROUP_ID,
  /**
   * An Entra user id: a GUID compared ignoring case, which the YAML may also write as {@code {user: "<upn>"}}
   * (resolved to the id before planning, see resolve.NameResolver).
   */
  USER_ID,
  /** A string collection whose order carries no meaning (categories, allowedRoles): compared as a set. */
  STRING_SET,
  /** A string collection whose order matters (prioritizedSourceUrls): compared element by element. */
  STRING_LIST,
  /** A collection of objects (profile card annotations): compared as ordered JSON. */
  OBJECT_LIST,
  /**
   * Users and groups, as Graph lists who may use an agent: {@code {resourceType: user|group, resourceId: <id>}}
   * entries compared as a set, ids ignoring case (see {@link UsersAndGroups}). The YAML may write an entry as
   * {@code {user: "<upn>"}} or {@code {group: "<name>"}} (resolved before planning, see resolve.NameResolver).
   */
  USERS_AND_GROUPS;

  /**
   * Whether a value Graph answered has this kind's JSON type. Null is not judged here: Graph writes null for a
   * property that is not set, which every kind allows in the tenant.
   */
  public boolean fits(JsonNode value) {
    return switch (this) {
      case BOOLEAN -> value.isBoolean();
      case STRING, GUID, GROUP_ID, USER_ID -> value.isString();
      case STRING_SET, STRING_LIST -> value.isArray() && value.valueStream().allMatch(JsonNode::isString);
      case OBJECT_LIST, USERS_AND_GROUPS -> value.isArray() && value.valueStream().allMatch(JsonNode::isObject);
    };
  }

  /** The JSON type {@link #fits} takes, in words: "a boolean", "an array of strings". */
  public String jsonType() {
    return switch (this) {
      case BOOLEAN -> "a boolean";
      case STRING, GUID, GROUP_ID, USER_ID -> "a string";
      case STRING_SET, STRING_LIST -> "an array of strings";
      case OBJECT_LIST, USERS_AND_GROUPS -> "an array of objects";
    };
  }
}
