package org.settingsreconciler.bench;

import org.settingsreconciler.sandbox.GraphSandbox;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's data, made on the fly: the demo tenant's settings (every singleton, policy setting and tenant
 * collection) plus N users with five interests each, and desired-state YAML for the users that keeps those five and
 * adds one new interest per user, so a plan has N creates.
 */
final class BenchTenant {

  static final int INTERESTS = 5;

  private BenchTenant() {}

  static String upn(int i) {
    return String.format("user%05d@bench.example", i);
  }

  static ObjectNode seed(int users) {
    ObjectNode seed = (ObjectNode) GraphSandbox.demoTenant();
    ObjectNode all = seed.putObject("users");
    for (int u = 1; u <= users; u++) {
      ObjectNode user = all.putObject(upn(u));
      user.put("id", String.format("00000000-0000-4000-8000-%012d", u));
      user.put("displayName", "Bench User " + u);
      ArrayNode interests = user.putArray("interests");
      for (int k = 1; k <= INTERESTS; k++) {
        ObjectNode interest = interests.addObject();
        interest.put("id", String.format("%08d-0000-4000-8000-%012d", k, u));
        interest.put("displayName", "Topic " + k);
        interest.putArray("categories").add("Bench");
        interest.put("description", "Interest " + k + " of user " + u);
        interest.put("allowedAudiences", "organization");
      }
    }
    return seed;
  }

  /** A users section for users {@code from} to {@code to}: each one's five interests as they are, and one new one. */
  static String usersYaml(int from, int to) {
    StringBuilder b = new StringBuilder("users:\n");
    for (int u = from; u <= to; u++) {
      b.append("  ").append(upn(u)).append(":\n    interests:\n");
      for (int k = 1; k <= INTERESTS; k++) {
        b.append("      Topic ").append(k).append(":\n        categories: [Bench]\n        description: Interest ")
            .append(k).append(" of user ").append(u).append('\n');
      }
      b.append("      Benchmarking:\n        categories: [Bench]\n        description: created by the benchmark\n");
    }
    return b.toString();
  }
}
