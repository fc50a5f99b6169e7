package org.settingsreconciler.resource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether the tenant's value already satisfies the desired one. This is what keeps plans free of false
 * drift: sets ignore order, ids ignore case, and resources can add their own rule for what Graph does on its own.
 */
@FunctionalInterface
public interface ValueComparator {

  boolean satisfied(JsonNode desired, JsonNode current);

  /**
   * This comparison, except that a desired null is satisfied by any value: for a property Graph fills with a default
   * of its own when it is given none (a policy setting's policyId, a new interest's allowedAudiences), where null in
   * the YAML can only mean "Graph's choice" (the tenant never holds null there).
   */
  default ValueComparator orGraphsDefaultWhenNull() {
    return (desired, current) -> isAbsent(desired) || satisfied(desired, current);
  }

  static ValueComparator forKind(ValueKind kind) {
    return switch (kind) {
      case GUID, GROUP_ID, USER_ID -> ValueComparator::sameIgnoringCase;
      case STRING_SET -> ValueComparator::sameSet;
      case USERS_AND_GROUPS -> UsersAndGroups::same;
      default -> ValueComparator::sameJson;
    };
  }

  static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  static boolean sameJson(JsonNode desired, JsonNode current) {
    if (isAbsent(desired) || isAbsent(current)) {
      return isAbsent(desired) && isAbsent(current);
    }
    return desired.equals(current);
  }

  /** For ids: case is ignored, and an empty string is no id, as itemInsights documents its default "empty". */
  static boolean sameIgnoringCase(JsonNode desired, JsonNode current) {
    boolean noDesired = isAbsent(desired) || (desired.isString() && desired.asString().isEmpty());
    boolean noCurrent = isAbsent(current) || (current.isString() && current.asString().isEmpty());
    if (noDesired || noCurrent) {
      return noDesired && noCurrent;
    }
    if (desired.isString() && current.isString()) {
      return desired.asString().equalsIgnoreCase(current.asString());
    }
    return desired.equals(current);
  }

  /** Order-insensitive; duplicates are ignored too, since Graph stores these as sets. A null equals an empty set. */
  static boolean sameSet(JsonNode desired, JsonNode current) {
    return asSet(desired).equals(asSet(current));
  }

  /**
   * For a flags enum (isFlags in the metadata, serialised as members joined by commas): the same members in any order
   * are the same value, as Graph answers them in its own order. Anything else compares as JSON.
   */
  static boolean sameFlags(JsonNode desired, JsonNode current) {
    if (desired != null && current != null && desired.isString() && current.isString()) {
      return flags(desired.asString()).equals(flags(current.asString()));
    }
    return sameJson(desired, current);
  }

  private static Set<String> flags(String value) {
    Set<String> out = new HashSet<>();
    for (String member : value.split(",", -1)) {
      out.add(member.strip());
    }
    return out;
  }

  private static Set<JsonNode> asSet(JsonNode node) {
    Set<JsonNode> out = new HashSet<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> out.add(n.isString() ? n.asString() : n.toString()));
    }
    return out;
  }
}
