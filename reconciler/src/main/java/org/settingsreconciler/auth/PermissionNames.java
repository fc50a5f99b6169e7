package org.settingsreconciler.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which Graph permissions include which. The descriptors name the least-privileged permission; a token may well
 * carry a broader one instead, and refusing it would stop a request that works.
 */
final class PermissionNames {

  /** Broader permissions Graph documents for the user-profile endpoints, besides the ReadWrite rule. */
  private static final Map<String, List<String>> BROADER =
      Map.of(
          "User.Read.All", List.of("Directory.Read.All", "Directory.ReadWrite.All"),
          "User.ReadWrite.All", List.of("Directory.ReadWrite.All"));

  private PermissionNames() {}

  /** {@code permission} itself and every permission that includes it. */
  static List<String> satisfying(String permission) {
    List<String> out = new ArrayList<>();
    out.add(permission);
    String readWrite = readWriteOf(permission);
    if (readWrite != null) {
      out.add(readWrite);
    }
    for (String p : List.copyOf(out)) {
      out.addAll(BROADER.getOrDefault(p, List.of()));
    }
    return out;
  }

  /** {@code X.Read} to {@code X.ReadWrite}, {@code X.Read.All} to {@code X.ReadWrite.All}; null otherwise. */
  static String readWriteOf(String permission) {
    int i = permission.toLowerCase(Locale.ROOT).indexOf(".read");
    if (i < 0) {
      return null;
    }
    int end = i + ".Read".length();
    if (end < permission.length() && permission.charAt(end) != '.') {
      return null; // already ReadWrite, or ReadBasic
    }
    return permission.substring(0, end) + "Write" + permission.substring(end);
  }
}
